using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Parley.Media.Dtls;
using Parley.Media.Ice;

namespace Parley.Client.Media;

/// <summary>
/// The offer we write (what a browser writes for Parley: one sendrecv m-line to publish, K
/// recvonly slots, all BUNDLEd, rtcp-mux) and what we read from the SFU's answer.
/// </summary>
public sealed partial class AudioPeer
{
    private const string AudioLevelUri = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    private const byte OfferedOpusPayloadType = 111;
    private const byte OfferedAudioLevelId = 1;
    private byte _opusPayloadType = OfferedOpusPayloadType;
    private byte _audioLevelExtensionId = OfferedAudioLevelId;

    /// <summary>Our SDP offer: 1 sendrecv + <see cref="AudioPeerOptions.Slots"/> recvonly audio m-lines.</summary>
    public string CreateOffer()
    {
        var inv = CultureInfo.InvariantCulture;
        var local = LocalEndPoint;
        var sb = new StringBuilder();
        sb.Append(inv, $"v=0\r\no=- {Random.Shared.NextInt64(1, long.MaxValue)} 2 IN IP4 {local.Address}\r\ns=-\r\nt=0 0\r\n");
        sb.Append("a=group:BUNDLE");
        for (var i = 0; i <= _options.Slots; i++)
        {
            sb.Append(inv, $" {i}");
        }
        sb.Append("\r\na=msid-semantic: WMS\r\n");
        for (var i = 0; i <= _options.Slots; i++)
        {
            sb.Append(inv, $"m=audio {local.Port} UDP/TLS/RTP/SAVPF {OfferedOpusPayloadType}\r\n");
            sb.Append(inv, $"c=IN IP4 {local.Address}\r\n");
            sb.Append(inv, $"a=ice-ufrag:{_localIce.Ufrag}\r\na=ice-pwd:{_localIce.Password}\r\n");
            sb.Append(inv, $"a=fingerprint:{_certificate.Fingerprint}\r\na=setup:actpass\r\na=mid:{i}\r\n");
            sb.Append(inv, $"a=extmap:{OfferedAudioLevelId} {AudioLevelUri}\r\n");
            sb.Append(i == 0 ? "a=sendrecv\r\n" : "a=recvonly\r\n");
            sb.Append(inv, $"a=rtcp-mux\r\na=rtpmap:{OfferedOpusPayloadType} opus/48000/2\r\na=fmtp:{OfferedOpusPayloadType} minptime=10;useinbandfec=1\r\n");
            if (i == 0)
            {
                sb.Append(inv, $"a=ssrc:{Ssrc} cname:parley-client\r\n");
            }
            sb.Append(inv, $"a=candidate:1 1 udp 2130706431 {local.Address} {local.Port} typ host\r\n");
        }
        return sb.ToString();
    }

    private void ApplyAnswer(string sdp)
    {
        string? ufrag = null, pwd = null, fingerprint = null, mid = null, direction = null;
        IPEndPoint? candidate = null;
        uint ssrc = 0;
        var slots = new List<ReceiveSlot>();
        void Flush()
        {
            if (mid is not null && direction == "sendonly" && ssrc != 0)
            {
                slots.Add(new ReceiveSlot(slots.Count, ssrc, mid, _options.ReceiveHistory));
            }
            mid = null;
            direction = null;
            ssrc = 0;
        }
        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                Flush();
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
            else if (line.StartsWith("a=ssrc:", StringComparison.Ordinal) && ssrc == 0)
            {
                ssrc = uint.Parse(line.AsSpan(7, line.IndexOf(' ', StringComparison.Ordinal) - 7), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("a=rtpmap:", StringComparison.Ordinal) && line.Contains(" opus/48000", StringComparison.OrdinalIgnoreCase))
            {
                _opusPayloadType = byte.Parse(line.AsSpan(9, line.IndexOf(' ', StringComparison.Ordinal) - 9), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("a=extmap:", StringComparison.Ordinal) && line.EndsWith(AudioLevelUri, StringComparison.Ordinal))
            {
                _audioLevelExtensionId = byte.Parse(line.AsSpan(9, line.IndexOf(' ', StringComparison.Ordinal) - 9), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("a=candidate:", StringComparison.Ordinal) && candidate is null)
            {
                // foundation component transport priority address port typ host
                var parts = line[12..].Split(' ');
                if (parts.Length >= 8 && parts[2].Equals("udp", StringComparison.OrdinalIgnoreCase)
                    && IPAddress.TryParse(parts[4], out var address) && address.AddressFamily == _socket.AddressFamily)
                {
                    candidate = new IPEndPoint(address, int.Parse(parts[5], CultureInfo.InvariantCulture));
                }
            }
        }
        Flush();
        if (ufrag is null || pwd is null || fingerprint is null || candidate is null)
        {
            throw new FormatException("The answer lacks ICE credentials, a fingerprint or a usable UDP candidate.");
        }
        if (!DtlsFingerprint.TryParse(fingerprint, out var parsed) || parsed is null)
        {
            throw new FormatException("The answer's a=fingerprint does not parse.");
        }
        _remoteIce = new IceCredentials(ufrag, pwd);
        _remoteFingerprint = parsed;
        _remote = candidate.Serialize();
        _slots = [.. slots];
        foreach (var slot in _slots)
        {
            _slotsBySsrc[slot.Ssrc] = slot;
        }
    }
}
