using System.Globalization;

namespace Parley.Media.Sdp;

/// <summary>
/// A strict-enough SDP reader (RFC 8866 §5): every line is &lt;type&gt;=&lt;value&gt;, the first
/// is v=0, and the attributes WebRTC audio depends on must parse; anything else is kept as
/// written. Errors name the line.
/// </summary>
internal static class SdpParser
{
    private const int MaxLength = 64 * 1024;

    public static SdpSessionDescription Parse(string sdp)
    {
        ArgumentNullException.ThrowIfNull(sdp);
        if (sdp.Length > MaxLength)
        {
            throw new SdpParseException(0, "", $"SDP longer than {MaxLength} characters.");
        }

        var session = new SdpSessionDescription();
        SdpMediaDescription? media = null;
        var lineNumber = 0;
        var sawVersion = false;
        foreach (var raw in sdp.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z')
            {
                throw new SdpParseException(lineNumber, line, "expected <type>=<value>.");
            }

            var value = line[2..];
            if (!sawVersion)
            {
                if (line != "v=0")
                {
                    throw new SdpParseException(lineNumber, line, "an SDP starts with v=0.");
                }

                sawVersion = true;
                continue;
            }

            switch (line[0])
            {
                case 'o' when media is null:
                    session.Origin = value;
                    break;
                case 's' when media is null:
                    session.SessionName = value;
                    break;
                case 'm':
                    media = ParseMediaLine(value, lineNumber, line);
                    session.Media.Add(media);
                    break;
                case 'a':
                    var attribute = SplitAttribute(value, lineNumber);
                    if (media is null)
                    {
                        session.Attributes.Add(attribute);
                        ApplySessionAttribute(session, attribute, line);
                    }
                    else
                    {
                        media.Attributes.Add(attribute);
                        ApplyMediaAttribute(media, attribute, line);
                    }

                    break;
                default:
                    break;
            }
        }

        if (!sawVersion)
        {
            throw new SdpParseException(lineNumber, "", "empty SDP.");
        }

        CheckUniqueMids(session);
        return session;
    }

    private static SdpMediaDescription ParseMediaLine(string value, int lineNumber, string line)
    {
        // m=<media> <port>[/<count>] <proto> <fmt> ... (RFC 8866 §5.14)
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4)
        {
            throw new SdpParseException(lineNumber, line, "m= needs <media> <port> <proto> <fmt>.");
        }

        var portText = fields[1].Split('/')[0];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new SdpParseException(lineNumber, line, $"'{fields[1]}' is not a port.");
        }

        return new SdpMediaDescription(fields[0], port, fields[2], fields[3..], lineNumber);
    }

    private static SdpAttribute SplitAttribute(string value, int lineNumber)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new SdpAttribute(value, null, lineNumber)
            : new SdpAttribute(value[..colon], value[(colon + 1)..], lineNumber);
    }

    private static void ApplySessionAttribute(SdpSessionDescription session, SdpAttribute a, string line)
    {
        switch (a.Name)
        {
            case "ice-ufrag":
                session.IceUfrag = Required(a, line);
                break;
            case "ice-pwd":
                session.IcePwd = Required(a, line);
                break;
            case "ice-lite":
                session.IceLite = true;
                break;
            case "fingerprint":
                session.Fingerprint ??= Fingerprint(a, line);
                break;
            case "setup":
                session.Setup = Setup(a, line);
                break;
            case "group":
                var parts = Required(a, line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                session.Groups.Add(new SdpGroup(parts[0], parts[1..]));
                break;
            default:
                break;
        }
    }

    private static void ApplyMediaAttribute(SdpMediaDescription media, SdpAttribute a, string line)
    {
        if (SdpDirectionExtensions.TryParse(a.Name, out var direction) && a.Value is null)
        {
            media.Direction = direction;
            return;
        }

        switch (a.Name)
        {
            case "mid":
                media.Mid = Required(a, line).Trim();
                break;
            case "ice-ufrag":
                media.IceUfrag = Required(a, line);
                break;
            case "ice-pwd":
                media.IcePwd = Required(a, line);
                break;
            case "fingerprint":
                media.Fingerprint ??= Fingerprint(a, line);
                break;
            case "setup":
                media.Setup = Setup(a, line);
                break;
            case "rtcp-mux":
                media.RtcpMux = true;
                break;
            case "rtcp-rsize":
                media.RtcpRsize = true;
                break;
            case "end-of-candidates":
                media.EndOfCandidates = true;
                break;
            case "bundle-only":
                media.BundleOnly = true;
                break;
            case "msid":
                media.Msid = Required(a, line);
                break;
            case "rtpmap":
                media.RtpMaps.Add(RtpMap(a, line));
                break;
            case "fmtp":
                var (pt, parameters) = Fmtp(a, line);
                media.Fmtps[pt] = parameters;
                break;
            case "extmap":
                media.Extmaps.Add(Extmap(a, line));
                break;
            case "ssrc":
                media.Ssrcs.Add(Ssrc(a, line));
                break;
            case "candidate":
                if (!SdpCandidate.TryParse(Required(a, line), out var candidate))
                {
                    throw new SdpParseException(a.LineNumber, line, "a=candidate needs <foundation> <component> <transport> <priority> <address> <port> typ <type>.");
                }

                media.Candidates.Add(candidate!);
                break;
            default:
                break;
        }
    }

    private static string Required(SdpAttribute a, string line) =>
        string.IsNullOrWhiteSpace(a.Value) ? throw new SdpParseException(a.LineNumber, line, $"a={a.Name} needs a value.") : a.Value;

    private static string Fingerprint(SdpAttribute a, string line)
    {
        var value = Required(a, line);
        return Dtls.DtlsFingerprint.TryParse(value, out _)
            ? value
            : throw new SdpParseException(a.LineNumber, line, "a=fingerprint needs '<hash-func> <XX:XX:…>' (RFC 8122 §5).");
    }

    private static string Setup(SdpAttribute a, string line)
    {
        var value = Required(a, line);
        return value is "actpass" or "active" or "passive" or "holdconn"
            ? value
            : throw new SdpParseException(a.LineNumber, line, "a=setup is actpass, active, passive or holdconn (RFC 4145 §4).");
    }

    private static SdpRtpMap RtpMap(SdpAttribute a, string line)
    {
        // a=rtpmap:<pt> <encoding name>/<clock rate>[/<channels>]
        var value = Required(a, line);
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var parts = space < 0 ? [] : value[(space + 1)..].Split('/');
        if (space < 0
            || !byte.TryParse(value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127
            || parts.Length < 2 || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var clock))
        {
            throw new SdpParseException(a.LineNumber, line, "a=rtpmap needs <payload type 0-127> <encoding>/<clock rate>[/<channels>].");
        }

        var channels = 1;
        if (parts.Length > 2 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out channels))
        {
            throw new SdpParseException(a.LineNumber, line, "a=rtpmap channel count is not a number.");
        }

        return new SdpRtpMap(pt, parts[0], clock, channels);
    }

    private static (byte PayloadType, string Parameters) Fmtp(SdpAttribute a, string line)
    {
        var value = Required(a, line);
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var ptText = space < 0 ? value : value[..space];
        if (!byte.TryParse(ptText, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127)
        {
            throw new SdpParseException(a.LineNumber, line, "a=fmtp needs <payload type 0-127> <parameters>.");
        }

        return (pt, space < 0 ? "" : value[(space + 1)..].Trim());
    }

    private static SdpExtmap Extmap(SdpAttribute a, string line)
    {
        // a=extmap:<id>[/<direction>] <uri> [<attributes>] (RFC 8285 §8): ids 1–14 one-byte, up to 255 two-byte.
        var value = Required(a, line);
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var idParts = fields[0].Split('/');
        var parsed = SdpDirection.SendRecv;
        if (fields.Length < 2
            || !int.TryParse(idParts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id is < 1 or > 255
            || (idParts.Length > 1 && !SdpDirectionExtensions.TryParse(idParts[1], out parsed)))
        {
            throw new SdpParseException(a.LineNumber, line, "a=extmap needs <id 1-255>[/<direction>] <uri>.");
        }

        return new SdpExtmap(id, idParts.Length > 1 ? parsed : null, fields[1]);
    }

    private static SdpSsrcAttribute Ssrc(SdpAttribute a, string line)
    {
        // a=ssrc:<ssrc-id> <attribute>[:<value>] (RFC 5576 §4.1)
        var value = Required(a, line);
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var idText = space < 0 ? value : value[..space];
        if (!uint.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var ssrc))
        {
            throw new SdpParseException(a.LineNumber, line, "a=ssrc needs an SSRC between 0 and 4294967295.");
        }

        if (space < 0)
        {
            return new SdpSsrcAttribute(ssrc, "", null);
        }

        var rest = value[(space + 1)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new SdpSsrcAttribute(ssrc, rest, null) : new SdpSsrcAttribute(ssrc, rest[..colon], rest[(colon + 1)..]);
    }

    private static void CheckUniqueMids(SdpSessionDescription session)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var media in session.Media)
        {
            if (media.Mid is not null && !seen.Add(media.Mid))
            {
                throw new SdpParseException(media.LineNumber, $"a=mid:{media.Mid}", "the same mid appears in two m= sections (RFC 5888 §4).");
            }
        }
    }
}
