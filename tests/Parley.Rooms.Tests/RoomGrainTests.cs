using Parley.Protocol.Rooms;

namespace Parley.Rooms.Tests;

/// <summary>RoomGrain in a real in-process Orleans cluster.</summary>
public sealed class RoomGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly RoomMember Alice = new("alice", "alice", "Alice");
    private static readonly RoomMember Bob = new("bob", "bob", "Bob");
    private static readonly RoomMember Carol = new("carol", "carol", "Carol");

    private async Task<(IRoomGrain Grain, RecordingObserver Observer, IRoomObserver Reference)> StartRoomAsync()
    {
        var grain = fixture.Client.GetGrain<IRoomGrain>(Guid.NewGuid().ToString("N"));
        await grain.InitializeAsync(new RoomSetup("Talk", "about things", ["a"], RoomVisibility.Open, Alice.UserId));
        var observer = new RecordingObserver();
        var reference = fixture.Client.CreateObjectReference<IRoomObserver>(observer);
        await grain.SubscribeAsync(reference);
        return (grain, observer, reference);
    }

    [Fact]
    public async Task EachEventAdvancesTheVersionByOneAndObserversReceiveEachOnceWithItsVersion()
    {
        var (room, observer, _) = await StartRoomAsync();

        var joined = await room.JoinAsync(Alice);
        await room.JoinAsync(Bob);
        await room.RaiseHandAsync(Bob.UserId);
        await room.InviteToSpeakAsync(Alice.UserId, Bob.UserId);
        var accepted = await room.AcceptSpeakInviteAsync(Bob.UserId);
        await observer.WaitForVersionAsync(5);

        Assert.Equal(1, joined.Snapshot!.Version);
        Assert.Equal(5, accepted.Version);
        Assert.Equal([1L, 2, 3, 4, 5], observer.Ordered.Select(e => e.Version));
        Assert.Equal(
            ["ParticipantJoined", "ParticipantJoined", "HandRaised", "SpeakInvited", "RoleChanged"],
            observer.Ordered.Select(e => e.Event.GetType().Name));
        var snapshot = await room.GetSnapshotAsync();
        Assert.Equal(ParticipantRole.Speaker, snapshot!.Participants.Single(p => p.UserId == Bob.UserId).Role);
    }

    [Fact]
    public async Task AListenerJoiningABigRoomGetsABoundedSnapshotAndEnvelopesCarryTheCountAndChangedFaces()
    {
        var (room, observer, _) = await StartRoomAsync();
        await room.JoinAsync(Alice);
        const int listeners = 40;
        JoinResult last = null!;
        for (var i = 1; i <= listeners; i++)
        {
            last = await room.JoinAsync(new RoomMember($"l{i:00}", $"l{i:00}", $"L{i:00}"));
        }
        await room.RaiseHandAsync("l30");
        await room.LeaveAsync("l02");
        var version = (await room.LeaveAsync("l39")).Version;
        await observer.WaitForVersionAsync(version);

        // The stage (alice), the first 24 faces and the caller: not all 41.
        Assert.Equal(26, last.Snapshot!.Participants.Count);
        Assert.Equal(listeners, last.Snapshot.AudienceCount);
        Assert.Contains(last.Snapshot.Participants, p => p.UserId == "l40");
        var envelopes = observer.Ordered;
        Assert.All(envelopes, e => Assert.NotNull(e.AudienceCount));
        Assert.Equal(listeners - 2, envelopes[^1].AudienceCount);
        // Faces ride only on envelopes where the first 24 changed: the first 24 joins and l02's leave.
        Assert.Equal(25, envelopes.Count(e => e.Faces is not null));
        var leftFace = envelopes.Single(e => e.Event is ParticipantLeft { UserId: "l02" });
        Assert.Equal("l25", leftFace.Faces![^1].UserId);
        Assert.DoesNotContain(leftFace.Faces, p => p.UserId == "l02");
        Assert.True(RoomEvent.IsAudienceChurn(envelopes[^1].Event));
        // Later: l02 left (l25 became a face) and l30's raised hand is listed beyond the faces.
        var view = await room.GetViewAsync("l40");
        Assert.Equal(["alice", .. Enumerable.Range(1, 25).Where(i => i != 2).Select(i => $"l{i:00}"), "l30", "l40"], view!.Participants.Select(p => p.UserId));
    }

    [Fact]
    public async Task TwoObserversSeeTheSameSequence()
    {
        var (room, first, _) = await StartRoomAsync();
        var second = new RecordingObserver();
        await room.SubscribeAsync(fixture.Client.CreateObjectReference<IRoomObserver>(second));

        await room.JoinAsync(Alice);
        await room.JoinAsync(Bob);
        await room.JoinAsync(Carol);
        await room.RaiseHandAsync(Carol.UserId);
        await room.SetHandRaisingEnabledAsync(Alice.UserId, false);
        await first.WaitForVersionAsync(6);
        await second.WaitForVersionAsync(6);

        // Envelopes carry lists (faces), which records compare by reference: compare the wire form.
        Assert.Equal(first.Ordered.Select(e => System.Text.Json.JsonSerializer.Serialize(e)), second.Ordered.Select(e => System.Text.Json.JsonSerializer.Serialize(e)));
    }

    [Fact]
    public async Task ARefusedActionChangesNothingAndSaysWhy()
    {
        var (room, _, _) = await StartRoomAsync();
        await room.JoinAsync(Alice);
        await room.JoinAsync(Bob);

        var refused = await room.EndAsync(Bob.UserId);

        Assert.Equal(RoomErrorCode.Forbidden, refused.Error);
        Assert.Equal(2, refused.Version);
        Assert.False((await room.GetSummaryAsync()).Ended);
    }

    [Fact]
    public async Task WhenTheLastModeratorLeavesTheLongestStandingSpeakerBecomesModerator()
    {
        var (room, observer, _) = await StartRoomAsync();
        await room.JoinAsync(Alice);
        foreach (var member in new[] { Bob, Carol })
        {
            await room.JoinAsync(member);
            await room.InviteToSpeakAsync(Alice.UserId, member.UserId);
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await room.AcceptSpeakInviteAsync(member.UserId);
        }

        var left = await room.LeaveAsync(Alice.UserId);
        await observer.WaitForVersionAsync(left.Version);

        var handOver = Assert.IsType<RoleChanged>(observer.Ordered[^1].Event);
        Assert.Equal(Bob.UserId, handOver.UserId);
        Assert.Equal(ParticipantRole.Moderator, handOver.Role);
        Assert.Equal([Bob.UserId], (await room.GetSummaryAsync()).ModeratorIds);
    }

    [Fact]
    public async Task TheRoomEndsWhenTheLastPersonLeavesAndTheHistoryHearsOfIt()
    {
        var (room, observer, _) = await StartRoomAsync();
        await room.JoinAsync(Alice);
        await room.JoinAsync(Bob);

        await room.LeaveAsync(Bob.UserId);
        var last = await room.LeaveAsync(Alice.UserId);
        await observer.WaitForVersionAsync(last.Version);

        Assert.IsType<RoomEnded>(observer.Ordered[^1].Event);
        Assert.True((await room.GetSummaryAsync()).Ended);
        Assert.True(fixture.History.Ended.ContainsKey(room.GetPrimaryKeyString()));
        Assert.Equal(RoomErrorCode.RoomEnded, (await room.JoinAsync(Carol)).Error);
    }

    [Fact]
    public async Task SomeoneRemovedCannotRejoin()
    {
        var (room, _, _) = await StartRoomAsync();
        await room.JoinAsync(Alice);
        await room.JoinAsync(Bob);

        await room.RemoveParticipantAsync(Alice.UserId, Bob.UserId);
        var rejoin = await room.JoinAsync(Bob);

        Assert.Equal(RoomErrorCode.Removed, rejoin.Error);
        Assert.Null(rejoin.Snapshot);
        Assert.DoesNotContain((await room.GetSnapshotAsync())!.Participants, p => p.UserId == Bob.UserId);
    }

    [Fact]
    public async Task ARoomNobodyJoinsEndsAfterTheEmptyRoomTimeout()
    {
        var (room, observer, _) = await StartRoomAsync();

        fixture.Time.Advance(TimeSpan.FromMinutes(6));
        await observer.WaitForAsync(received => received.Any(e => e.Event is RoomEnded), "the room to end on its own");

        Assert.True((await room.GetSummaryAsync()).Ended);
    }

    [Fact]
    public async Task AGrainNeverSetUpAnswersAsAMissingRoom()
    {
        var room = fixture.Client.GetGrain<IRoomGrain>("never-initialised");

        Assert.False((await room.GetSummaryAsync()).Exists);
        Assert.Equal(RoomErrorCode.NotFound, (await room.JoinAsync(Alice)).Error);
    }

    [Fact]
    public async Task TheSummaryCountsStageAndAudience()
    {
        var (room, _, _) = await StartRoomAsync();
        await room.JoinAsync(Alice);
        await room.JoinAsync(Bob);
        await room.JoinAsync(Carol);

        var summary = await room.GetSummaryAsync();

        Assert.Equal(1, summary.SpeakerCount);
        Assert.Equal(2, summary.ListenerCount);
        Assert.Equal([Alice.UserId], summary.StageUserIds);
        Assert.Equal(ParticipantRole.Moderator, Assert.Single(summary.Speakers).Role);
    }

    [Fact]
    public async Task AnUnsubscribedObserverHearsNothingMore()
    {
        var (room, observer, reference) = await StartRoomAsync();
        await room.JoinAsync(Alice);
        await observer.WaitForVersionAsync(1);

        await room.UnsubscribeAsync(reference);
        await room.JoinAsync(Bob);
        // A second, still-subscribed observer proves the event was published before we look.
        var witness = new RecordingObserver();
        await room.SubscribeAsync(fixture.Client.CreateObjectReference<IRoomObserver>(witness));
        await room.JoinAsync(Carol);
        await witness.WaitForVersionAsync(3, from: 3);

        Assert.Equal([1L], observer.Ordered.Select(e => e.Version));
    }
}
