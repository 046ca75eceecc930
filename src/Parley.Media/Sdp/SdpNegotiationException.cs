namespace Parley.Media.Sdp;

/// <summary>Well-formed SDP we cannot answer (no ICE credentials, no fingerprint, no usable audio…).</summary>
public sealed class SdpNegotiationException : SdpException
{
    public SdpNegotiationException(string message)
        : base(message)
    {
    }
}
