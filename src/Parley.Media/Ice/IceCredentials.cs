using System.Security.Cryptography;
using System.Text;

namespace Parley.Media.Ice;

/// <summary>
/// An ICE username fragment and password (RFC 8839 §5.4): ufrag of 4–256 ice-chars, password
/// of 22–256 ice-chars, where ice-char is ALPHA / DIGIT / "+" / "/".
/// </summary>
public sealed class IceCredentials : IDisposable
{
    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private readonly byte[] _ufragBytes;
    private readonly byte[] _passwordKey;
    private StunIntegrityKey? _integrityKey;

    public IceCredentials(string ufrag, string password)
    {
        if (!IsValid(ufrag, 4))
        {
            throw new ArgumentException("An ice-ufrag is 4 to 256 ice-chars (RFC 8839 §5.4).", nameof(ufrag));
        }

        if (!IsValid(password, 22))
        {
            throw new ArgumentException("An ice-pwd is 22 to 256 ice-chars (RFC 8839 §5.4).", nameof(password));
        }

        Ufrag = ufrag;
        Password = password;
        _ufragBytes = Encoding.ASCII.GetBytes(ufrag);

        // RFC 8489 §9.1.1: the short-term key is OpaqueString(password); ice-chars are ASCII,
        // which OpaqueString leaves as they are.
        _passwordKey = Encoding.ASCII.GetBytes(password);
    }

    public string Ufrag { get; }

    public string Password { get; }

    public ReadOnlySpan<byte> UfragBytes => _ufragBytes;

    /// <summary>The MESSAGE-INTEGRITY key: the password's bytes.</summary>
    public ReadOnlySpan<byte> PasswordKey => _passwordKey;

    /// <summary>
    /// The password as a MESSAGE-INTEGRITY key kept keyed, created on first use: the responder
    /// verifies and signs with it, which halves the cost of a check.
    /// </summary>
    public StunIntegrityKey IntegrityKey
    {
        get
        {
            if (_integrityKey is { } key)
            {
                return key;
            }

            var created = new StunIntegrityKey(_passwordKey);
            if (Interlocked.CompareExchange(ref _integrityKey, created, null) is { } raced)
            {
                created.Dispose();
                return raced;
            }

            return created;
        }
    }

    public void Dispose() => _integrityKey?.Dispose();

    /// <summary>
    /// Random credentials from the OS CSPRNG. The ufrag also keys the session lookup in the SFU,
    /// so it is longer than the minimum (8 chars = 48 bits); the password has 24 chars = 144 bits.
    /// </summary>
    public static IceCredentials Generate(int ufragLength = 8, int passwordLength = 24) =>
        new(RandomIceChars(ufragLength), RandomIceChars(passwordLength));

    public static bool IsValidUfrag(string? value) => IsValid(value, 4);

    public static bool IsValidPassword(string? value) => IsValid(value, 22);

    public override string ToString() => $"ufrag {Ufrag}";

    private static string RandomIceChars(int length) => RandomNumberGenerator.GetString(IceChars, length);

    private static bool IsValid(string? value, int minLength)
    {
        if (value is null || value.Length < minLength || value.Length > 256)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '/')
            {
                return false;
            }
        }

        return true;
    }
}
