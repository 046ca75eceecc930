using System.Net;
using System.Net.Sockets;

namespace Parley.Media.Ice;

/// <summary>
/// The ICE-lite side of a connectivity check (RFC 8445 §2.5, §7.3): the SFU never sends checks,
/// it only answers the browser's, and the browser (controlling) decides with USE-CANDIDATE.
/// Nothing here allocates: the response goes into the caller's buffer.
/// </summary>
public static class IceLiteResponder
{
    /// <summary>A buffer of this size holds any response we write.</summary>
    public const int MaxResponseLength = 160;

    public static IceBindingOutcome TryHandleBindingRequest(
        ReadOnlySpan<byte> packet, SocketAddress remote, IceCredentials local, Span<byte> response, string? remoteUfrag = null)
    {
        if (!StunMessage.TryParse(packet, out var request, out var error))
        {
            return IceBindingOutcome.Drop(IceBindingResult.Malformed, error);
        }

        return TryHandleBindingRequest(request, remote, local, response, remoteUfrag);
    }

    public static IceBindingOutcome TryHandleBindingRequest(
        ReadOnlySpan<byte> packet, IPEndPoint remote, IceCredentials local, Span<byte> response, string? remoteUfrag = null) =>
        TryHandleBindingRequest(packet, remote.Serialize(), local, response, remoteUfrag);

    /// <summary>
    /// Handles a request already parsed (the SFU parses once to read the ufrag and find the
    /// session). <paramref name="remoteUfrag"/>, when given, must be the second half of USERNAME.
    /// </summary>
    public static IceBindingOutcome TryHandleBindingRequest(
        in StunMessage request, SocketAddress remote, IceCredentials local, Span<byte> response, string? remoteUfrag = null)
    {
        if (request.Method != StunMethod.Binding)
        {
            return IceBindingOutcome.Drop(IceBindingResult.NotBindingRequest);
        }

        if (request.Class == StunClass.Indication)
        {
            return IceBindingOutcome.Drop(IceBindingResult.Indication);
        }

        if (request.Class != StunClass.Request)
        {
            return IceBindingOutcome.Drop(IceBindingResult.NotBindingRequest);
        }

        if (!request.HasFingerprint)
        {
            return IceBindingOutcome.Drop(IceBindingResult.FingerprintMissing);
        }

        if (!request.VerifyFingerprint())
        {
            return IceBindingOutcome.Drop(IceBindingResult.FingerprintInvalid);
        }

        // RFC 8489 §9.1.3: no MESSAGE-INTEGRITY or USERNAME → 400; a wrong one → 401. Neither
        // error response carries MESSAGE-INTEGRITY, since we have no key the peer proved it knows.
        if (!request.HasMessageIntegrity || !request.TryGetUsername(out _))
        {
            return Error(request, response, IceBindingResult.BadRequest, 400, "Bad Request", null);
        }

        if (!request.TryGetUsername(out var ours, out var theirs)
            || !ours.SequenceEqual(local.UfragBytes)
            || (remoteUfrag is not null && !MatchesAscii(theirs, remoteUfrag)))
        {
            return Error(request, response, IceBindingResult.UnknownUsername, 401, "Unauthenticated", null);
        }

        if (!request.VerifyMessageIntegrity(local.IntegrityKey))
        {
            return Error(request, response, IceBindingResult.IntegrityInvalid, 401, "Unauthenticated", null);
        }

        if (request.UnknownComprehensionRequiredCount > 0)
        {
            return UnknownAttributes(request, response, local);
        }

        // RFC 8445 §7.3.1.1: we are always controlled; a peer claiming the same role has to switch,
        // which 487 tells it (a lite agent cannot take the controlling role itself, §6.1.1).
        if (request.HasIceControlled)
        {
            return Error(request, response, IceBindingResult.RoleConflict, 487, "Role Conflict", local);
        }

        var writer = new StunMessageWriter(response, StunClass.SuccessResponse, StunMethod.Binding, request.TransactionId);
        writer.AddXorMappedAddress(remote);
        writer.AddMessageIntegrity(local.IntegrityKey);
        var length = writer.AddFingerprint();
        request.TryGetPriority(out var priority);
        return new IceBindingOutcome(IceBindingResult.Success, length, request.HasUseCandidate, priority);
    }

    /// <summary>
    /// A 401 for a check whose ufrag names no session we know (RFC 8489 §9.1.3). Whether to send
    /// it or stay silent (no reflection towards spoofed sources) is the caller's choice.
    /// </summary>
    public static int WriteUnauthenticatedResponse(in StunMessage request, Span<byte> response) =>
        Error(request, response, IceBindingResult.UnknownUsername, 401, "Unauthenticated", null).ResponseLength;

    private static IceBindingOutcome Error(
        in StunMessage request, Span<byte> response, IceBindingResult result, int code, string reason, IceCredentials? signWith)
    {
        var writer = new StunMessageWriter(response, StunClass.ErrorResponse, StunMethod.Binding, request.TransactionId);
        writer.AddErrorCode(code, reason);
        if (signWith is not null)
        {
            writer.AddMessageIntegrity(signWith.IntegrityKey);
        }

        return new IceBindingOutcome(result, writer.AddFingerprint(), false, 0);
    }

    private static IceBindingOutcome UnknownAttributes(in StunMessage request, Span<byte> response, IceCredentials local)
    {
        Span<ushort> unknown = stackalloc ushort[8];
        var count = request.CopyUnknownComprehensionRequired(unknown);
        var writer = new StunMessageWriter(response, StunClass.ErrorResponse, StunMethod.Binding, request.TransactionId);
        writer.AddErrorCode(420, "Unknown Attribute");
        writer.AddUnknownAttributes(unknown[..count]);
        writer.AddMessageIntegrity(local.IntegrityKey);
        return new IceBindingOutcome(IceBindingResult.UnknownAttribute, writer.AddFingerprint(), false, 0);
    }

    private static bool MatchesAscii(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes.Length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }
}
