using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Parley.Protocol.Rooms;
using Parley.Rooms.Stage;

namespace Parley.Rooms;

/// <summary>
/// The live room. State is in memory only: a room lives for one session of talk, and its
/// persistent record (metadata, end time, who was in it) is the server's, in the database.
/// A grain that lost its state (silo restart) answers as a room that does not exist, and the
/// server then marks the record ended.
/// </summary>
internal sealed partial class RoomGrain : Grain, IRoomGrain
{
    private readonly TimeProvider _time;
    private readonly RoomOptions _options;
    private readonly IRoomHistory _history;
    private readonly ILogger<RoomGrain> _logger;
    private readonly RoomObserverSet _observers;
    private RoomState? _state;
    private DateTimeOffset _emptySince;
    private IGrainTimer? _housekeeping;
    private string[] _publishedFaces = [];

    public RoomGrain(TimeProvider time, IOptions<RoomOptions> options, IRoomHistory history, ILogger<RoomGrain> logger)
    {
        _time = time;
        _options = options.Value;
        _history = history;
        _logger = logger;
        _observers = new RoomObserverSet(time, _options.ObserverExpiry, logger);
    }

    private string RoomId => this.GetPrimaryKeyString();

    public Task InitializeAsync(RoomSetup setup)
    {
        if (_state is null)
        {
            _state = new RoomState(RoomId, setup);
            _emptySince = _time.GetUtcNow();
            // KeepAlive: an idle live room (nobody acting) must not be collected with its state.
            _housekeeping = this.RegisterGrainTimer(
                HousekeepAsync,
                new GrainTimerCreationOptions(_options.HousekeepingPeriod, _options.HousekeepingPeriod) { KeepAlive = true });
        }
        return Task.CompletedTask;
    }

    public Task<RoomSummary> GetSummaryAsync() => Task.FromResult(_state is null ? RoomSummary.Missing : Summarise(_state));

    public Task<RoomSnapshot?> GetSnapshotAsync() => Task.FromResult(_state?.ToSnapshot());

    public Task<RoomSnapshot?> GetViewAsync(string userId) => Task.FromResult(_state?.ToSnapshot(userId, _options.AudienceFaces));

    public async Task<JoinResult> JoinAsync(RoomMember member)
    {
        if (_state is null)
        {
            return new JoinResult(RoomErrorCode.NotFound, "no such room", null);
        }
        var result = await ApplyAsync(new JoinStage(member.UserId, member.UserName, member.DisplayName));
        return result.Succeeded
            ? new JoinResult(null, null, _state.ToSnapshot(member.UserId, _options.AudienceFaces))
            : new JoinResult(result.Error, result.Message, null);
    }

    public Task<StageResult> LeaveAsync(string userId) => ApplyAsync(new LeaveStage(userId));

    public Task<StageResult> RaiseHandAsync(string userId) => ApplyAsync(new RaiseHand(userId));

    public Task<StageResult> LowerHandAsync(string userId) => ApplyAsync(new LowerHand(userId));

    public Task<StageResult> InviteToSpeakAsync(string moderatorId, string targetId) => ApplyAsync(new InviteToSpeak(moderatorId, targetId));

    public Task<StageResult> AcceptSpeakInviteAsync(string userId) => ApplyAsync(new AcceptSpeakInvite(userId));

    public Task<StageResult> DeclineSpeakInviteAsync(string userId) => ApplyAsync(new DeclineSpeakInvite(userId));

    public Task<StageResult> MoveToAudienceAsync(string moderatorId, string targetId) => ApplyAsync(new MoveToAudience(moderatorId, targetId));

    public Task<StageResult> StepDownAsync(string userId) => ApplyAsync(new StepDown(userId));

    public Task<StageResult> MuteSpeakerAsync(string moderatorId, string targetId) => ApplyAsync(new MuteSpeaker(moderatorId, targetId));

    public Task<StageResult> SetSelfMutedAsync(string userId, bool muted) => ApplyAsync(new SetSelfMuted(userId, muted));

    public Task<StageResult> MakeModeratorAsync(string moderatorId, string targetId) => ApplyAsync(new MakeModerator(moderatorId, targetId));

    public Task<StageResult> RemoveParticipantAsync(string moderatorId, string targetId) => ApplyAsync(new RemoveParticipant(moderatorId, targetId));

    public Task<StageResult> SetHandRaisingEnabledAsync(string moderatorId, bool enabled) => ApplyAsync(new SetHandRaisingEnabled(moderatorId, enabled));

    public Task<StageResult> EndAsync(string moderatorId) => ApplyAsync(new EndRoom(moderatorId));

    public Task<long> SubscribeAsync(IRoomObserver observer)
    {
        _observers.Subscribe(observer);
        return Task.FromResult(_state?.Version ?? 0);
    }

    public Task UnsubscribeAsync(IRoomObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
