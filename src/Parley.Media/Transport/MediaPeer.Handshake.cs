using Parley.Media.Dtls;

namespace Parley.Media.Transport;

internal sealed partial class MediaPeer
{
    public DtlsServerHandshake? Handshake { get; set; }

    public long HandshakeStartedTicks { get; set; }

    /// <summary>Why the DTLS handshake failed, when it did.</summary>
    public string? HandshakeError { get; set; }

    public void StopHandshake()
    {
        Handshake?.Dispose();
    }
}
