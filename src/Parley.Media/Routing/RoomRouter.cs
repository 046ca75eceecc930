using Parley.Media.Rtp;

namespace Parley.Media.Routing;

/// <summary>
/// One room's forwarding: the K loudest unmuted publishers go into every other peer's K receive
/// slots, each slot rewritten to one continuous RTP stream.
/// </summary>
/// <remarks>
/// Not thread-safe by design: one thread (the transport's receive loop, or a caller holding the
/// transport's gate) owns the router, so the per-packet fan-out takes no lock and allocates
/// nothing. Only <see cref="RouterPeer.CanPublish"/> is read across threads (volatile).
/// Active positions are sticky: a newcomer takes the position of the speaker it replaces, and
/// position i of the room maps to slot i of every subscriber, so a stage change touches one slot.
/// </remarks>
public sealed partial class RoomRouter
{
    /// <summary>Largest forwarded packet, SRTP tag included (fits a 1500-byte MTU).</summary>
    public const int MaxPacketSize = 1500;

    // Forwarded header: 12 bytes + one-byte-header extension with the audio level (RFC 8285 §4.2).
    private const int MaxHeaderSize = 20;

    // Room for the SRTP authentication tag (16 bytes for AEAD_AES_128_GCM, RFC 7714 §5.2).
    private const int SrtpOverhead = 16;

    private readonly RouterOptions _options;
    private readonly TimeProvider _time;
    private readonly long _holdTicks;
    private readonly long _silenceTicks;
    private readonly RouterPeer?[] _active;
    private RouterPeer[] _peers = new RouterPeer[8];
    private int _peerCount;

    public RoomRouter(string roomId, RouterOptions? options = null, TimeProvider? timeProvider = null)
    {
        RoomId = roomId;
        _options = options ?? new RouterOptions();
        _time = timeProvider ?? TimeProvider.System;
        _holdTicks = ToTicks(_options.Hold);
        _silenceTicks = ToTicks(_options.SilenceAfter);
        _active = new RouterPeer?[_options.SlotsPerSubscriber];
    }

    public string RoomId { get; }

    public int PeerCount => _peerCount;

    /// <summary>
    /// Raised on the owning thread whenever the set of forwarded speakers changes; handlers
    /// must be quick (the transport re-dispatches to the thread pool).
    /// </summary>
    public event Action<RoomRouter, string[]>? ActiveSpeakersChanged;

    public RouterPeer AddPeer(string peerId, ReadOnlySpan<uint> slotSsrcs, byte payloadType, byte audioLevelExtensionId, object? tag = null)
    {
        var peer = new RouterPeer(peerId, slotSsrcs, payloadType, audioLevelExtensionId, tag);
        if (_peerCount == _peers.Length)
        {
            Array.Resize(ref _peers, _peers.Length * 2);
        }
        peer.IndexInRoom = _peerCount;
        _peers[_peerCount++] = peer;
        return peer;
    }

    public void RemovePeer(RouterPeer peer)
    {
        var index = peer.IndexInRoom;
        if (index < 0 || index >= _peerCount || !ReferenceEquals(_peers[index], peer))
        {
            return;
        }
        var last = _peers[--_peerCount];
        _peers[index] = last;
        last.IndexInRoom = index;
        _peers[_peerCount] = null!;
        peer.IndexInRoom = -1;
        if (peer.ActivePosition >= 0)
        {
            Deactivate(peer);
            RaiseActiveSpeakersChanged();
        }
        if (peer.HasSpoken)
        {
            // Slots keep their numbering but must not keep a departed peer (and its SRTP state) alive.
            for (var i = 0; i < _peerCount; i++)
            {
                var slots = _peers[i].Slots;
                for (var s = 0; s < slots.Length; s++)
                {
                    if (ReferenceEquals(slots[s].Source, peer))
                    {
                        slots[s].Source = null;
                    }
                }
            }
        }
    }

    /// <summary>Takes effect on the next packet; a publisher losing the right also loses its slot now.</summary>
    public void SetCanPublish(RouterPeer peer, bool canPublish)
    {
        peer.CanPublish = canPublish;
        if (!canPublish && peer.ActivePosition >= 0)
        {
            Deactivate(peer);
            RaiseActiveSpeakersChanged();
        }
    }

    /// <summary>The current active speakers, by position (null where a position is free).</summary>
    public string?[] ActiveSpeakers()
    {
        var ids = new string?[_active.Length];
        for (var i = 0; i < _active.Length; i++)
        {
            ids[i] = _active[i]?.Id;
        }
        return ids;
    }

    /// <summary>
    /// Forwards one decrypted packet from <paramref name="from"/> to every other peer's slot.
    /// Zero allocations: each copy is written into a buffer the sink reserved.
    /// </summary>
    public ForwardOutcome Forward(RouterPeer from, in InboundRtp rtp, ForwardingSink sink, out int forwardedCount) =>
        Forward(from, rtp, sink, null, out forwardedCount);

    /// <summary>
    /// As <see cref="Forward(RouterPeer, in InboundRtp, ForwardingSink, out int)"/>, with the copies
    /// split over <paramref name="workers"/>' threads when the room is large enough; returns once
    /// every copy is queued (and each worker has flushed its own sink).
    /// </summary>
    public ForwardOutcome Forward(RouterPeer from, in InboundRtp rtp, FanoutWorkers workers, out int forwardedCount)
    {
        ArgumentNullException.ThrowIfNull(workers);
        return Forward(from, rtp, workers.PrimarySink, workers, out forwardedCount);
    }

    private ForwardOutcome Forward(RouterPeer from, in InboundRtp rtp, ForwardingSink sink, FanoutWorkers? workers, out int forwardedCount)
    {
        forwardedCount = 0;
        if (!from.CanPublish)
        {
            if (from.ActivePosition >= 0)
            {
                Deactivate(from);
                RaiseActiveSpeakersChanged();
            }
            return ForwardOutcome.NotAllowed;
        }
        if (rtp.Payload.Length > MaxPacketSize - MaxHeaderSize - SrtpOverhead)
        {
            return ForwardOutcome.TooLarge;
        }

        var now = _time.GetTimestamp();
        UpdateLevel(from, rtp.AudioLevel, now);
        if (from.ActivePosition < 0 && !TryActivate(from, now))
        {
            return ForwardOutcome.NotSelected;
        }

        forwardedCount = workers is not null && workers.ShardsFor(_peerCount) > 1
            ? workers.Run(this, from, rtp, now, _peerCount)
            : ForwardRange(from, rtp, sink, now, 0, _peerCount);
        return ForwardOutcome.Forwarded;
    }

    /// <summary>
    /// The copies for subscribers [<paramref name="start"/>, <paramref name="end"/>). Touches only
    /// those subscribers' slot state and <paramref name="sink"/>, so disjoint ranges may run on
    /// different threads while the router's owner waits for them (<see cref="FanoutWorkers"/>).
    /// </summary>
    internal int ForwardRange(RouterPeer from, in InboundRtp rtp, ForwardingSink sink, long now, int start, int end)
    {
        var forwarded = 0;
        var position = from.ActivePosition;
        var peers = _peers;
        for (var i = start; i < end; i++)
        {
            var subscriber = peers[i];
            if (ReferenceEquals(subscriber, from) || position >= subscriber.Slots.Length)
            {
                continue; // never forwarded to itself
            }
            ref var slot = ref subscriber.Slots[position];
            var marker = rtp.Marker;
            if (!ReferenceEquals(slot.Source, from))
            {
                SwitchSource(ref slot, from, rtp, now);
                marker = true; // RFC 3551 §4.1: first packet of a talkspurt
            }
            var sequenceNumber = (ushort)(rtp.SequenceNumber + slot.SequenceOffset);
            var timestamp = rtp.RtpTimestamp + slot.TimestampOffset;

            var buffer = sink.Reserve();
            var length = WritePacket(buffer, subscriber, slot.Ssrc, sequenceNumber, timestamp, marker, rtp.AudioLevel, rtp.Payload);

            // RFC 3550 A.1: only a newer sequence number moves the stream forward.
            if (!slot.HasSent || (short)(sequenceNumber - slot.LastSequenceNumber) > 0)
            {
                slot.LastSequenceNumber = sequenceNumber;
                slot.LastRtpTimestamp = timestamp;
                slot.LastSentTicks = now;
            }
            slot.HasSent = true;
            slot.PacketsSent++;
            slot.OctetsSent += (uint)rtp.Payload.Length;
            sink.Commit(subscriber, position, length);
            forwarded++;
        }
        return forwarded;
    }

    /// <summary>
    /// A new publisher enters the slot: the sequence number continues at +1, and the timestamp
    /// advances by the wall-clock time since the slot's last packet (at least one 20 ms frame),
    /// so the receiver's jitter buffer sees a pause, not a jump (RFC 7667 §3.7 switching SFU).
    /// </summary>
    private void SwitchSource(ref SlotState slot, RouterPeer from, in InboundRtp rtp, long now)
    {
        var nextSequence = (ushort)(slot.LastSequenceNumber + 1);
        long elapsedSamples = _options.ClockRate / 50;
        if (slot.HasSent)
        {
            var elapsed = (now - slot.LastSentTicks) * _options.ClockRate / _time.TimestampFrequency;
            elapsedSamples = Math.Max(elapsedSamples, elapsed);
        }
        var nextTimestamp = (uint)(slot.LastRtpTimestamp + elapsedSamples);
        slot.SequenceOffset = (ushort)(nextSequence - rtp.SequenceNumber);
        slot.TimestampOffset = nextTimestamp - rtp.RtpTimestamp;
        slot.Source = from;
        // The next packet is forced forward even if the source's numbering is "older".
        slot.LastSequenceNumber = (ushort)(nextSequence - 1);
        slot.HasSent = false;
    }

    private static int WritePacket(Span<byte> buffer, RouterPeer subscriber, uint ssrc, ushort sequenceNumber, uint timestamp, bool marker, int audioLevel, ReadOnlySpan<byte> payload)
    {
        // A fresh header: the publisher's own extensions (mid, transport-cc with its ids) mean
        // nothing to this listener; only the audio level goes along, under the listener's id.
        var extensionId = audioLevel >= 0 ? subscriber.AudioLevelExtensionId : 0;
        RtpWriter.TryWrite(buffer, subscriber.PayloadType, marker, sequenceNumber, timestamp, ssrc, extensionId, (byte)Math.Max(audioLevel, 0), false, payload, out var length);
        return length;
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
