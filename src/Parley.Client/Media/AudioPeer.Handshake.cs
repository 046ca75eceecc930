using Parley.Media.Dtls;
using Parley.Media.Srtp;

namespace Parley.Client.Media;

/// <summary>DTLS as the client (a=setup:active toward the SFU's passive side, RFC 5763 §5), then SRTP.</summary>
public sealed partial class AudioPeer
{
    private DtlsFingerprint? _remoteFingerprint;
    private DtlsClientHandshake? _dtlsHandshake;

    private void StartHandshake()
    {
        var transport = new DtlsDatagramTransport(Send);
        var handshake = new DtlsClientHandshake(
            _certificate,
            _remoteFingerprint!,
            transport,
            new DtlsHandshakeOptions { Timeout = TimeSpan.FromSeconds(30), TimeProvider = _options.TimeProvider });
        handshake.KeysAvailable += keys =>
        {
            var profile = (SrtpProfile)keys.ProtectionProfile;
            // RFC 5764 §4.2: we are the DTLS client, so we write with the client keys.
            _outbound = SrtpSession.Create(profile, keys.ClientWriteKey, keys.ClientWriteSalt);
            _inbound = SrtpSession.Create(profile, keys.ServerWriteKey, keys.ServerWriteSalt);
            _connected.TrySetResult();
        };
        _dtls = transport;
        _dtlsHandshake = handshake;
        _handshake = handshake.StartAsync().ContinueWith(
            task =>
            {
                if (!task.IsCompletedSuccessfully)
                {
                    _connected.TrySetException(task.Exception?.InnerException ?? new DtlsHandshakeException("The DTLS handshake failed."));
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
