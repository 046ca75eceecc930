using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Parley.Media.Dtls;

namespace Parley.Media.Sdp;

/// <summary>
/// Answers a browser's audio offer as the ICE-lite, DTLS-passive SFU (RFC 8829 §5.3 in the
/// subset we serve). The offer's first sendrecv/sendonly audio section is the peer's microphone
/// (answered recvonly); its recvonly sections become receive slots 0..K-1 (answered sendonly with
/// the slot's SSRC). Everything else is rejected with port 0 (RFC 3264 §6). One BUNDLE transport.
/// </summary>
public static class SdpAnswerBuilder
{
    public static SdpAnswer Build(string offerSdp, SdpAnswerOptions options) =>
        Build(SdpSessionDescription.Parse(offerSdp), options);

    public static SdpAnswer Build(SdpSessionDescription offer, SdpAnswerOptions options)
    {
        var bundle = offer.BundleMids;
        var media = new List<SdpNegotiatedMedia>(offer.Media.Count);
        var publishTaken = false;
        var nextSlot = 0;
        var accepted = 0;
        SdpMediaDescription? first = null;
        foreach (var section in offer.Media)
        {
            var role = Decide(section, bundle, accepted, ref publishTaken, ref nextSlot, options.ReceiveSlotSsrcs.Count);
            if (role != SdpMediaRole.Rejected)
            {
                accepted++;
                first ??= section;
            }

            var slot = role == SdpMediaRole.ReceiveSlot ? nextSlot - 1 : -1;
            uint? ssrc = role switch
            {
                SdpMediaRole.ReceiveSlot => options.ReceiveSlotSsrcs[slot],
                SdpMediaRole.Publish => FirstSsrc(section),
                _ => null,
            };
            media.Add(new SdpNegotiatedMedia(
                section.Mid,
                section.Kind,
                role,
                slot,
                ssrc,
                role == SdpMediaRole.Rejected ? null : section.FindOpusPayloadType(),
                role == SdpMediaRole.Rejected ? null : section.FindExtmapId(SdpWellKnown.AudioLevelUri)));
        }

        if (first is null)
        {
            throw new SdpNegotiationException("The offer has no audio section we can accept (audio, UDP/TLS/RTP/SAVPF, Opus, rtcp-mux, in the BUNDLE group).");
        }

        var negotiation = Negotiate(offer, first, media);
        return new SdpAnswer(Write(offer, media, options), negotiation);
    }

    private static SdpMediaRole Decide(
        SdpMediaDescription section, IReadOnlyList<string> bundle, int accepted, ref bool publishTaken, ref int nextSlot, int slotCount)
    {
        var usable = !section.IsRejected
            && section.Kind == "audio"
            && section.Protocol == SdpWellKnown.DtlsSrtpProtocol
            && section.FindOpusPayloadType() is not null
            && section.RtcpMux
            // With BUNDLE, we serve only the bundled sections (one transport, RFC 8843 §7.3.3);
            // without it, only the first section, as each would need its own transport.
            && (bundle.Count > 0 ? section.Mid is not null && bundle.Contains(section.Mid) : accepted == 0);
        if (!usable)
        {
            return SdpMediaRole.Rejected;
        }

        switch (section.Direction)
        {
            case SdpDirection.SendRecv or SdpDirection.SendOnly when !publishTaken:
                publishTaken = true;
                return SdpMediaRole.Publish;
            case SdpDirection.SendRecv or SdpDirection.RecvOnly when nextSlot < slotCount:
                nextSlot++;
                return SdpMediaRole.ReceiveSlot;
            case SdpDirection.Inactive:
                return SdpMediaRole.Inactive;
            default:
                return SdpMediaRole.Rejected;
        }
    }

    private static SdpNegotiation Negotiate(SdpSessionDescription offer, SdpMediaDescription first, List<SdpNegotiatedMedia> media)
    {
        var mid = first.Mid ?? "(no mid)";
        var ufrag = offer.EffectiveIceUfrag(first) ?? throw new SdpNegotiationException($"No a=ice-ufrag for mid {mid}.");
        var pwd = offer.EffectiveIcePwd(first) ?? throw new SdpNegotiationException($"No a=ice-pwd for mid {mid}.");
        var fingerprintText = offer.EffectiveFingerprint(first) ?? throw new SdpNegotiationException($"No a=fingerprint for mid {mid} (RFC 8122).");
        var setup = offer.EffectiveSetup(first) ?? "actpass";
        if (setup is not ("actpass" or "active"))
        {
            throw new SdpNegotiationException($"The offer has a=setup:{setup}; we can only be passive, so the peer must be active or actpass (RFC 5763 §5).");
        }

        var accepted = media.Find(m => m.Role != SdpMediaRole.Rejected)!;
        return new SdpNegotiation(
            ufrag,
            pwd,
            DtlsFingerprint.Parse(fingerprintText),
            setup,
            accepted.OpusPayloadType!.Value,
            accepted.AudioLevelExtensionId,
            media);
    }

    private static string Write(SdpSessionDescription offer, List<SdpNegotiatedMedia> media, SdpAnswerOptions options)
    {
        var sb = new StringBuilder(2048);
        var sessionId = options.SessionId ?? (ulong)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        Line(sb, "v=0");
        Line(sb, $"o=- {sessionId} 2 IN IP4 127.0.0.1");
        Line(sb, "s=-");
        Line(sb, "t=0 0");
        Line(sb, "a=ice-lite");
        if (offer.BundleMids.Count > 0)
        {
            var mids = new List<string>();
            foreach (var m in media)
            {
                if (m.Role != SdpMediaRole.Rejected)
                {
                    mids.Add(m.Mid!);
                }
            }

            Line(sb, $"a=group:BUNDLE {string.Join(' ', mids)}");
        }

        for (var i = 0; i < media.Count; i++)
        {
            if (media[i].Role == SdpMediaRole.Rejected)
            {
                WriteRejected(sb, offer.Media[i]);
            }
            else
            {
                WriteAccepted(sb, offer.Media[i], media[i], options);
            }
        }

        return sb.ToString();
    }

    private static void WriteRejected(StringBuilder sb, SdpMediaDescription section)
    {
        Line(sb, $"m={section.Kind} 0 {section.Protocol} {section.Formats[0]}");
        Line(sb, "c=IN IP4 0.0.0.0");
        if (section.Mid is not null)
        {
            Line(sb, $"a=mid:{section.Mid}");
        }

        Line(sb, "a=inactive");
    }

    private static void WriteAccepted(StringBuilder sb, SdpMediaDescription section, SdpNegotiatedMedia m, SdpAnswerOptions options)
    {
        var pt = m.OpusPayloadType!.Value;
        var defaultCandidate = options.Candidates.Count > 0 ? Normalize(options.Candidates[0]) : null;
        Line(sb, $"m=audio {defaultCandidate?.Port ?? 9} {section.Protocol} {pt}");
        Line(sb, defaultCandidate is null ? "c=IN IP4 0.0.0.0" : $"c={AddressLine(defaultCandidate.Address)}");
        Line(sb, $"a=ice-ufrag:{options.IceCredentials.Ufrag}");
        Line(sb, $"a=ice-pwd:{options.IceCredentials.Password}");
        Line(sb, $"a=fingerprint:{options.Fingerprint}");
        Line(sb, "a=setup:passive");
        if (m.Mid is not null)
        {
            Line(sb, $"a=mid:{m.Mid}");
        }

        // Only the audio level is answered: the router reads it to pick loud speakers (RFC 6464).
        if (m.AudioLevelExtensionId is { } levelId)
        {
            Line(sb, $"a=extmap:{levelId} {SdpWellKnown.AudioLevelUri}");
        }

        var direction = m.Role switch
        {
            SdpMediaRole.Publish => SdpDirection.RecvOnly,
            SdpMediaRole.ReceiveSlot => SdpDirection.SendOnly,
            _ => SdpDirection.Inactive,
        };
        Line(sb, $"a={direction.ToSdp()}");
        if (m.Role == SdpMediaRole.ReceiveSlot)
        {
            Line(sb, $"a=msid:{options.StreamId} slot{m.SlotIndex}");
        }

        Line(sb, "a=rtcp-mux");
        if (section.RtcpRsize)
        {
            Line(sb, "a=rtcp-rsize");
        }

        Line(sb, $"a=rtpmap:{pt} opus/48000/2");
        Line(sb, $"a=fmtp:{pt} {SdpWellKnown.OpusFmtp}");
        if (m.Role == SdpMediaRole.ReceiveSlot)
        {
            Line(sb, $"a=ssrc:{m.Ssrc} cname:{options.CName}");
        }

        for (var i = 0; i < options.Candidates.Count; i++)
        {
            var endPoint = Normalize(options.Candidates[i]);

            // RFC 8445 §5.1.2.1: host type preference 126, local preference falling per address.
            var priority = (uint)((126 << 24) + ((65535 - i) << 8) + 255);
            var candidate = new SdpCandidate((i + 1).ToString(CultureInfo.InvariantCulture), 1, "udp", priority, endPoint.Address.ToString(), endPoint.Port, "host");
            Line(sb, $"a={candidate.ToAttributeValue()}");
        }

        Line(sb, "a=end-of-candidates");
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    private static string AddressLine(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"IN IP6 {address}" : $"IN IP4 {address}";

    private static uint? FirstSsrc(SdpMediaDescription section) => section.Ssrcs.Count > 0 ? section.Ssrcs[0].Ssrc : null;

    private static void Line(StringBuilder sb, string line) => sb.Append(line).Append(SdpWellKnown.Crlf);
}
