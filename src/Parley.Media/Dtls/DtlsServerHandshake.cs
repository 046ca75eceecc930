using Org.BouncyCastle.Tls;

namespace Parley.Media.Dtls;

/// <summary>
/// The passive DTLS side (a=setup:passive, RFC 5763 §5) that the SFU takes with every browser.
/// </summary>
public sealed class DtlsServerHandshake : DtlsHandshake
{
    public DtlsServerHandshake(
        DtlsCertificate localCertificate,
        DtlsFingerprint expectedRemoteFingerprint,
        DtlsDatagramTransport transport,
        DtlsHandshakeOptions? options = null)
        : base(localCertificate, expectedRemoteFingerprint, transport, options)
    {
    }

    private protected override DtlsTransport RunProtocol()
    {
        // No HelloVerifyRequest round trip (RFC 6347 §4.2.1 makes it optional): ICE has already
        // proved the peer answers at this address.
        var protocol = new DtlsServerProtocol { VerifyRequests = false };
        return protocol.Accept(new DtlsServerPeer(this, DtlsServerPeer.CreateCrypto()), Transport);
    }
}
