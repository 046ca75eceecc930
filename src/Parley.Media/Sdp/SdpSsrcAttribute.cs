namespace Parley.Media.Sdp;

/// <summary>a=ssrc:&lt;ssrc&gt; &lt;attribute&gt;[:&lt;value&gt;] (RFC 5576 §4.1), e.g. cname or msid.</summary>
public sealed record SdpSsrcAttribute(uint Ssrc, string Attribute, string? Value);
