namespace Parley.Protocol.Rooms;

/// <summary>The names of the room hub's methods and client callbacks (see docs/api.md).</summary>
public static class RoomHubMethods
{
    /// <summary>The hub's path.</summary>
    public const string Path = "/hubs/room";

    /// <summary>Server → client callback carrying a <see cref="RoomEventEnvelope"/>.</summary>
    public const string RoomEvent = nameof(RoomEvent);

    public const string JoinRoom = nameof(JoinRoom);
    public const string LeaveRoom = nameof(LeaveRoom);
    public const string RaiseHand = nameof(RaiseHand);
    public const string LowerHand = nameof(LowerHand);
    public const string InviteToSpeak = nameof(InviteToSpeak);
    public const string AcceptSpeakInvite = nameof(AcceptSpeakInvite);
    public const string DeclineSpeakInvite = nameof(DeclineSpeakInvite);
    public const string MoveToAudience = nameof(MoveToAudience);
    public const string StepDown = nameof(StepDown);
    public const string MuteSpeaker = nameof(MuteSpeaker);
    public const string SetSelfMuted = nameof(SetSelfMuted);
    public const string MakeModerator = nameof(MakeModerator);
    public const string RemoveParticipant = nameof(RemoveParticipant);
    public const string SetHandRaisingEnabled = nameof(SetHandRaisingEnabled);
    public const string EndRoom = nameof(EndRoom);
}
