namespace Parley.Media.Dtls;

/// <summary>Thrown into BouncyCastle's receive loop when the transport was closed under it.</summary>
public sealed class DtlsTransportClosedException : IOException
{
    public DtlsTransportClosedException()
        : base("The DTLS transport was closed.")
    {
    }

    public DtlsTransportClosedException(string message)
        : base(message)
    {
    }

    public DtlsTransportClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
