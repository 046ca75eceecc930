using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Parley.Media.Ice;

/// <summary>
/// A MESSAGE-INTEGRITY key kept keyed: one HMAC-SHA1 instance reused for every message, so a
/// check costs no re-keying (DESIGN.md §3: one-shot HMAC re-keys and costs 2.3×) and no copy
/// of the message. Safe to share between threads (a lock around the HMAC).
/// </summary>
public sealed class StunIntegrityKey : IDisposable
{
#pragma warning disable CA5350 // RFC 8489 §14.5 and RFC 8445 §7.2.2 mandate HMAC-SHA1 for ICE checks.
    private readonly IncrementalHash _hmac;
#pragma warning restore CA5350
    private readonly Lock _lock = new();

    public StunIntegrityKey(ReadOnlySpan<byte> key)
    {
#pragma warning disable CA5350
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
#pragma warning restore CA5350
    }

    public void Dispose() => _hmac.Dispose();

    /// <summary>HMAC of the message up to MESSAGE-INTEGRITY, with the header length adjusted (§14.5).</summary>
    internal void Compute(ReadOnlySpan<byte> messageBeforeIntegrity, Span<byte> mac)
    {
        Span<byte> header = stackalloc byte[StunConstants.HeaderLength];
        messageBeforeIntegrity[..StunConstants.HeaderLength].CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(
            header[2..],
            (ushort)(messageBeforeIntegrity.Length + 4 + StunConstants.MessageIntegrityLength - StunConstants.HeaderLength));
        lock (_lock)
        {
            _hmac.AppendData(header);
            _hmac.AppendData(messageBeforeIntegrity[StunConstants.HeaderLength..]);
            _hmac.GetHashAndReset(mac);
        }
    }
}
