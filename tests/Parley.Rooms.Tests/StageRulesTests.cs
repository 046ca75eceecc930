using Parley.Protocol.Rooms;
using Parley.Rooms.Stage;

namespace Parley.Rooms.Tests;

/// <summary>The particular rules behind the table: targets, hand-overs, the queue, the end.</summary>
public sealed class StageRulesTests
{
    [Fact]
    public void TheCreatorJoinsAnEmptyRoomAsItsModerator()
    {
        var state = new RoomState("r", StageFixture.Setup(creator: "alice"));

        StageFixture.Act(state, new JoinStage("alice", "alice", "Alice"));
        StageFixture.Act(state, new JoinStage("bob", "bob", "Bob"));

        Assert.Equal(ParticipantRole.Moderator, state.Find("alice")!.Role);
        Assert.NotNull(state.Find("alice")!.SpeakerSince);
        Assert.Equal(ParticipantRole.Audience, state.Find("bob")!.Role);
        Assert.Equal(2, state.Version);
    }

    [Fact]
    public void ACreatorMovedToTheAudienceRejoinsAsAudience()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new MakeModerator("mod", "spk"));
        StageFixture.Act(state, new MoveToAudience("spk", "mod"));
        StageFixture.Act(state, new LeaveStage("mod"));

        StageFixture.Act(state, new JoinStage("mod", "mod", "MOD"));

        Assert.Equal(ParticipantRole.Audience, state.Find("mod")!.Role);
    }

    [Fact]
    public void JoiningAgainKeepsTheRole()
    {
        var state = StageFixture.Room();

        var decision = StageFixture.Act(state, new JoinStage("spk", "spk", "SPK"));

        Assert.Empty(decision.Events);
        Assert.Equal(ParticipantRole.Speaker, state.Find("spk")!.Role);
    }

    [Fact]
    public void TheHandQueueIsFirstComeFirstServedWithTheTimeEachHandWentUp()
    {
        var state = StageFixture.Room();
        var early = StageFixture.Start.AddMinutes(20);
        StageFixture.Act(state, new RaiseHand("aud2"), early.AddSeconds(5));
        StageFixture.Act(state, new RaiseHand("aud"), early);

        var queue = state.Participants.Where(p => p.HandRaisedAt is not null).OrderBy(p => p.HandRaisedAt).Select(p => p.UserId);

        Assert.Equal(["inv", "aud", "aud2"], queue);
        Assert.Equal(early, state.Find("aud")!.HandRaisedAt);
    }

    [Fact]
    public void AcceptingAnInvitationPutsTheListenerOnStageAndClearsHandAndInvitation()
    {
        var state = StageFixture.Room();
        var at = StageFixture.Start.AddMinutes(30);

        StageFixture.Act(state, new AcceptSpeakInvite("inv"), at);

        var inv = state.Find("inv")!;
        Assert.Equal(ParticipantRole.Speaker, inv.Role);
        Assert.Null(inv.HandRaisedAt);
        Assert.False(inv.InvitedToSpeak);
        Assert.Equal(at, inv.SpeakerSince);
    }

    [Fact]
    public void DecliningClearsTheInvitationButNotTheHand()
    {
        var state = StageFixture.Room();

        StageFixture.Act(state, new DeclineSpeakInvite("inv"));

        Assert.False(state.Find("inv")!.InvitedToSpeak);
        Assert.NotNull(state.Find("inv")!.HandRaisedAt);
        Assert.Equal(ParticipantRole.Audience, state.Find("inv")!.Role);
    }

    [Fact]
    public void InvitingSomeoneOnStageOrAbsentIsRefused()
    {
        var state = StageFixture.Room();

        Assert.Equal(RoomErrorCode.InvalidState, StageFixture.Act(state, new InviteToSpeak("mod", "spk")).Error);
        Assert.Equal(RoomErrorCode.NotInRoom, StageFixture.Act(state, new InviteToSpeak("mod", "out")).Error);
    }

    [Fact]
    public void AModeratorCannotMoveThemselfOrSomeoneInTheAudience()
    {
        var state = StageFixture.Room();

        Assert.Equal(RoomErrorCode.InvalidState, StageFixture.Act(state, new MoveToAudience("mod", "mod")).Error);
        Assert.Equal(RoomErrorCode.InvalidState, StageFixture.Act(state, new MoveToAudience("mod", "aud")).Error);
    }

    [Fact]
    public void MovingToTheAudienceClearsTheMute()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new MuteSpeaker("mod", "spk"));
        Assert.True(state.Find("spk")!.Muted);

        StageFixture.Act(state, new MoveToAudience("mod", "spk"));

        Assert.False(state.Find("spk")!.Muted);
        Assert.Null(state.Find("spk")!.SpeakerSince);
    }

    [Fact]
    public void AMutedSpeakerMayUnmuteThemself()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new MuteSpeaker("mod", "spk"));

        var decision = StageFixture.Act(state, new SetSelfMuted("spk", false));

        Assert.Null(decision.Error);
        Assert.False(state.Find("spk")!.Muted);
    }

    [Fact]
    public void OnlySpeakersCanBeMadeModeratorsAndNobodyTwice()
    {
        var state = StageFixture.Room();

        Assert.Equal(RoomErrorCode.InvalidState, StageFixture.Act(state, new MakeModerator("mod", "aud")).Error);
        Assert.Null(StageFixture.Act(state, new MakeModerator("mod", "spk")).Error);
        Assert.Equal(RoomErrorCode.InvalidState, StageFixture.Act(state, new MakeModerator("mod", "spk")).Error);
    }

    [Fact]
    public void AModeratorCannotRemoveThemselfOrSomeoneAbsent()
    {
        var state = StageFixture.Room();

        Assert.Equal(RoomErrorCode.InvalidState, StageFixture.Act(state, new RemoveParticipant("mod", "mod")).Error);
        Assert.Equal(RoomErrorCode.NotInRoom, StageFixture.Act(state, new RemoveParticipant("mod", "out")).Error);
    }

    [Fact]
    public void SomeoneRemovedCannotRejoin()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new RemoveParticipant("mod", "aud"));

        var decision = StageFixture.Act(state, new JoinStage("aud", "aud", "AUD"));

        Assert.Equal(RoomErrorCode.Removed, decision.Error);
        Assert.Null(state.Find("aud"));
    }

    [Fact]
    public void WithHandRaisingOffHandsGoDownAndNoneGoUp()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new SetHandRaisingEnabled("mod", false));

        Assert.Null(state.Find("inv")!.HandRaisedAt);
        Assert.Equal(RoomErrorCode.HandRaisingDisabled, StageFixture.Act(state, new RaiseHand("aud")).Error);

        StageFixture.Act(state, new SetHandRaisingEnabled("mod", true));
        Assert.Null(StageFixture.Act(state, new RaiseHand("aud")).Error);
    }

    [Fact]
    public void WhenTheLastModeratorLeavesTheLongestStandingSpeakerTakesOver()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new AcceptSpeakInvite("inv"), StageFixture.Start.AddHours(1));

        var decision = StageFixture.Act(state, new LeaveStage("mod"));

        var handOver = Assert.IsType<RoleChanged>(decision.Events[1]);
        Assert.Equal("spk", handOver.UserId);
        Assert.Equal(ParticipantRole.Moderator, handOver.Role);
        Assert.Equal(ParticipantRole.Moderator, state.Find("spk")!.Role);
        Assert.Equal(ParticipantRole.Speaker, state.Find("inv")!.Role);
    }

    [Fact]
    public void AModeratorLeavingBesideAnotherModeratorHandsNothingOver()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new MakeModerator("mod", "spk"));

        var decision = StageFixture.Act(state, new LeaveStage("mod"));

        Assert.Single(decision.Events);
    }

    [Fact]
    public void TheLastModeratorAloneOnStageCannotStepDown()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new MoveToAudience("mod", "spk"));

        Assert.Equal(RoomErrorCode.InvalidState, StageFixture.Act(state, new StepDown("mod")).Error);
    }

    [Fact]
    public void TheRoomEndsWhenTheLastPersonLeaves()
    {
        var state = new RoomState("r", StageFixture.Setup(creator: "alice"));
        StageFixture.Act(state, new JoinStage("alice", "alice", "Alice"));

        var decision = StageFixture.Act(state, new LeaveStage("alice"));

        Assert.Equal(["ParticipantLeft", "RoomEnded"], decision.Events.Select(e => e.GetType().Name));
        Assert.True(state.Ended);
    }

    [Fact]
    public void TheSnapshotCarriesTheVersionAndEveryoneInJoinOrder()
    {
        var state = StageFixture.Room();

        var snapshot = state.ToSnapshot();

        Assert.Equal(state.Version, snapshot.Version);
        Assert.Equal(["mod", "spk", "aud", "inv", "aud2"], snapshot.Participants.Select(p => p.UserId));
        Assert.True(snapshot.HandRaisingEnabled);
        Assert.False(snapshot.Ended);
    }
}
