using System.Globalization;
using System.Net;
using System.Text;

namespace Parley.Media.Transport;

/// <summary>
/// INTERIM: the minimum offer parsing and answer writing the SFU needs, until Parley.Media.Sdp
/// (another branch) lands; then MediaServer.Negotiate switches to it and this file goes.
/// </summary>
internal static class InterimSdp
{
    public sealed record Offer(string IceUfrag, string IcePassword, string Fingerprint, IReadOnlyList<Section> Sections);

    public sealed record Section(string Mid, string Direction, int OpusPayloadType, int AudioLevelExtensionId);

    public static Offer ParseOffer(string sdp)
    {
        string? ufrag = null, pwd = null, fingerprint = null;
        var sections = new List<Section>();
        string? mid = null, direction = null;
        int opus = -1, level = 0;
        var inMedia = false;
        void Flush()
        {
            if (inMedia && mid is not null && opus >= 0)
            {
                sections.Add(new Section(mid, direction ?? "sendrecv", opus, level));
            }
            mid = null; direction = null; opus = -1; level = 0;
        }
        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                Flush();
                inMedia = line.StartsWith("m=audio", StringComparison.Ordinal);
            }
            else if (line.StartsWith("a=ice-ufrag:", StringComparison.Ordinal))
            {
                ufrag ??= line[12..];
            }
            else if (line.StartsWith("a=ice-pwd:", StringComparison.Ordinal))
            {
                pwd ??= line[10..];
            }
            else if (line.StartsWith("a=fingerprint:", StringComparison.Ordinal))
            {
                fingerprint ??= line[14..];
            }
            else if (line.StartsWith("a=mid:", StringComparison.Ordinal))
            {
                mid = line[6..];
            }
            else if (line is "a=sendrecv" or "a=sendonly" or "a=recvonly" or "a=inactive")
            {
                direction = line[2..];
            }
            else if (line.StartsWith("a=rtpmap:", StringComparison.Ordinal) && line.Contains(" opus/48000", StringComparison.OrdinalIgnoreCase))
            {
                opus = int.Parse(line.AsSpan(9, line.IndexOf(' ', StringComparison.Ordinal) - 9), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("a=extmap:", StringComparison.Ordinal) && line.EndsWith("urn:ietf:params:rtp-hdrext:ssrc-audio-level", StringComparison.Ordinal))
            {
                var id = line.AsSpan(9, line.IndexOf(' ', StringComparison.Ordinal) - 9);
                var slash = id.IndexOf('/');
                level = int.Parse(slash >= 0 ? id[..slash] : id, CultureInfo.InvariantCulture);
            }
        }
        Flush();
        if (ufrag is null || pwd is null || fingerprint is null || sections.Count == 0)
        {
            throw new FormatException("The offer lacks ICE credentials, a fingerprint or an Opus audio section.");
        }
        return new Offer(ufrag, pwd, fingerprint, sections);
    }

    /// <summary>
    /// The answer: ICE-lite, passive DTLS, one host candidate per announced address; the first
    /// sending section is where we receive, every recvonly section is a slot we send into.
    /// </summary>
    public static string WriteAnswer(Offer offer, string ufrag, string password, string fingerprint, IReadOnlyList<IPEndPoint> candidates, IReadOnlyList<uint> slotSsrcs, out int publishSection)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"v=0\r\no=- {Random.Shared.NextInt64(1, long.MaxValue)} 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        sb.Append("a=group:BUNDLE");
        foreach (var s in offer.Sections)
        {
            sb.Append(' ').Append(s.Mid);
        }
        sb.Append("\r\na=ice-lite\r\na=msid-semantic: WMS parley\r\n");
        publishSection = -1;
        var slot = 0;
        var first = candidates[0];
        for (var i = 0; i < offer.Sections.Count; i++)
        {
            var s = offer.Sections[i];
            sb.Append(inv, $"m=audio {first.Port} UDP/TLS/RTP/SAVPF {s.OpusPayloadType}\r\n");
            sb.Append(inv, $"c=IN IP4 {first.Address}\r\n");
            sb.Append(inv, $"a=ice-ufrag:{ufrag}\r\na=ice-pwd:{password}\r\na=fingerprint:{fingerprint}\r\na=setup:passive\r\na=mid:{s.Mid}\r\n");
            if (s.AudioLevelExtensionId != 0)
            {
                sb.Append(inv, $"a=extmap:{s.AudioLevelExtensionId} urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n");
            }
            string direction;
            uint ssrc = 0;
            if (s.Direction is "sendrecv" or "sendonly" && publishSection < 0)
            {
                publishSection = i;
                direction = "recvonly";
            }
            else if (s.Direction is "recvonly" or "sendrecv" && slot < slotSsrcs.Count)
            {
                ssrc = slotSsrcs[slot++];
                direction = "sendonly";
            }
            else
            {
                direction = "inactive";
            }
            sb.Append(inv, $"a={direction}\r\na=rtcp-mux\r\n");
            sb.Append(inv, $"a=rtpmap:{s.OpusPayloadType} opus/48000/2\r\na=fmtp:{s.OpusPayloadType} minptime=10;useinbandfec=1\r\n");
            if (ssrc != 0)
            {
                sb.Append(inv, $"a=msid:parley slot{slot - 1}\r\na=ssrc:{ssrc} cname:parley\r\na=ssrc:{ssrc} msid:parley slot{slot - 1}\r\n");
            }
            var priority = 2130706431;
            foreach (var c in candidates)
            {
                sb.Append(inv, $"a=candidate:1 1 udp {priority--} {c.Address} {c.Port} typ host\r\n");
            }
            sb.Append("a=end-of-candidates\r\n");
        }
        return sb.ToString();
    }
}
