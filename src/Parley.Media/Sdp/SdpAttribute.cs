namespace Parley.Media.Sdp;

/// <summary>One a= line, kept as written: name, and value after the first colon (null for a flag).</summary>
public sealed record SdpAttribute(string Name, string? Value, int LineNumber);
