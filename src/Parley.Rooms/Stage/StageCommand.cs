namespace Parley.Rooms.Stage;

/// <summary>
/// What someone asks of the stage. Commands are facts-to-be: <see cref="StageRules"/> either
/// refuses one with a typed error or turns it into events. The actor is always the
/// authenticated caller, never a value a client sends.
/// </summary>
public abstract record StageCommand(string ActorId);

/// <summary>Enter the room (as audience, or as moderator for its creator).</summary>
public sealed record JoinStage(string ActorId, string UserName, string DisplayName) : StageCommand(ActorId);

/// <summary>Leave quietly.</summary>
public sealed record LeaveStage(string ActorId) : StageCommand(ActorId);

public sealed record RaiseHand(string ActorId) : StageCommand(ActorId);

public sealed record LowerHand(string ActorId) : StageCommand(ActorId);

public sealed record InviteToSpeak(string ActorId, string TargetId) : StageCommand(ActorId);

public sealed record AcceptSpeakInvite(string ActorId) : StageCommand(ActorId);

public sealed record DeclineSpeakInvite(string ActorId) : StageCommand(ActorId);

public sealed record MoveToAudience(string ActorId, string TargetId) : StageCommand(ActorId);

public sealed record StepDown(string ActorId) : StageCommand(ActorId);

public sealed record MuteSpeaker(string ActorId, string TargetId) : StageCommand(ActorId);

public sealed record SetSelfMuted(string ActorId, bool Muted) : StageCommand(ActorId);

public sealed record MakeModerator(string ActorId, string TargetId) : StageCommand(ActorId);

public sealed record RemoveParticipant(string ActorId, string TargetId) : StageCommand(ActorId);

public sealed record SetHandRaisingEnabled(string ActorId, bool Enabled) : StageCommand(ActorId);

public sealed record EndRoom(string ActorId) : StageCommand(ActorId);
