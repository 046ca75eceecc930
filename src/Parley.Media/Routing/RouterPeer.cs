namespace Parley.Media.Routing;

/// <summary>
/// A peer of a room as the router sees it: always a subscriber (K receive slots), and a
/// publisher whenever it sends audio and is allowed to.
/// </summary>
public sealed class RouterPeer
{
    internal SlotState[] Slots;

    internal RouterPeer(string id, ReadOnlySpan<uint> slotSsrcs, byte payloadType, byte audioLevelExtensionId, object? tag)
    {
        Id = id;
        PayloadType = payloadType;
        AudioLevelExtensionId = audioLevelExtensionId;
        Tag = tag;
        Slots = new SlotState[slotSsrcs.Length];
        for (var i = 0; i < Slots.Length; i++)
        {
            Slots[i].Ssrc = slotSsrcs[i];
            // RFC 3550 §5.1: the initial sequence number and timestamp should be random.
            Slots[i].LastSequenceNumber = (ushort)Random.Shared.Next(0, 1 << 16);
            Slots[i].LastRtpTimestamp = (uint)Random.Shared.NextInt64(0, 1L << 32);
        }
    }

    public string Id { get; }

    /// <summary>The transport's own per-peer state (the router never looks inside).</summary>
    public object? Tag { get; }

    /// <summary>Opus payload type this subscriber negotiated (111 in Chrome, 109 in Firefox).</summary>
    public byte PayloadType { get; }

    /// <summary>RFC 6464 extension id this subscriber negotiated, 0 when none.</summary>
    public byte AudioLevelExtensionId { get; }

    /// <summary>Read on every packet from this peer: a change takes effect on the next packet.</summary>
    public bool CanPublish
    {
        get => Volatile.Read(ref _canPublish);
        internal set => Volatile.Write(ref _canPublish, value);
    }

    private bool _canPublish;

    public int SlotCount => Slots.Length;

    public uint SlotSsrc(int slot) => Slots[slot].Ssrc;

    internal int IndexInRoom = -1;

    // Publisher side, owned by the router's single thread.
    internal double SmoothedLoudness;
    internal long LastPacketTicks;
    internal long ActiveSinceTicks;
    internal int ActivePosition = -1;
    internal bool HasSpoken;

    public bool IsActiveSpeaker => ActivePosition >= 0;

    /// <summary>Packets and bytes the router forwarded to this subscriber, per slot (for RTCP SR).</summary>
    public (uint Packets, uint Octets, uint LastRtpTimestamp, long LastSentTicks, bool HasSent) SlotCounters(int slot)
    {
        ref var s = ref Slots[slot];
        return (s.PacketsSent, s.OctetsSent, s.LastRtpTimestamp, s.LastSentTicks, s.HasSent);
    }
}
