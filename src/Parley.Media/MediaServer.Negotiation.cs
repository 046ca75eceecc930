using System.Net;
using Parley.Media.Dtls;
using Parley.Media.Ice;
using Parley.Media.Transport;

namespace Parley.Media;

/// <summary>Offer in, answer out: what the SFU learns about a peer from its SDP.</summary>
public sealed partial class MediaServer
{
    private (string Answer, MediaPeer Peer) Negotiate(string roomId, string peerId, string offerSdp, IceCredentials local, uint[] slotSsrcs)
    {
        var offer = InterimSdp.ParseOffer(offerSdp);
        if (!DtlsFingerprint.TryParse(offer.Fingerprint, out var remoteFingerprint) || remoteFingerprint is null)
        {
            throw new FormatException("The offer's a=fingerprint is not a usable certificate fingerprint.");
        }
        var answer = InterimSdp.WriteAnswer(offer, local.Ufrag, local.Password, _certificate!.Fingerprint.ToString(), Candidates(), slotSsrcs, out var publishSection);
        var publish = publishSection >= 0 ? offer.Sections[publishSection] : offer.Sections[0];
        var peer = new MediaPeer(roomId, peerId, local, offer.IceUfrag, _time.GetTimestamp(), _time, _options.ConsentTimeout)
        {
            SlotSsrcs = slotSsrcs,
            OpusPayloadType = (byte)publish.OpusPayloadType,
            AudioLevelExtensionId = (byte)publish.AudioLevelExtensionId,
            RemoteFingerprint = remoteFingerprint,
        };
        return (answer, peer);
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
