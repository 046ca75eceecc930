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
            _observers.Publish(new RoomEventEnvelope(RoomId, _state.Version, roomEvent));
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
            _observers.Publish(new RoomEventEnvelope(RoomId, _state.Version, ended));
            await OnEndedAsync(now);
        }
    }

    private static RoomSummary Summarise(RoomState state)
    {
        var stage = new List<Participant>();
        var moderators = new List<string>();
        var listeners = 0;
        foreach (var participant in state.Participants)
        {
            if (participant.Role == ParticipantRole.Audience)
            {
                listeners++;
                continue;
            }
            stage.Add(participant);
            if (participant.Role == ParticipantRole.Moderator)
            {
                moderators.Add(participant.UserId);
            }
        }
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
