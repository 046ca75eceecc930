namespace Parley.Media.Ice;

/// <summary>How our controlling client judged a response to its check.</summary>
public enum IceCheckResult : byte
{
    Success = 0,
    Malformed,
    NotBindingResponse,
    TransactionMismatch,
    FingerprintInvalid,
    IntegrityInvalid,

    /// <summary>An authenticated error response; see the error code.</summary>
    ErrorResponse,
}
