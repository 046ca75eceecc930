using Parley.Protocol.Rooms;
using Parley.Rooms.Stage;

namespace Parley.Rooms.Tests;

/// <summary>
/// The audience in the pure domain: bounded snapshots, the audience count, which events are
/// churn, and stage events that carry the participant a client may not hold (DESIGN.md §2).
/// </summary>
public sealed class AudienceTests
{
    private const int Faces = 24;

    /// <summary>"mod" and "spk" on stage, then listeners "l01".."l{count}" in join order.</summary>
    private static RoomState Crowd(int count)
    {
        var state = new RoomState("room1", StageFixture.Setup());
        var t = StageFixture.Start;
        state.Apply(new ParticipantJoined(StageFixture.Joined("mod", ParticipantRole.Moderator, t)), t);
        state.Apply(new ParticipantJoined(StageFixture.Joined("spk", ParticipantRole.Speaker, t)), t);
        for (var i = 1; i <= count; i++)
        {
            t = t.AddSeconds(1);
            StageFixture.Act(state, new JoinStage(Listener(i), Listener(i), Listener(i)), t);
        }
        return state;
    }

    private static string Listener(int i) => $"l{i:00}";

    [Fact]
    public void TheSnapshotShowsTheStageTheHandsTheInvitedTheViewerAndTheFirstFacesInJoinOrder()
    {
        var state = Crowd(60);
        StageFixture.Act(state, new RaiseHand("l40"));
        StageFixture.Act(state, new InviteToSpeak("mod", "l45"));

        var snapshot = state.ToSnapshot("l50", Faces);

        string[] expected = ["mod", "spk", .. Enumerable.Range(1, Faces).Select(Listener), "l40", "l45", "l50"];
        Assert.Equal(expected, snapshot.Participants.Select(p => p.UserId));
        Assert.Equal(60, snapshot.AudienceCount);
        Assert.Equal(state.Version, snapshot.Version);
        Assert.Equal(62, state.ToSnapshot().Participants.Count);
    }

    [Fact]
    public void TheSnapshotSizeDoesNotGrowWithTheAudience()
    {
        var small = Crowd(30).ToSnapshot("l30", Faces);
        var large = Crowd(600).ToSnapshot("l600", Faces);

        Assert.Equal(small.Participants.Count, large.Participants.Count);
        Assert.Equal(600, large.AudienceCount);
    }

    [Fact]
    public void TheAudienceCountFollowsJoinsLeavesRemovalsAndRoleChanges()
    {
        var state = Crowd(5);
        Assert.Equal(5, state.AudienceCount);

        StageFixture.Act(state, new LeaveStage("l01"));
        Assert.Equal(4, state.AudienceCount);
        StageFixture.Act(state, new InviteToSpeak("mod", "l02"));
        StageFixture.Act(state, new AcceptSpeakInvite("l02"));
        Assert.Equal(3, state.AudienceCount);
        StageFixture.Act(state, new StepDown("spk"));
        Assert.Equal(4, state.AudienceCount);
        StageFixture.Act(state, new RemoveParticipant("mod", "l03"));
        Assert.Equal(3, state.AudienceCount);
        StageFixture.Act(state, new LeaveStage("l02"));
        Assert.Equal(3, state.AudienceCount);
        Assert.Equal(state.Participants.Count(p => p.Role == ParticipantRole.Audience), state.AudienceCount);
    }

    [Fact]
    public void OnlyAPlainListenerEnteringOrLeavingIsAudienceChurn()
    {
        var state = Crowd(3);
        StageFixture.Act(state, new RaiseHand("l02"));
        StageFixture.Act(state, new InviteToSpeak("mod", "l03"));

        var quiet = StageFixture.Act(state, new LeaveStage("l01")).Events.Single();
        var hand = StageFixture.Act(state, new LeaveStage("l02")).Events.Single();
        var invited = StageFixture.Act(state, new LeaveStage("l03")).Events.Single();
        var speaker = StageFixture.Act(state, new LeaveStage("spk")).Events.Single();
        var joined = StageFixture.Act(state, new JoinStage("l04", "l04", "L04")).Events.Single();

        Assert.True(RoomEvent.IsAudienceChurn(quiet));
        Assert.False(RoomEvent.IsAudienceChurn(hand));
        Assert.False(RoomEvent.IsAudienceChurn(invited));
        Assert.False(RoomEvent.IsAudienceChurn(speaker));
        Assert.True(RoomEvent.IsAudienceChurn(joined));
        Assert.False(RoomEvent.IsAudienceChurn(new HandRaisingChanged(false)));
    }

    [Fact]
    public void TheCreatorEnteringAsModeratorIsAStageChangeNotChurn()
    {
        var state = new RoomState("room1", StageFixture.Setup());

        var joined = StageFixture.Act(state, new JoinStage("mod", "mod", "MOD")).Events.Single();

        Assert.False(RoomEvent.IsAudienceChurn(joined));
        Assert.Equal(0, state.AudienceCount);
    }

    [Fact]
    public void StageEventsAboutAListenerCarryThemForClientsThatDoNotHoldThem()
    {
        var state = Crowd(40);
        var before = state.Find("l35")!;

        var raised = Assert.IsType<HandRaised>(StageFixture.Act(state, new RaiseHand("l35")).Events.Single());
        var afterHand = state.Find("l35")!;
        var invited = Assert.IsType<SpeakInvited>(StageFixture.Act(state, new InviteToSpeak("mod", "l36")).Events.Single());
        var accepted = Assert.IsType<RoleChanged>(StageFixture.Act(state, new AcceptNextHand("mod")).Events.Single());
        var onStage = state.Find("l35")!;
        var demoted = Assert.IsType<RoleChanged>(StageFixture.Act(state, new MoveToAudience("mod", "l35")).Events.Single());

        Assert.Equal(before, raised.Participant);
        Assert.Equal("l36", invited.Participant!.UserId);
        Assert.Equal(afterHand, accepted.Participant);
        Assert.Equal(onStage, demoted.Participant);
    }

    [Fact]
    public void TheFacesAreTheFirstListenersInJoinOrderAndAFaceLeavingMakesRoomForTheNext()
    {
        var state = Crowd(30);
        Assert.Equal(Enumerable.Range(1, Faces).Select(Listener), state.Faces(Faces).Select(p => p.UserId));

        StageFixture.Act(state, new LeaveStage("l03"));
        StageFixture.Act(state, new RaiseHand("l05"));

        string[] expected = [.. Enumerable.Range(1, Faces + 1).Where(i => i != 3).Select(Listener)];
        Assert.Equal(expected, state.Faces(Faces).Select(p => p.UserId));
        Assert.Empty(state.Faces(0));
    }
}
