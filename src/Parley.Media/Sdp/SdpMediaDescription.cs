namespace Parley.Media.Sdp;

/// <summary>One m= section as parsed: the fields WebRTC audio needs, plus every a= line as written.</summary>
public sealed class SdpMediaDescription
{
    internal SdpMediaDescription(string kind, int port, string protocol, IReadOnlyList<string> formats, int lineNumber)
    {
        Kind = kind;
        Port = port;
        Protocol = protocol;
        Formats = formats;
        LineNumber = lineNumber;
    }

    /// <summary>audio, video, application…</summary>
    public string Kind { get; }

    public int Port { get; }

    /// <summary>UDP/TLS/RTP/SAVPF for WebRTC media (RFC 5764 §8).</summary>
    public string Protocol { get; }

    public IReadOnlyList<string> Formats { get; }

    public int LineNumber { get; }

    public string? Mid { get; internal set; }

    /// <summary>The direction attribute; sendrecv when absent (RFC 8866 §6.7).</summary>
    public SdpDirection Direction { get; internal set; } = SdpDirection.SendRecv;

    public string? IceUfrag { get; internal set; }

    public string? IcePwd { get; internal set; }

    public string? Fingerprint { get; internal set; }

    public string? Setup { get; internal set; }

    public bool RtcpMux { get; internal set; }

    public bool RtcpRsize { get; internal set; }

    public bool EndOfCandidates { get; internal set; }

    /// <summary>a=msid:&lt;stream&gt; [&lt;track&gt;] (RFC 8830), as written.</summary>
    public string? Msid { get; internal set; }

    public List<SdpRtpMap> RtpMaps { get; } = [];

    /// <summary>a=fmtp parameters by payload type, as written ("minptime=10;useinbandfec=1").</summary>
    public Dictionary<byte, string> Fmtps { get; } = [];

    public List<SdpExtmap> Extmaps { get; } = [];

    public List<SdpSsrcAttribute> Ssrcs { get; } = [];

    public List<SdpCandidate> Candidates { get; } = [];

    public List<SdpAttribute> Attributes { get; } = [];

    /// <summary>
    /// a=bundle-only (RFC 8843 §6): port 0 in an offer that still wants the section, on the
    /// BUNDLE transport. Firefox marks every bundled section after the first like this.
    /// </summary>
    public bool BundleOnly { get; internal set; }

    /// <summary>Port 0 without bundle-only: the author does not want this section (RFC 3264 §6).</summary>
    public bool IsRejected => Port == 0 && !BundleOnly;

    /// <summary>The payload type of Opus (RFC 7587 §7: opus/48000/2), if offered.</summary>
    public byte? FindOpusPayloadType()
    {
        foreach (var map in RtpMaps)
        {
            if (string.Equals(map.EncodingName, "opus", StringComparison.OrdinalIgnoreCase) && map.ClockRate == 48000)
            {
                return map.PayloadType;
            }
        }

        return null;
    }

    public int? FindExtmapId(string uri)
    {
        foreach (var extmap in Extmaps)
        {
            if (extmap.Uri == uri)
            {
                return extmap.Id;
            }
        }

        return null;
    }

    /// <summary>The SSRCs signalled with a=ssrc lines, in order of first appearance.</summary>
    public IReadOnlyList<uint> GetSsrcs()
    {
        var result = new List<uint>();
        foreach (var line in Ssrcs)
        {
            if (!result.Contains(line.Ssrc))
            {
                result.Add(line.Ssrc);
            }
        }

        return result;
    }

    public string? FindSsrcAttribute(uint ssrc, string attribute)
    {
        foreach (var line in Ssrcs)
        {
            if (line.Ssrc == ssrc && line.Attribute == attribute)
            {
                return line.Value;
            }
        }

        return null;
    }
}
