namespace Parley.Media.Dtls;

/// <summary>A DTLS handshake that failed, with a reason the SFU can count.</summary>
public sealed class DtlsHandshakeException : Exception
{
    public DtlsHandshakeException()
        : this(DtlsHandshakeFailureReason.ProtocolError, "The DTLS handshake failed.")
    {
    }

    public DtlsHandshakeException(string message)
        : this(DtlsHandshakeFailureReason.ProtocolError, message)
    {
    }

    public DtlsHandshakeException(string message, Exception innerException)
        : this(DtlsHandshakeFailureReason.ProtocolError, message, innerException)
    {
    }

    public DtlsHandshakeException(DtlsHandshakeFailureReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public DtlsHandshakeFailureReason Reason { get; }
}
