using Parley.Protocol.Rooms;
using Parley.Rooms.Stage;

namespace Parley.Rooms.Tests;

/// <summary>Every action by every kind of person, allowed or refused, with the events it produces.</summary>
public sealed class StageRulesTableTests
{
    private static readonly Dictionary<string, Func<string, StageCommand>> Actions = new()
    {
        ["Join"] = actor => new JoinStage(actor, actor, actor),
        ["Leave"] = actor => new LeaveStage(actor),
        ["RaiseHand"] = actor => new RaiseHand(actor),
        ["LowerHand"] = actor => new LowerHand(actor),
        ["InviteToSpeak(aud2)"] = actor => new InviteToSpeak(actor, "aud2"),
        ["AcceptSpeakInvite"] = actor => new AcceptSpeakInvite(actor),
        ["DeclineSpeakInvite"] = actor => new DeclineSpeakInvite(actor),
        ["MoveToAudience(spk)"] = actor => new MoveToAudience(actor, "spk"),
        ["StepDown"] = actor => new StepDown(actor),
        ["MuteSpeaker(spk)"] = actor => new MuteSpeaker(actor, "spk"),
        ["SetSelfMuted(true)"] = actor => new SetSelfMuted(actor, true),
        ["MakeModerator(spk)"] = actor => new MakeModerator(actor, "spk"),
        ["RemoveParticipant(aud2)"] = actor => new RemoveParticipant(actor, "aud2"),
        ["SetHandRaisingEnabled(false)"] = actor => new SetHandRaisingEnabled(actor, false),
        ["EndRoom"] = actor => new EndRoom(actor),
    };

    // actor, action, expected refusal (null = allowed), the events an allowed action produces.
    public static TheoryData<string, string, RoomErrorCode?, string> Table => new()
    {
        { "mod", "Join", null, "" },
        { "spk", "Join", null, "" },
        { "aud", "Join", null, "" },
        { "inv", "Join", null, "" },
        { "out", "Join", null, "ParticipantJoined" },
        { "gone", "Join", RoomErrorCode.Removed, "" },

        { "mod", "Leave", null, "ParticipantLeft,RoleChanged" },
        { "spk", "Leave", null, "ParticipantLeft" },
        { "aud", "Leave", null, "ParticipantLeft" },
        { "inv", "Leave", null, "ParticipantLeft" },

        { "mod", "RaiseHand", RoomErrorCode.InvalidState, "" },
        { "spk", "RaiseHand", RoomErrorCode.InvalidState, "" },
        { "aud", "RaiseHand", null, "HandRaised" },
        { "inv", "RaiseHand", null, "" },

        { "mod", "LowerHand", RoomErrorCode.InvalidState, "" },
        { "spk", "LowerHand", RoomErrorCode.InvalidState, "" },
        { "aud", "LowerHand", null, "" },
        { "inv", "LowerHand", null, "HandLowered" },

        { "mod", "InviteToSpeak(aud2)", null, "SpeakInvited" },
        { "spk", "InviteToSpeak(aud2)", RoomErrorCode.Forbidden, "" },
        { "aud", "InviteToSpeak(aud2)", RoomErrorCode.Forbidden, "" },
        { "inv", "InviteToSpeak(aud2)", RoomErrorCode.Forbidden, "" },

        { "mod", "AcceptSpeakInvite", RoomErrorCode.InvalidState, "" },
        { "spk", "AcceptSpeakInvite", RoomErrorCode.InvalidState, "" },
        { "aud", "AcceptSpeakInvite", RoomErrorCode.InvalidState, "" },
        { "inv", "AcceptSpeakInvite", null, "RoleChanged" },

        { "mod", "DeclineSpeakInvite", RoomErrorCode.InvalidState, "" },
        { "spk", "DeclineSpeakInvite", RoomErrorCode.InvalidState, "" },
        { "aud", "DeclineSpeakInvite", RoomErrorCode.InvalidState, "" },
        { "inv", "DeclineSpeakInvite", null, "SpeakInviteDeclined" },

        { "mod", "MoveToAudience(spk)", null, "RoleChanged" },
        { "spk", "MoveToAudience(spk)", RoomErrorCode.Forbidden, "" },
        { "aud", "MoveToAudience(spk)", RoomErrorCode.Forbidden, "" },
        { "inv", "MoveToAudience(spk)", RoomErrorCode.Forbidden, "" },

        { "mod", "StepDown", null, "RoleChanged,RoleChanged" },
        { "spk", "StepDown", null, "RoleChanged" },
        { "aud", "StepDown", RoomErrorCode.InvalidState, "" },
        { "inv", "StepDown", RoomErrorCode.InvalidState, "" },

        { "mod", "MuteSpeaker(spk)", null, "MuteChanged" },
        { "spk", "MuteSpeaker(spk)", RoomErrorCode.Forbidden, "" },
        { "aud", "MuteSpeaker(spk)", RoomErrorCode.Forbidden, "" },
        { "inv", "MuteSpeaker(spk)", RoomErrorCode.Forbidden, "" },

        { "mod", "SetSelfMuted(true)", null, "MuteChanged" },
        { "spk", "SetSelfMuted(true)", null, "MuteChanged" },
        { "aud", "SetSelfMuted(true)", RoomErrorCode.InvalidState, "" },
        { "inv", "SetSelfMuted(true)", RoomErrorCode.InvalidState, "" },

        { "mod", "MakeModerator(spk)", null, "RoleChanged" },
        { "spk", "MakeModerator(spk)", RoomErrorCode.Forbidden, "" },
        { "aud", "MakeModerator(spk)", RoomErrorCode.Forbidden, "" },
        { "inv", "MakeModerator(spk)", RoomErrorCode.Forbidden, "" },

        { "mod", "RemoveParticipant(aud2)", null, "ParticipantRemoved" },
        { "spk", "RemoveParticipant(aud2)", RoomErrorCode.Forbidden, "" },
        { "aud", "RemoveParticipant(aud2)", RoomErrorCode.Forbidden, "" },
        { "inv", "RemoveParticipant(aud2)", RoomErrorCode.Forbidden, "" },

        { "mod", "SetHandRaisingEnabled(false)", null, "HandRaisingChanged,HandLowered" },
        { "spk", "SetHandRaisingEnabled(false)", RoomErrorCode.Forbidden, "" },
        { "aud", "SetHandRaisingEnabled(false)", RoomErrorCode.Forbidden, "" },
        { "inv", "SetHandRaisingEnabled(false)", RoomErrorCode.Forbidden, "" },

        { "mod", "EndRoom", null, "RoomEnded" },
        { "spk", "EndRoom", RoomErrorCode.Forbidden, "" },
        { "aud", "EndRoom", RoomErrorCode.Forbidden, "" },
        { "inv", "EndRoom", RoomErrorCode.Forbidden, "" },
    };

    public static TheoryData<string> AllActions => new(Actions.Keys);

    public static TheoryData<string> AllActionsButJoin => new(Actions.Keys.Where(a => a != "Join"));

    [Theory]
    [MemberData(nameof(Table))]
    public void EachActionByEachRoleIsAllowedOrRefusedAsTheRulesSay(string actor, string action, RoomErrorCode? refusal, string events)
    {
        var state = StageFixture.Room();
        var versionBefore = state.Version;

        var decision = StageFixture.Act(state, Actions[action](actor));

        Assert.Equal(refusal, decision.Error);
        Assert.Equal(events, string.Join(',', decision.Events.Select(e => e.GetType().Name)));
        Assert.Equal(versionBefore + decision.Events.Count, state.Version);
        if (refusal is not null)
        {
            Assert.NotNull(decision.Message);
        }
    }

    [Theory]
    [MemberData(nameof(AllActionsButJoin))]
    public void SomeoneOutsideTheRoomCanDoNothingButJoin(string action)
    {
        var decision = StageFixture.Act(StageFixture.Room(), Actions[action]("out"));

        Assert.Equal(RoomErrorCode.NotInRoom, decision.Error);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void SomeoneRemovedCanDoNothingAtAll(string action)
    {
        var decision = StageFixture.Act(StageFixture.Room(), Actions[action]("gone"));

        Assert.Equal(RoomErrorCode.Removed, decision.Error);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void AnEndedRoomRefusesEveryActionOfEveryone(string action)
    {
        var state = StageFixture.Room();
        StageFixture.Act(state, new EndRoom("mod"));

        foreach (var actor in new[] { "mod", "spk", "aud", "inv", "out" })
        {
            var decision = StageFixture.Act(state, Actions[action](actor));
            Assert.Equal(RoomErrorCode.RoomEnded, decision.Error);
        }
    }
}
