using Parley.Protocol.Rooms;
using Parley.Rooms;
using Parley.Rooms.Stage;

namespace Parley.Rooms.Tests;

/// <summary>
/// A room with one of each kind of person: the creator-moderator "mod", the speaker "spk", the
/// listener "aud" (no hand up), the listener "inv" (hand up, invited to speak), the listener
/// "aud2", the removed "gone", and "out" who never came in.
/// </summary>
internal static class StageFixture
{
    public static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public static RoomSetup Setup(string creator = "mod") =>
        new("Talk", null, ["dotnet"], RoomVisibility.Open, creator);

    public static RoomState Room()
    {
        var state = new RoomState("room1", Setup());
        var t = Start;
        Apply(state, Joined("mod", ParticipantRole.Moderator, t), ref t);
        Apply(state, Joined("spk", ParticipantRole.Speaker, t), ref t);
        Apply(state, Joined("aud", ParticipantRole.Audience, t), ref t);
        Apply(state, Joined("inv", ParticipantRole.Audience, t), ref t);
        Apply(state, Joined("aud2", ParticipantRole.Audience, t), ref t);
        Apply(state, Joined("gone", ParticipantRole.Audience, t), ref t);
        Apply(state, new HandRaised("inv", t), ref t);
        Apply(state, new SpeakInvited("inv", "mod"), ref t);
        Apply(state, new ParticipantRemoved("gone"), ref t);
        return state;
    }

    public static Participant Joined(string id, ParticipantRole role, DateTimeOffset at) =>
        new(id, id, id.ToUpperInvariant(), role, false, null, false, at, role == ParticipantRole.Audience ? null : at);

    /// <summary>Decides and applies, as the grain does; returns the decision.</summary>
    public static StageDecision Act(RoomState state, StageCommand command, DateTimeOffset? at = null)
    {
        var now = at ?? Start.AddMinutes(10);
        var decision = StageRules.Decide(state, command, now);
        foreach (var roomEvent in decision.Events)
        {
            state.Apply(roomEvent, now);
        }
        return decision;
    }

    private static void Apply(RoomState state, RoomEvent roomEvent, ref DateTimeOffset t)
    {
        state.Apply(roomEvent, t);
        t = t.AddSeconds(1);
    }

    private static void Apply(RoomState state, Participant participant, ref DateTimeOffset t) => Apply(state, new ParticipantJoined(participant), ref t);
}
