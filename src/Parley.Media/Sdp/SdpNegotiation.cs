using Parley.Media.Dtls;

namespace Parley.Media.Sdp;

/// <summary>
/// What the SFU learnt from an offer and promised in its answer: the peer's ICE credentials and
/// certificate fingerprint, the Opus payload type and audio-level extension id (of the first
/// accepted section; browsers use the same in all), and the role of every m= section.
/// </summary>
public sealed record SdpNegotiation(
    string RemoteIceUfrag,
    string RemoteIcePwd,
    DtlsFingerprint RemoteFingerprint,
    string RemoteSetup,
    byte OpusPayloadType,
    int? AudioLevelExtensionId,
    IReadOnlyList<SdpNegotiatedMedia> Media)
{
    /// <summary>The section the peer publishes its microphone on, if any.</summary>
    public SdpNegotiatedMedia? Publish
    {
        get
        {
            foreach (var media in Media)
            {
                if (media.Role == SdpMediaRole.Publish)
                {
                    return media;
                }
            }

            return null;
        }
    }

    /// <summary>The receive slots in slot order.</summary>
    public IReadOnlyList<SdpNegotiatedMedia> ReceiveSlots
    {
        get
        {
            var slots = new List<SdpNegotiatedMedia>();
            foreach (var media in Media)
            {
                if (media.Role == SdpMediaRole.ReceiveSlot)
                {
                    slots.Add(media);
                }
            }

            return slots;
        }
    }
}
