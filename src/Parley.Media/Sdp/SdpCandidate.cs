using System.Globalization;
using System.Net;

namespace Parley.Media.Sdp;

/// <summary>
/// a=candidate (RFC 8839 §5.1): foundation, component, transport, priority, address, port,
/// type. The address may be an mDNS name (…​.local) rather than an IP address.
/// </summary>
public sealed record SdpCandidate(
    string Foundation,
    int Component,
    string Transport,
    uint Priority,
    string Address,
    int Port,
    string Type)
{
    public bool TryGetEndPoint(out IPEndPoint? endPoint)
    {
        endPoint = IPAddress.TryParse(Address, out var ip) ? new IPEndPoint(ip, Port) : null;
        return endPoint is not null;
    }

    /// <summary>The attribute value, without "a=".</summary>
    public string ToAttributeValue() => string.Create(
        CultureInfo.InvariantCulture, $"candidate:{Foundation} {Component} {Transport} {Priority} {Address} {Port} typ {Type}");

    internal static bool TryParse(string value, out SdpCandidate? candidate)
    {
        candidate = null;
        var f = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 8 || f[6] != "typ"
            || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var component)
            || !uint.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var priority)
            || !int.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > 65535)
        {
            return false;
        }

        candidate = new SdpCandidate(f[0], component, f[2], priority, f[4], port, f[7]);
        return true;
    }
}
