using System.Net;
using System.Security.Cryptography;

namespace Parley.Media.Ice;

/// <summary>
/// The controlling full-agent side of a check, for our C# peer talking to the ICE-lite SFU
/// (RFC 8445 §7.2.2, §8.1.1: with a lite peer the full agent controls and nominates aggressively).
/// </summary>
public static class IceControllingClient
{
    public static void NewTransactionId(Span<byte> transactionId) => RandomNumberGenerator.Fill(transactionId[..12]);

    public static ulong NewTieBreaker()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }

    /// <summary>RFC 8445 §5.1.2.1: priority = 2^24·type pref + 2^8·local pref + (256 − component).</summary>
    public static uint ComputePriority(int typePreference, int localPreference, int componentId) =>
        (uint)((typePreference << 24) + (localPreference << 8) + (256 - componentId));

    /// <summary>
    /// A Binding request with USERNAME "remoteUfrag:localUfrag", PRIORITY (of a peer-reflexive
    /// candidate, §7.1.1), ICE-CONTROLLING, USE-CANDIDATE when nominating, MESSAGE-INTEGRITY keyed
    /// with the remote ice-pwd, FINGERPRINT. Returns the length written.
    /// </summary>
    public static int WriteBindingRequest(
        Span<byte> destination,
        ReadOnlySpan<byte> transactionId,
        IceCredentials local,
        IceCredentials remote,
        uint priority,
        ulong tieBreaker,
        bool useCandidate)
    {
        var writer = new StunMessageWriter(destination, StunClass.Request, StunMethod.Binding, transactionId);
        writer.AddUsername(remote.Ufrag, local.Ufrag);
        writer.AddPriority(priority);
        writer.AddIceControlling(tieBreaker);
        if (useCandidate)
        {
            writer.AddUseCandidate();
        }

        writer.AddMessageIntegrity(remote.IntegrityKey);
        return writer.AddFingerprint();
    }

    /// <summary>
    /// Checks a response to our request: same transaction, FINGERPRINT and MESSAGE-INTEGRITY
    /// (keyed with the remote ice-pwd, RFC 8445 §7.2.5.1) valid, and reads XOR-MAPPED-ADDRESS.
    /// </summary>
    public static IceCheckResult VerifyBindingResponse(
        ReadOnlySpan<byte> packet,
        ReadOnlySpan<byte> expectedTransactionId,
        IceCredentials remote,
        out IPEndPoint? mappedAddress,
        out int errorCode)
    {
        mappedAddress = null;
        errorCode = 0;
        if (!StunMessage.TryParse(packet, out var response))
        {
            return IceCheckResult.Malformed;
        }

        if (response.Method != StunMethod.Binding
            || response.Class is not (StunClass.SuccessResponse or StunClass.ErrorResponse))
        {
            return IceCheckResult.NotBindingResponse;
        }

        if (!response.TransactionId.SequenceEqual(expectedTransactionId))
        {
            return IceCheckResult.TransactionMismatch;
        }

        if (!response.VerifyFingerprint())
        {
            return IceCheckResult.FingerprintInvalid;
        }

        if (response.Class == StunClass.ErrorResponse)
        {
            // 400/401 carry no MESSAGE-INTEGRITY (RFC 8489 §9.1.3); report the code either way.
            response.TryGetErrorCode(out errorCode, out _);
            return IceCheckResult.ErrorResponse;
        }

        if (!response.VerifyMessageIntegrity(remote.IntegrityKey))
        {
            return IceCheckResult.IntegrityInvalid;
        }

        response.TryGetXorMappedAddress(out mappedAddress);
        return IceCheckResult.Success;
    }
}
