using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Parley.Media.Ice;

internal static class StunAddress
{
    // RFC 8489 §14.2: IPv4 is XOR'ed with the magic cookie; IPv6 with the cookie followed by
    // the transaction id. The message header holds exactly those 16 bytes at offset 4.
    public static void Xor(ReadOnlySpan<byte> address, ReadOnlySpan<byte> header, Span<byte> destination)
    {
        var mask = header.Slice(4, 16);
        for (var i = 0; i < address.Length; i++)
        {
            destination[i] = (byte)(address[i] ^ mask[i]);
        }
    }

    /// <summary>
    /// Reads the address bytes and port of a SocketAddress without allocating. The buffer follows
    /// sockaddr_in / sockaddr_in6: port at bytes 2–3 (network order), IPv4 at 4–7, IPv6 at 8–23.
    /// An IPv4-mapped IPv6 address (dual-mode socket) is reported as IPv4, which is what the peer
    /// sees as its own address.
    /// </summary>
    public static bool TryRead(SocketAddress socketAddress, Span<byte> address, out int addressLength, out ushort port)
    {
        var buffer = socketAddress.Buffer.Span;
        addressLength = 0;
        port = 0;
        if (socketAddress.Family == AddressFamily.InterNetwork && socketAddress.Size >= 8)
        {
            port = BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]);
            buffer.Slice(4, 4).CopyTo(address);
            addressLength = 4;
            return true;
        }

        if (socketAddress.Family == AddressFamily.InterNetworkV6 && socketAddress.Size >= 24)
        {
            port = BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]);
            var v6 = buffer.Slice(8, 16);
            if (IsIPv4Mapped(v6))
            {
                v6.Slice(12, 4).CopyTo(address);
                addressLength = 4;
            }
            else
            {
                v6.CopyTo(address);
                addressLength = 16;
            }

            return true;
        }

        return false;
    }

    public static int Read(IPEndPoint endPoint, Span<byte> address)
    {
        var ip = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        ip.TryWriteBytes(address, out var written);
        return written;
    }

    private static bool IsIPv4Mapped(ReadOnlySpan<byte> v6)
    {
        for (var i = 0; i < 10; i++)
        {
            if (v6[i] != 0)
            {
                return false;
            }
        }

        return v6[10] == 0xFF && v6[11] == 0xFF;
    }
}
