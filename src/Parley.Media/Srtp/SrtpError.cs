namespace Parley.Media.Srtp;

/// <summary>Why an SRTP or SRTCP packet was dropped, so the SFU can count drops by reason.</summary>
public enum SrtpError
{
    None,
    TooShort,
    Malformed,
    AuthenticationFailed,
    Replayed,
    TooManySsrcs,
}
