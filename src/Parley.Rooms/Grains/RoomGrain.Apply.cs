using Microsoft.Extensions.Logging;
using Parley.Protocol.Rooms;
using Parley.Rooms.Stage;

namespace Parley.Rooms;

internal sealed partial class RoomGrain
{
    private async Task<StageResult> ApplyAsync(StageCommand command)
    {
        if (_state is null)
        {
            return new StageResult(RoomErrorCode.NotFound, "no such room", 0);
        }
        var now = _time.GetUtcNow();
        var decision = StageRules.Decide(_state, command, now);
        if (decision.IsRefused)
        {
            return new StageResult(decision.Error, decision.Message, _state.Version);
        }
        foreach (var roomEvent in decision.Events)
        {
            _state.Apply(roomEvent, now);
            Publish(roomEvent);
        }
        if (_state.Count == 0)
        {
            _emptySince = now;
        }
        if (_state.Ended && decision.Events.Count > 0 && decision.Events[^1] is RoomEnded)
        {
            await OnEndedAsync(now);
        }
        return new StageResult(null, null, _state.Version);
    }

    /// <summary>
    /// Publishes an event just applied, with the audience count after it and, when the first
    /// faces changed since the last envelope that carried them, the new faces: the node relays
    /// fold audience churn and need both to stand for the events they fold.
    /// </summary>
    private void Publish(RoomEvent roomEvent)
    {
        var state = _state!;
        var faces = state.Faces(_options.AudienceFaces);
        IReadOnlyList<Participant>? changed = null;
        if (!SameFaces(faces))
        {
            _publishedFaces = [.. faces.Select(p => p.UserId)];
            changed = faces;
        }
        _observers.Publish(new RoomEventEnvelope(RoomId, state.Version, roomEvent, AudienceCount: state.AudienceCount, Faces: changed));
    }

    private bool SameFaces(List<Participant> faces)
    {
        if (faces.Count != _publishedFaces.Length)
        {
            return false;
        }
        for (var i = 0; i < faces.Count; i++)
        {
            if (faces[i].UserId != _publishedFaces[i])
            {
                return false;
            }
        }
        return true;
    }

    private async Task OnEndedAsync(DateTimeOffset now)
    {
        _housekeeping?.Dispose();
        _housekeeping = null;
        try
        {
            await _history.RoomEndedAsync(RoomId, now, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The hallway reconciles a record that still says live with the grain's summary.
            LogHistoryFailed(_logger, exception, RoomId);
        }
    }

    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        _observers.RemoveExpired();
        if (_state is { Ended: false, Count: 0 } && _time.GetUtcNow() - _emptySince >= _options.EmptyRoomTimeout)
        {
            var now = _time.GetUtcNow();
            RoomEvent ended = new RoomEnded();
            _state.Apply(ended, now);
            Publish(ended);
            await OnEndedAsync(now);
        }
    }

    private static RoomSummary Summarise(RoomState state)
    {
        var stage = new List<Participant>();
        var moderators = new List<string>();
        foreach (var participant in state.Notable)
        {
            if (participant.Role == ParticipantRole.Audience)
            {
                continue;
            }
            stage.Add(participant);
            if (participant.Role == ParticipantRole.Moderator)
            {
                moderators.Add(participant.UserId);
            }
        }
        // Join order, as the full walk of the participants gave before (the stage is few people).
        stage.Sort((a, b) => state.JoinOrder(a.UserId).CompareTo(state.JoinOrder(b.UserId)));
        var listeners = state.AudienceCount;
        var speakers = stage
            .OrderBy(p => p.Role == ParticipantRole.Moderator ? 0 : 1)
            .ThenBy(p => p.SpeakerSince)
            .Take(6)
            .Select(p => new RoomSpeaker(p.UserId, p.UserName, p.DisplayName, p.Role))
            .ToArray();
        return new RoomSummary(
            Exists: true,
            state.Ended,
            state.Version,
            stage.Count,
            listeners,
            speakers,
            [.. stage.Select(p => p.UserId)],
            [.. moderators]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the end of room {RoomId}")]
    private static partial void LogHistoryFailed(ILogger logger, Exception exception, string roomId);
}
