namespace Parley.Media.Sdp;

/// <summary>SDP that does not follow the grammar of RFC 8866 or of an attribute we read.</summary>
public sealed class SdpParseException : SdpException
{
    public SdpParseException(int lineNumber, string line, string reason)
        : base($"SDP line {lineNumber} '{Truncate(line)}': {reason}")
    {
        LineNumber = lineNumber;
        Line = line;
        Reason = reason;
    }

    /// <summary>1-based line number of the offending line.</summary>
    public int LineNumber { get; }

    public string Line { get; }

    public string Reason { get; }

    private static string Truncate(string line) => line.Length <= 120 ? line : string.Concat(line.AsSpan(0, 117), "...");
}
