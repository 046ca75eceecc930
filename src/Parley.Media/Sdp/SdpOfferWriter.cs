using System.Security.Cryptography;
using System.Text;

namespace Parley.Media.Sdp;

/// <summary>
/// Writes the offer of our C# peer, shaped like Chrome's for the same transceivers (DESIGN.md §3):
/// mids 0..K, one BUNDLE group, a=setup:actpass, rtcp-mux, Opus and the audio-level extension.
/// </summary>
public static class SdpOfferWriter
{
    public static string Write(SdpClientOfferOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.ReceiveSlots);
        var sb = new StringBuilder(1024 * (options.ReceiveSlots + 1));
        var sessionId = options.SessionId ?? (ulong)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var mids = new string[options.ReceiveSlots + 1];
        for (var i = 0; i < mids.Length; i++)
        {
            mids[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Line(sb, "v=0");
        Line(sb, $"o=- {sessionId} 2 IN IP4 127.0.0.1");
        Line(sb, "s=-");
        Line(sb, "t=0 0");
        Line(sb, $"a=group:BUNDLE {string.Join(' ', mids)}");
        for (var i = 0; i < mids.Length; i++)
        {
            var pt = options.OpusPayloadType;
            Line(sb, $"m=audio 9 {SdpWellKnown.DtlsSrtpProtocol} {pt}");
            Line(sb, "c=IN IP4 0.0.0.0");
            Line(sb, $"a=ice-ufrag:{options.IceCredentials.Ufrag}");
            Line(sb, $"a=ice-pwd:{options.IceCredentials.Password}");
            Line(sb, $"a=fingerprint:{options.Fingerprint}");
            Line(sb, "a=setup:actpass");
            Line(sb, $"a=mid:{mids[i]}");
            Line(sb, $"a=extmap:{options.AudioLevelExtensionId} {SdpWellKnown.AudioLevelUri}");
            Line(sb, i == 0 ? "a=sendrecv" : "a=recvonly");
            if (i == 0)
            {
                Line(sb, $"a=msid:{options.StreamId} {options.TrackId}");
            }

            Line(sb, "a=rtcp-mux");
            Line(sb, "a=rtcp-rsize");
            Line(sb, $"a=rtpmap:{pt} opus/48000/2");
            Line(sb, $"a=fmtp:{pt} {SdpWellKnown.OpusFmtp}");
            if (i == 0)
            {
                Line(sb, $"a=ssrc:{options.SendSsrc} cname:{options.CName}");
            }
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string line) => sb.Append(line).Append(SdpWellKnown.Crlf);
}
