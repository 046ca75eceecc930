using Parley.Protocol.Rooms;
using Parley.Rooms.Stage;

namespace Parley.Rooms.Tests;

/// <summary>Issue 6 rules: bans, hand-over, the queue's shortcuts and mute all; refused cases first.</summary>
public sealed class ModerationRulesTests
{
    [Theory]
    [InlineData("aud")]
    [InlineData("spk")]
    public void OnlyAModeratorMayBanOrClearOrMuteAll(string actor)
    {
        var state = StageFixture.Room();
        var version = state.Version;

        Assert.Equal(RoomErrorCode.Forbidden, StageFixture.Act(state, new BanParticipant(actor, "aud2")).Error);
        Assert.Equal(RoomErrorCode.Forbidden, StageFixture.Act(state, new ClearHands(actor)).Error);
        Assert.Equal(RoomErrorCode.Forbidden, StageFixture.Act(state, new MuteAllSpeakers(actor)).Error);
        Assert.Equal(RoomErrorCode.Forbidden, StageFixture.Act(state, new AcceptNextHand(actor)).Error);
        Assert.Equal(RoomErrorCode.Forbidden, StageFixture.Act(state, new HandOver(actor, "mod")).Error);
        Assert.Equal(version, state.Version);
        Assert.NotNull(state.Find("aud2"));
    }

    [Fact]
    public void ABannedPersonPresentIsRemovedAndCannotRejoin()
    {
        var state = StageFixture.Room();

        var decision = StageFixture.Act(state, new BanParticipant("mod", "aud2"));
        state.Ban("aud2");

        Assert.IsType<ParticipantRemoved>(Assert.Single(decision.Events));
        Assert.Null(state.Find("aud2"));
        Assert.Equal(RoomErrorCode.Removed, StageFixture.Act(state, new JoinStage("aud2", "aud2", "AUD2")).Error);
    }

    [Fact]
    public void ABanOnSomeoneAbsentRefusesTheirJoinAndUnbanAdmitsThem()
    {
        var state = StageFixture.Room();
        var version = state.Version;

        Assert.Empty(StageFixture.Act(state, new BanParticipant("mod", "out")).Events);
        state.Ban("out");
        Assert.Equal(version, state.Version);
        Assert.Equal(RoomErrorCode.Removed, StageFixture.Act(state, new JoinStage("out", "out", "OUT")).Error);

        state.Unban("out");
        Assert.Null(StageFixture.Act(state, new JoinStage("out", "out", "OUT")).Error);
        Assert.Equal(ParticipantRole.Audience, state.Find("out")!.Role);
    }

    [Fact]
    public void AModeratorCannotBanThemselfOrTheCreator()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new MakeModerator("mod", "spk"));

        Assert.Equal(RoomErrorCode.InvalidState, StageFixture.Act(state, new BanParticipant("mod", "mod")).Error);
        Assert.Equal(RoomErrorCode.Forbidden, StageFixture.Act(state, new BanParticipant("spk", "mod")).Error);
    }

    [Fact]
    public void HandingOverMakesTheSpeakerModeratorAndTheModeratorASpeaker()
    {
        var state = StageFixture.Room();

        Assert.Equal(RoomErrorCode.InvalidState, StageFixture.Act(state, new HandOver("mod", "aud")).Error);
        Assert.Null(StageFixture.Act(state, new HandOver("mod", "spk")).Error);

        Assert.Equal(ParticipantRole.Moderator, state.Find("spk")!.Role);
        Assert.Equal(ParticipantRole.Speaker, state.Find("mod")!.Role);
    }

    [Fact]
    public void AcceptNextHandTakesTheLongestWaitingHand()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new RaiseHand("aud2"), StageFixture.Start.AddMinutes(1));
        StageFixture.Act(state, new RaiseHand("aud"), StageFixture.Start.AddMinutes(2));

        StageFixture.Act(state, new AcceptNextHand("mod"));   // "inv" raised first, in the fixture
        StageFixture.Act(state, new AcceptNextHand("mod"));

        Assert.Equal(ParticipantRole.Speaker, state.Find("inv")!.Role);
        Assert.Equal(ParticipantRole.Speaker, state.Find("aud2")!.Role);
        Assert.Equal(ParticipantRole.Audience, state.Find("aud")!.Role);
        StageFixture.Act(state, new AcceptNextHand("mod"));
        Assert.Equal(RoomErrorCode.InvalidState, StageFixture.Act(state, new AcceptNextHand("mod")).Error);
    }

    [Fact]
    public void ClearHandsLowersEveryHandAndMuteAllMutesEveryoneElseOnStage()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new RaiseHand("aud"));

        StageFixture.Act(state, new ClearHands("mod"));
        StageFixture.Act(state, new MuteAllSpeakers("mod"));

        Assert.All(state.Participants, p => Assert.Null(p.HandRaisedAt));
        Assert.True(state.Find("spk")!.Muted);
        Assert.False(state.Find("mod")!.Muted);
    }

    [Fact]
    public void CoModeratorsKeepTheRoomWhenTheCreatorLeaves()
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new AcceptSpeakInvite("inv"));
        StageFixture.Act(state, new MakeModerator("mod", "spk"));

        StageFixture.Act(state, new LeaveStage("mod"));

        Assert.Equal(ParticipantRole.Moderator, state.Find("spk")!.Role);
        Assert.Equal(ParticipantRole.Speaker, state.Find("inv")!.Role);
        Assert.False(state.Ended);
    }
}
