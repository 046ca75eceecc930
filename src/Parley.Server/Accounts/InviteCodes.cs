using System.Buffers.Text;
using System.Security.Cryptography;

namespace Parley.Server.Accounts;

/// <summary>Invite codes: 128 bits from the system CSPRNG, base64url (22 characters).</summary>
internal static class InviteCodes
{
    public const int Length = 22;

    public static string Create()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Whether it could be a code at all (so junk never reaches the database).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && Base64Url.IsValid(code);

    /// <summary>For logs: enough to tell codes apart, not enough to use one.</summary>
    public static string Redact(string? code) => code is { Length: > 4 } ? code[..4] + "…" : "…";
}
