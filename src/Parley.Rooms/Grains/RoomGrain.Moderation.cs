using Parley.Protocol.Rooms;
using Parley.Rooms.Stage;

namespace Parley.Rooms;

internal sealed partial class RoomGrain : IRoomModerationGrain
{
    public async Task<StageResult> BanAsync(string moderatorId, string targetId)
    {
        var result = await ApplyAsync(new BanParticipant(moderatorId, targetId));
        if (result.Succeeded)
        {
            _state!.Ban(targetId);
        }
        return result;
    }

    public Task UnbanAsync(string targetId)
    {
        _state?.Unban(targetId);
        return Task.CompletedTask;
    }

    public Task EnforceBanAsync(string targetId)
    {
        if (_state is null || _state.Ended)
        {
            return Task.CompletedTask;
        }
        if (_state.Find(targetId) is null)
        {
            _state.Ban(targetId);
            return Task.CompletedTask;
        }
        var now = _time.GetUtcNow();
        RoomEvent removed = new ParticipantRemoved(targetId);
        _state.Apply(removed, now);
        Publish(removed);
        if (_state.Count == 0)
        {
            _emptySince = now;
        }
        return Task.CompletedTask;
    }

    public Task<StageResult> HandOverAsync(string moderatorId, string targetId) => ApplyAsync(new HandOver(moderatorId, targetId));

    public Task<StageResult> AcceptNextHandAsync(string moderatorId) => ApplyAsync(new AcceptNextHand(moderatorId));

    public Task<StageResult> ClearHandsAsync(string moderatorId) => ApplyAsync(new ClearHands(moderatorId));

    public Task<StageResult> MuteAllSpeakersAsync(string moderatorId) => ApplyAsync(new MuteAllSpeakers(moderatorId));
}
