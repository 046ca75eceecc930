using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Parley.Media.Dtls;

/// <summary>BouncyCastle's client callbacks for our C# peer (the DTLS active side).</summary>
internal sealed class DtlsClientPeer : DefaultTlsClient
{
    private readonly DtlsHandshake _handshake;
    private readonly BcTlsCrypto _crypto;
    private ushort _profile;

    public DtlsClientPeer(DtlsHandshake handshake, BcTlsCrypto crypto)
        : base(crypto)
    {
        _handshake = handshake;
        _crypto = crypto;
    }

    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    protected override int[] GetSupportedCipherSuites() =>
        TlsUtilities.GetSupportedCipherSuites(Crypto, DtlsPeerSupport.CipherSuites);

    public override IDictionary<int, byte[]> GetClientExtensions()
    {
        var extensions = TlsExtensionsUtilities.EnsureExtensionsInitialised(base.GetClientExtensions());
        var profiles = new int[_handshake.Options.SrtpProfiles.Count];
        for (var i = 0; i < profiles.Length; i++)
        {
            profiles[i] = _handshake.Options.SrtpProfiles[i];
        }

        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData(profiles, TlsUtilities.EmptyBytes));
        return extensions;
    }

    // RFC 5764 §4.1.1: the server answers with exactly one profile, one we offered.
    public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
    {
        base.ProcessServerExtensions(serverExtensions);
        var chosen = TlsSrtpUtilities.GetUseSrtpExtension(serverExtensions);
        if (chosen is null || chosen.ProtectionProfiles.Length != 1
            || !ContainsProfile(chosen.ProtectionProfiles[0]))
        {
            throw _handshake.Fail(DtlsHandshakeFailureReason.ProtocolError, "The server did not choose one of our SRTP profiles.", AlertDescription.illegal_parameter);
        }

        _profile = (ushort)chosen.ProtectionProfiles[0];
    }

    public override TlsAuthentication GetAuthentication() => new Authentication(this);

    public override int GetHandshakeTimeoutMillis() => (int)_handshake.Options.Timeout.TotalMilliseconds;

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        _handshake.OnKeysExported(DtlsPeerSupport.ExportKeys(m_context, _profile));
    }

    public override void NotifyAlertReceived(short alertLevel, short alertDescription) =>
        _handshake.OnAlertReceived(alertLevel, alertDescription);

    private bool ContainsProfile(int profile)
    {
        foreach (var offered in _handshake.Options.SrtpProfiles)
        {
            if (offered == profile)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Authentication(DtlsClientPeer peer) : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate) =>
            DtlsPeerSupport.VerifyPeerCertificate(peer._handshake, serverCertificate.Certificate);

        // WebRTC authenticates both ends by fingerprint: always answer the request.
        public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest) =>
            DtlsPeerSupport.CreateSigner(peer.m_context, peer._crypto, peer._handshake.LocalCertificate);
    }
}
