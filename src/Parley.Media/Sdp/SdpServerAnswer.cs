using System.Net;
using Parley.Media.Dtls;

namespace Parley.Media.Sdp;

/// <summary>One section of the SFU's answer, as our client reads it.</summary>
public sealed record SdpAnsweredMedia(string? Mid, SdpDirection Direction, bool Rejected, uint? Ssrc, string? Msid);

/// <summary>What our C# client needs from the SFU's answer to connect and to map slots.</summary>
public sealed record SdpServerAnswer(
    bool IceLite,
    string IceUfrag,
    string IcePwd,
    DtlsFingerprint Fingerprint,
    string Setup,
    IReadOnlyList<IPEndPoint> Candidates,
    byte OpusPayloadType,
    int? AudioLevelExtensionId,
    IReadOnlyList<SdpAnsweredMedia> Media)
{
    /// <summary>The SSRCs of the receive slots (sendonly sections), in section order.</summary>
    public IReadOnlyList<uint> SlotSsrcs
    {
        get
        {
            var ssrcs = new List<uint>();
            foreach (var media in Media)
            {
                if (!media.Rejected && media.Direction == SdpDirection.SendOnly && media.Ssrc is { } ssrc)
                {
                    ssrcs.Add(ssrc);
                }
            }

            return ssrcs;
        }
    }
}
