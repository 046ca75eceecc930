using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Parley.Media.Dtls;

/// <summary>BouncyCastle's server callbacks, configured for WebRTC (DESIGN.md §3).</summary>
internal sealed class DtlsServerPeer : DefaultTlsServer
{
    private readonly DtlsHandshake _handshake;
    private readonly BcTlsCrypto _crypto;
    private ushort _profile;

    public DtlsServerPeer(DtlsHandshake handshake, BcTlsCrypto crypto)
        : base(crypto)
    {
        _handshake = handshake;
        _crypto = crypto;
    }

    // Chrome offers DTLS 1.3 and 1.2 and falls back to 1.2 cleanly (DESIGN.md §3).
    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    // Both are 128-bit-security curves browsers offer (Chrome lists x25519 first). P-256 runs on
    // the platform's OpenSSL (P256TlsCrypto); X25519 would run in BouncyCastle's managed code at
    // several times the CPU, and the server pays one key agreement per joining listener.
    protected override int SelectECDH(int minimumCurveBits) =>
        _handshake.NegotiatedGroup =
            m_context.SecurityParameters.ClientSupportedGroups is { } offered && Array.IndexOf(offered, NamedGroup.secp256r1) >= 0
                ? NamedGroup.secp256r1
                : base.SelectECDH(minimumCurveBits);

    protected override int[] GetSupportedCipherSuites() =>
        TlsUtilities.GetSupportedCipherSuites(Crypto, DtlsPeerSupport.CipherSuites);

    protected override TlsCredentialedSigner GetECDsaSignerCredentials() =>
        DtlsPeerSupport.CreateSigner(m_context, _crypto, _handshake.LocalCertificate);

    // Without a CertificateRequest the browser sends no certificate and its fingerprint
    // could never be checked (RFC 5763 §5: the passive side must request one).
    public override CertificateRequest GetCertificateRequest()
    {
        var algorithms = TlsUtilities.GetDefaultSupportedSignatureAlgorithms(m_context);
        return new CertificateRequest([ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign], algorithms, null);
    }

    public override void NotifyClientCertificate(Certificate clientCertificate) =>
        DtlsPeerSupport.VerifyPeerCertificate(_handshake, clientCertificate);

    // RFC 5764 §4.1.1: pick one of the client's profiles, ours in our order of preference.
    public override void ProcessClientExtensions(IDictionary<int, byte[]> clientExtensions)
    {
        base.ProcessClientExtensions(clientExtensions);
        var offered = TlsSrtpUtilities.GetUseSrtpExtension(clientExtensions)
            ?? throw _handshake.Fail(DtlsHandshakeFailureReason.ProtocolError, "The client did not offer use_srtp.", AlertDescription.handshake_failure);

        foreach (var preferred in _handshake.Options.SrtpProfiles)
        {
            if (Array.IndexOf(offered.ProtectionProfiles, (int)preferred) >= 0)
            {
                _profile = preferred;
                return;
            }
        }

        throw _handshake.Fail(
            DtlsHandshakeFailureReason.ProtocolError,
            $"No common SRTP profile: the client offered {string.Join(',', offered.ProtectionProfiles)}.",
            AlertDescription.handshake_failure);
    }

    public override IDictionary<int, byte[]> GetServerExtensions()
    {
        var extensions = TlsExtensionsUtilities.EnsureExtensionsInitialised(base.GetServerExtensions());
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData([_profile], TlsUtilities.EmptyBytes));
        return extensions;
    }

    public override int GetHandshakeTimeoutMillis() => (int)_handshake.Options.Timeout.TotalMilliseconds;

    // The first SRTP packet can arrive before Accept returns (DESIGN.md §3): hand the keys over now.
    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        _handshake.OnKeysExported(DtlsPeerSupport.ExportKeys(m_context, _profile));
    }

    public override void NotifyAlertReceived(short alertLevel, short alertDescription) =>
        _handshake.OnAlertReceived(alertLevel, alertDescription);

    internal static BcTlsCrypto CreateCrypto() => new P256TlsCrypto();
}
