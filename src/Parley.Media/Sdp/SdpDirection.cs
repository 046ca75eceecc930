namespace Parley.Media.Sdp;

/// <summary>Media direction attributes (RFC 8866 §6.7), from the SDP author's point of view.</summary>
public enum SdpDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}

public static class SdpDirectionExtensions
{
    public static string ToSdp(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendRecv => "sendrecv",
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        _ => "inactive",
    };

    internal static bool TryParse(string name, out SdpDirection direction)
    {
        (var known, direction) = name switch
        {
            "sendrecv" => (true, SdpDirection.SendRecv),
            "sendonly" => (true, SdpDirection.SendOnly),
            "recvonly" => (true, SdpDirection.RecvOnly),
            "inactive" => (true, SdpDirection.Inactive),
            _ => (false, SdpDirection.SendRecv),
        };
        return known;
    }
}
