namespace Parley.Media.Sdp;

/// <summary>a=extmap:&lt;id&gt;[/&lt;direction&gt;] &lt;uri&gt; (RFC 8285 §8).</summary>
public sealed record SdpExtmap(int Id, SdpDirection? Direction, string Uri);
