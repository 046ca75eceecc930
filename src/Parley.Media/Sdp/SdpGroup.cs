namespace Parley.Media.Sdp;

/// <summary>a=group:&lt;semantics&gt; &lt;mid&gt;… (RFC 5888 §5), e.g. BUNDLE (RFC 8843).</summary>
public sealed record SdpGroup(string Semantics, IReadOnlyList<string> Mids);
