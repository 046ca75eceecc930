using Parley.Protocol.Rooms;

namespace Parley.Server.Hubs;

internal sealed partial class RoomEventRelay
{
    // Touched by the send loop only (single reader), so no lock.
    private readonly Dictionary<string, ChurnBatch> _churn = new(StringComparer.Ordinal);

    /// <summary>
    /// Folds one churn envelope into the room's pending batch; starts a batch (and its flush
    /// timer) when none is pending. Returns false when it cannot fold because the versions are not
    /// contiguous (the ordered feed passed over a gap): the caller flushes and sends it as is, so
    /// clients still see the gap and resync.
    /// </summary>
    private bool Fold(RoomEventEnvelope envelope)
    {
        if (_churn.TryGetValue(envelope.RoomId, out var batch))
        {
            if (envelope.Version != batch.To + 1)
            {
                return false;
            }
            batch.Add(envelope);
            return true;
        }
        batch = new ChurnBatch(envelope);
        _churn[envelope.RoomId] = batch;
        batch.Timer = time.CreateTimer(
            static state =>
            {
                var (relay, due) = ((RoomEventRelay, ChurnBatch))state!;
                relay._outbox.Writer.TryWrite(new Outgoing(null, due));
            },
            (this, batch),
            options.Value.AudienceChurnPeriod,
            Timeout.InfiniteTimeSpan);
        return true;
    }

    /// <summary>The period of a batch ended: sends it unless a stage change already did.</summary>
    private Task FlushIfDueAsync(ChurnBatch due) =>
        _churn.TryGetValue(due.RoomId, out var batch) && ReferenceEquals(batch, due) ? FlushAsync(due.RoomId) : Task.CompletedTask;

    /// <summary>Sends the room's pending churn as one AudienceChanged envelope, if any is pending.</summary>
    private async Task FlushAsync(string roomId)
    {
        if (!_churn.Remove(roomId, out var batch))
        {
            return;
        }
        batch.Timer?.Dispose();
        metrics.Folded(batch.Joined + batch.Left);
        await SendAsync(batch.ToEnvelope(), coalesced: true);
    }

    /// <summary>After the send loop ended: nothing will flush what is pending.</summary>
    private void DisposeChurnTimers()
    {
        foreach (var batch in _churn.Values)
        {
            batch.Timer?.Dispose();
        }
        _churn.Clear();
    }

    /// <summary>One room's audience churn since its last envelope: a contiguous version range.</summary>
    private sealed class ChurnBatch
    {
        public ChurnBatch(RoomEventEnvelope first)
        {
            RoomId = first.RoomId;
            From = first.Version;
            Add(first);
        }

        public string RoomId { get; }

        public long From { get; }

        public long To { get; private set; }

        public int Joined { get; private set; }

        public int Left { get; private set; }

        public ITimer? Timer { get; set; }

        private int? AudienceCount { get; set; }

        private IReadOnlyList<Participant>? Faces { get; set; }

        public void Add(RoomEventEnvelope envelope)
        {
            To = envelope.Version;
            if (envelope.Event is ParticipantJoined)
            {
                Joined++;
            }
            else
            {
                Left++;
            }
            AudienceCount = envelope.AudienceCount ?? AudienceCount;
            // The grain attaches faces only when they changed: the latest ones are the faces at To.
            Faces = envelope.Faces ?? Faces;
        }

        public RoomEventEnvelope ToEnvelope() =>
            new(RoomId, To, new AudienceChanged(Joined, Left), FromVersion: From, AudienceCount: AudienceCount, Faces: Faces);
    }

    /// <summary>What the send loop takes: an envelope in version order, or a batch whose period ended.</summary>
    private readonly record struct Outgoing(RoomEventEnvelope? Envelope, ChurnBatch? Flush);
}
