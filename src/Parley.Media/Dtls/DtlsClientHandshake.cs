using Org.BouncyCastle.Tls;

namespace Parley.Media.Dtls;

/// <summary>The active DTLS side (a=setup:active), used by our C# peer against the SFU.</summary>
public sealed class DtlsClientHandshake : DtlsHandshake
{
    public DtlsClientHandshake(
        DtlsCertificate localCertificate,
        DtlsFingerprint expectedRemoteFingerprint,
        DtlsDatagramTransport transport,
        DtlsHandshakeOptions? options = null)
        : base(localCertificate, expectedRemoteFingerprint, transport, options)
    {
    }

    private protected override DtlsTransport RunProtocol() =>
        new DtlsClientProtocol().Connect(new DtlsClientPeer(this, DtlsServerPeer.CreateCrypto()), Transport);
}
