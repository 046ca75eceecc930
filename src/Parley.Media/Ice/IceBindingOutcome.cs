namespace Parley.Media.Ice;

/// <summary>
/// The result of handling one datagram as an ICE check. When <see cref="ResponseLength"/> is
/// positive the caller sends that many bytes of its response buffer back to the source.
/// </summary>
public readonly record struct IceBindingOutcome(
    IceBindingResult Result,
    int ResponseLength,
    bool UseCandidate,
    uint Priority,
    StunParseError ParseError = StunParseError.None)
{
    public bool IsSuccess => Result == IceBindingResult.Success;

    public bool HasResponse => ResponseLength > 0;

    internal static IceBindingOutcome Drop(IceBindingResult result, StunParseError error = StunParseError.None) =>
        new(result, 0, false, 0, error);
}
