using System.Net;
using Parley.Media.Ice;
using Parley.Media.Sdp;

namespace Parley.Client.Media;

/// <summary>
/// The offer we write (what a browser writes for Parley: one sendrecv m-line to publish, K
/// recvonly slots, all BUNDLEd, rtcp-mux) and what we take from the SFU's answer.
/// </summary>
public sealed partial class AudioPeer
{
    private byte _opusPayloadType = 111;
    private byte _audioLevelExtensionId = 1;

    /// <summary>Our SDP offer: 1 sendrecv + <see cref="AudioPeerOptions.Slots"/> recvonly audio m-lines.</summary>
    public string CreateOffer() =>
        SdpOfferWriter.Write(new SdpClientOfferOptions(_localIce, _certificate.Fingerprint, Ssrc, _options.Slots));

    private void ApplyAnswer(string sdp)
    {
        var answer = SdpAnswerReader.Read(sdp);
        IPEndPoint? candidate = null;
        foreach (var c in answer.Candidates)
        {
            if (c.AddressFamily == _socket.AddressFamily)
            {
                candidate = c;
                break;
            }
        }
        if (candidate is null)
        {
            throw new SdpNegotiationException($"The answer has no {_socket.AddressFamily} host candidate.");
        }
        _remoteIce = new IceCredentials(answer.IceUfrag, answer.IcePwd);
        _remoteFingerprint = answer.Fingerprint;
        _remote = candidate.Serialize();
        _opusPayloadType = answer.OpusPayloadType;
        _audioLevelExtensionId = (byte)(answer.AudioLevelExtensionId ?? 0);
        var slots = new List<ReceiveSlot>();
        foreach (var media in answer.Media)
        {
            if (!media.Rejected && media.Direction == SdpDirection.SendOnly && media.Ssrc is { } ssrc)
            {
                var slot = new ReceiveSlot(slots.Count, ssrc, media.Mid ?? "", _options.ReceiveHistory, _options.DecodeAudio);
                slots.Add(slot);
                _slotsBySsrc[ssrc] = slot;
            }
        }
        _slots = [.. slots];
    }
}
