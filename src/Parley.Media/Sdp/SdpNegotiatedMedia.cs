namespace Parley.Media.Sdp;

/// <summary>
/// One answered m= section. For <see cref="SdpMediaRole.ReceiveSlot"/>, <see cref="SlotIndex"/>
/// is 0..K-1 and <see cref="Ssrc"/> is the SSRC the SFU sends with in that slot; for
/// <see cref="SdpMediaRole.Publish"/>, <see cref="Ssrc"/> is the peer's SSRC if its offer named one.
/// </summary>
public sealed record SdpNegotiatedMedia(
    string? Mid,
    string Kind,
    SdpMediaRole Role,
    int SlotIndex,
    uint? Ssrc,
    byte? OpusPayloadType,
    int? AudioLevelExtensionId);
