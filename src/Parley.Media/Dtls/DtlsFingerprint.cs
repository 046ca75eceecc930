using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Media.Dtls;

/// <summary>
/// A certificate fingerprint as SDP carries it (RFC 8122 §5): a hash function name and the
/// hash as colon-separated upper-case hex, e.g. <c>sha-256 AB:CD:…</c>.
/// </summary>
public sealed class DtlsFingerprint : IEquatable<DtlsFingerprint>
{
    private readonly byte[] _value;

    public DtlsFingerprint(string algorithm, ReadOnlySpan<byte> value)
    {
        Algorithm = algorithm.ToLowerInvariant();
        if (HashLength(Algorithm) is var length && length == 0)
        {
            throw new ArgumentException($"Unsupported fingerprint hash function '{algorithm}'.", nameof(algorithm));
        }
        else if (value.Length != length)
        {
            throw new ArgumentException($"A {Algorithm} fingerprint is {length} bytes.", nameof(value));
        }

        _value = value.ToArray();
    }

    /// <summary>The hash function's SDP name, lower case (sha-1, sha-256, sha-384, sha-512).</summary>
    public string Algorithm { get; }

    public ReadOnlySpan<byte> Value => _value;

    /// <summary>Fingerprint of a DER certificate with a given hash function.</summary>
    public static DtlsFingerprint Compute(ReadOnlySpan<byte> certificateDer, string algorithm = "sha-256")
    {
        Span<byte> hash = stackalloc byte[64];
        var length = Hash(algorithm.ToLowerInvariant(), certificateDer, hash);
        return new DtlsFingerprint(algorithm, hash[..length]);
    }

    /// <summary>Parses the value of an a=fingerprint attribute ("sha-256 AB:CD:…").</summary>
    public static bool TryParse(string? text, out DtlsFingerprint? fingerprint)
    {
        fingerprint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return false;
        }

        var algorithm = parts[0].ToLowerInvariant();
        var expected = HashLength(algorithm);
        var hex = parts[1].Split(':');
        if (expected == 0 || hex.Length != expected)
        {
            return false;
        }

        var bytes = new byte[expected];
        for (var i = 0; i < expected; i++)
        {
            if (hex[i].Length != 2 || !byte.TryParse(hex[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return false;
            }
        }

        fingerprint = new DtlsFingerprint(algorithm, bytes);
        return true;
    }

    public static DtlsFingerprint Parse(string text) =>
        TryParse(text, out var fingerprint) ? fingerprint! : throw new FormatException($"Not an SDP fingerprint: '{text}'.");

    /// <summary>True when the certificate hashes, with this fingerprint's function, to this value.</summary>
    public bool Matches(ReadOnlySpan<byte> certificateDer)
    {
        Span<byte> hash = stackalloc byte[64];
        var length = Hash(Algorithm, certificateDer, hash);
        return CryptographicOperations.FixedTimeEquals(hash[..length], _value);
    }

    /// <summary>The SDP form: "sha-256 AB:CD:…".</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Algorithm.Length + 1 + (_value.Length * 3));
        builder.Append(Algorithm).Append(' ');
        for (var i = 0; i < _value.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(':');
            }

            builder.Append(_value[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    public bool Equals(DtlsFingerprint? other) =>
        other is not null && Algorithm == other.Algorithm && _value.AsSpan().SequenceEqual(other._value);

    public override bool Equals(object? obj) => Equals(obj as DtlsFingerprint);

    public override int GetHashCode() => HashCode.Combine(Algorithm, BitConverter.ToInt32(_value, 0));

    private static int HashLength(string algorithm) => algorithm switch
    {
        "sha-1" => 20,
        "sha-256" => 32,
        "sha-384" => 48,
        "sha-512" => 64,
        _ => 0,
    };

#pragma warning disable CA5350 // RFC 8122 still lists sha-1 fingerprints; we compare, never sign, with it.
    private static int Hash(string algorithm, ReadOnlySpan<byte> data, Span<byte> destination) => algorithm switch
    {
        "sha-1" => SHA1.HashData(data, destination),
        "sha-256" => SHA256.HashData(data, destination),
        "sha-384" => SHA384.HashData(data, destination),
        "sha-512" => SHA512.HashData(data, destination),
        _ => throw new ArgumentException($"Unsupported fingerprint hash function '{algorithm}'.", nameof(algorithm)),
    };
#pragma warning restore CA5350
}
