using System.Net;
using Parley.Media.Ice;
using Parley.Media.Sdp;
using Parley.Media.Transport;

namespace Parley.Media;

/// <summary>Offer in, answer out: what the SFU learns about a peer from its SDP.</summary>
public sealed partial class MediaServer
{
    private (string Answer, MediaPeer Peer) Negotiate(string roomId, string peerId, string offerSdp, IceCredentials local, uint[] slotSsrcs)
    {
        var answer = SdpAnswerBuilder.Build(offerSdp, new SdpAnswerOptions(local, _certificate!.Fingerprint, Candidates(), slotSsrcs));
        var negotiation = answer.Negotiation;
        var peer = new MediaPeer(roomId, peerId, local, negotiation.RemoteIceUfrag, _time.GetTimestamp(), _time, _options.ConsentTimeout)
        {
            SlotSsrcs = slotSsrcs,
            OpusPayloadType = negotiation.Publish?.OpusPayloadType ?? negotiation.OpusPayloadType,
            AudioLevelExtensionId = (byte)(negotiation.Publish?.AudioLevelExtensionId ?? negotiation.AudioLevelExtensionId ?? 0),
            RemoteFingerprint = negotiation.RemoteFingerprint,
        };
        return (answer.Sdp, peer);
    }

    /// <summary>Host candidates: the announced addresses (NAT, containers), else the bound one.</summary>
    private List<IPEndPoint> Candidates()
    {
        var port = LocalEndPoint.Port;
        var candidates = new List<IPEndPoint>();
        foreach (var address in _options.AnnouncedAddresses)
        {
            candidates.Add(new IPEndPoint(address, port));
        }
        if (candidates.Count == 0)
        {
            var bound = _options.BindAddress;
            candidates.Add(new IPEndPoint(bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : bound, port));
        }
        return candidates;
    }
}
