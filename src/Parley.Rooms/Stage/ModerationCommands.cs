namespace Parley.Rooms.Stage;

/// <summary>A moderator bans someone: removed at once if present (the same ParticipantRemoved event as a removal).</summary>
public sealed record BanParticipant(string ActorId, string TargetId) : StageCommand(ActorId);

/// <summary>A moderator makes a speaker the moderator and steps back to speaker themself.</summary>
public sealed record HandOver(string ActorId, string TargetId) : StageCommand(ActorId);

/// <summary>A moderator brings the longest-waiting raised hand on stage.</summary>
public sealed record AcceptNextHand(string ActorId) : StageCommand(ActorId);

/// <summary>A moderator lowers every raised hand.</summary>
public sealed record ClearHands(string ActorId) : StageCommand(ActorId);

/// <summary>A moderator mutes everyone else on stage.</summary>
public sealed record MuteAllSpeakers(string ActorId) : StageCommand(ActorId);
