namespace Parley.Media.Sdp;

/// <summary>a=rtpmap:&lt;pt&gt; &lt;encoding&gt;/&lt;clock&gt;[/&lt;channels&gt;] (RFC 8866 §6.6).</summary>
public sealed record SdpRtpMap(byte PayloadType, string EncodingName, int ClockRate, int Channels);
