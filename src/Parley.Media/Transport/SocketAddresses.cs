using System.Net;
using System.Net.Sockets;

namespace Parley.Media.Transport;

/// <summary>Helpers over <see cref="SocketAddress"/>, which holds the native sockaddr bytes.</summary>
internal static class SocketAddresses
{
    public static SocketAddress Clone(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span.Slice(0, address.Size).CopyTo(copy.Buffer.Span);
        return copy;
    }

    /// <summary>127.0.0.0/8, ::1, or an IPv4-mapped 127.x address; read without allocating.</summary>
    public static bool IsLoopback(SocketAddress address)
    {
        var b = address.Buffer.Span;
        if (address.Family == AddressFamily.InterNetwork)
        {
            return b[4] == 127; // sockaddr_in: family(2) port(2) addr(4)
        }
        if (address.Family == AddressFamily.InterNetworkV6 && address.Size >= 24)
        {
            var ip = b.Slice(8, 16); // sockaddr_in6: family(2) port(2) flowinfo(4) addr(16)
            if (ip[..15].IndexOfAnyExcept((byte)0) < 0 && ip[15] == 1)
            {
                return true;
            }
            return ip[..10].IndexOfAnyExcept((byte)0) < 0 && ip[10] == 0xFF && ip[11] == 0xFF && ip[12] == 127;
        }
        return false;
    }
}
