namespace Parley.Media.Sdp;

/// <summary>Base of the SDP errors, so a signalling handler can answer any of them alike.</summary>
public abstract class SdpException : Exception
{
    protected SdpException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
