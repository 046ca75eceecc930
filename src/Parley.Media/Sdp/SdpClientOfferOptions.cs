using Parley.Media.Dtls;
using Parley.Media.Ice;

namespace Parley.Media.Sdp;

/// <summary>What our C# peer offers: one sendrecv microphone section plus K recvonly slots.</summary>
public sealed record SdpClientOfferOptions(
    IceCredentials IceCredentials,
    DtlsFingerprint Fingerprint,
    uint SendSsrc,
    int ReceiveSlots = 3)
{
    public byte OpusPayloadType { get; init; } = 111;

    public int AudioLevelExtensionId { get; init; } = 1;

    public string CName { get; init; } = "parley-client";

    public string StreamId { get; init; } = "mic";

    public string TrackId { get; init; } = "mic0";

    public ulong? SessionId { get; init; }
}
