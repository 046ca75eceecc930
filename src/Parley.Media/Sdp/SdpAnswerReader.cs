using System.Net;
using Parley.Media.Dtls;

namespace Parley.Media.Sdp;

/// <summary>Reads the SFU's answer on our C# client (the offerer).</summary>
public static class SdpAnswerReader
{
    public static SdpServerAnswer Read(string answerSdp)
    {
        var answer = SdpSessionDescription.Parse(answerSdp);
        SdpMediaDescription? first = null;
        var media = new List<SdpAnsweredMedia>(answer.Media.Count);
        var candidates = new List<IPEndPoint>();
        foreach (var section in answer.Media)
        {
            var ssrcs = section.GetSsrcs();
            media.Add(new SdpAnsweredMedia(section.Mid, section.Direction, section.IsRejected, ssrcs.Count > 0 ? ssrcs[0] : null, section.Msid));
            if (section.IsRejected)
            {
                continue;
            }

            first ??= section;
            foreach (var candidate in section.Candidates)
            {
                // Only UDP addresses we can send to; the same host candidate repeats per section.
                if (string.Equals(candidate.Transport, "udp", StringComparison.OrdinalIgnoreCase)
                    && candidate.Component == 1
                    && candidate.TryGetEndPoint(out var endPoint)
                    && !candidates.Contains(endPoint!))
                {
                    candidates.Add(endPoint!);
                }
            }
        }

        if (first is null)
        {
            throw new SdpNegotiationException("The answer rejected every section.");
        }

        var mid = first.Mid ?? "(no mid)";
        var fingerprint = answer.EffectiveFingerprint(first) ?? throw new SdpNegotiationException($"The answer has no a=fingerprint for mid {mid}.");
        var setup = answer.EffectiveSetup(first) ?? "active";
        if (setup is not ("active" or "passive"))
        {
            throw new SdpNegotiationException($"An answer's a=setup must be active or passive, not {setup} (RFC 5763 §5).");
        }

        return new SdpServerAnswer(
            answer.IceLite,
            answer.EffectiveIceUfrag(first) ?? throw new SdpNegotiationException($"The answer has no a=ice-ufrag for mid {mid}."),
            answer.EffectiveIcePwd(first) ?? throw new SdpNegotiationException($"The answer has no a=ice-pwd for mid {mid}."),
            DtlsFingerprint.Parse(fingerprint),
            setup,
            candidates,
            first.FindOpusPayloadType() ?? throw new SdpNegotiationException($"The answer has no Opus for mid {mid}."),
            first.FindExtmapId(SdpWellKnown.AudioLevelUri),
            media);
    }
}
