namespace Parley.Media.Sdp;

/// <summary>A parsed session description (RFC 8866) with the session-level fields WebRTC uses.</summary>
public sealed class SdpSessionDescription
{
    internal SdpSessionDescription()
    {
    }

    public string Origin { get; internal set; } = "";

    public string SessionName { get; internal set; } = "";

    public string? IceUfrag { get; internal set; }

    public string? IcePwd { get; internal set; }

    /// <summary>a=ice-lite (RFC 8839 §5.3): the author only answers checks.</summary>
    public bool IceLite { get; internal set; }

    public string? Fingerprint { get; internal set; }

    public string? Setup { get; internal set; }

    public List<SdpGroup> Groups { get; } = [];

    public List<SdpAttribute> Attributes { get; } = [];

    public List<SdpMediaDescription> Media { get; } = [];

    /// <summary>The mids of the first BUNDLE group (RFC 8843), or none.</summary>
    public IReadOnlyList<string> BundleMids
    {
        get
        {
            foreach (var group in Groups)
            {
                if (group.Semantics == "BUNDLE")
                {
                    return group.Mids;
                }
            }

            return [];
        }
    }

    public static SdpSessionDescription Parse(string sdp) => SdpParser.Parse(sdp);

    /// <summary>ice-ufrag of a section, falling back to the session level (RFC 8839 §5.4).</summary>
    public string? EffectiveIceUfrag(SdpMediaDescription media) => media.IceUfrag ?? IceUfrag;

    public string? EffectiveIcePwd(SdpMediaDescription media) => media.IcePwd ?? IcePwd;

    public string? EffectiveFingerprint(SdpMediaDescription media) => media.Fingerprint ?? Fingerprint;

    public string? EffectiveSetup(SdpMediaDescription media) => media.Setup ?? Setup;

    public SdpMediaDescription? FindMedia(string mid)
    {
        foreach (var media in Media)
        {
            if (media.Mid == mid)
            {
                return media;
            }
        }

        return null;
    }
}
