using Parley.Protocol.Rooms;

namespace Parley.Rooms.Stage;

/// <summary>
/// The moderation commands of issue 6 (ban, hand-over, accept next hand, clear hands, mute all).
/// Called by <see cref="StageRules.Decide"/> once the room is live and the actor is present; like
/// it, pure.
/// </summary>
public static class ModerationRules
{
    public static StageDecision Decide(RoomState state, Participant actor, StageCommand command, DateTimeOffset now)
    {
        if (command is not (BanParticipant or HandOver or AcceptNextHand or ClearHands or MuteAllSpeakers))
        {
            return StageDecision.Refuse(RoomErrorCode.BadRequest, "unknown action");
        }
        if (actor.Role != ParticipantRole.Moderator)
        {
            return StageDecision.Refuse(RoomErrorCode.Forbidden, "only a moderator may do that");
        }
        return command switch
        {
            BanParticipant c => OnBan(state, actor, c.TargetId),
            HandOver c => OnHandOver(state, actor, c.TargetId),
            AcceptNextHand => OnAcceptNextHand(state, now),
            ClearHands => OnClearHands(state),
            MuteAllSpeakers => OnMuteAll(state, actor),
            _ => StageDecision.Refuse(RoomErrorCode.BadRequest, "unknown action"),
        };
    }

    private static StageDecision OnBan(RoomState state, Participant actor, string targetId)
    {
        if (targetId == actor.UserId)
        {
            return StageDecision.Refuse(RoomErrorCode.InvalidState, "you cannot ban yourself");
        }
        if (state.Find(targetId) is { Role: ParticipantRole.Moderator } && targetId == state.Setup.CreatedByUserId)
        {
            return StageDecision.Refuse(RoomErrorCode.Forbidden, "the room's creator cannot be banned from it");
        }
        // Someone absent is banned without an event (the grain records it in the state).
        return state.Find(targetId) is null ? StageDecision.Accept() : StageDecision.Accept(new ParticipantRemoved(targetId));
    }

    private static StageDecision OnHandOver(RoomState state, Participant actor, string targetId)
    {
        var target = state.Find(targetId);
        if (target is null)
        {
            return StageDecision.Refuse(RoomErrorCode.NotInRoom, "they are not in this room");
        }
        if (target.UserId == actor.UserId)
        {
            return StageDecision.Refuse(RoomErrorCode.InvalidState, "you are already a moderator");
        }
        if (target.Role == ParticipantRole.Audience)
        {
            return StageDecision.Refuse(RoomErrorCode.InvalidState, "only someone on stage can take over");
        }
        var events = new List<RoomEvent>();
        if (target.Role == ParticipantRole.Speaker)
        {
            events.Add(new RoleChanged(target.UserId, ParticipantRole.Moderator, target.SpeakerSince, target));
        }
        events.Add(new RoleChanged(actor.UserId, ParticipantRole.Speaker, actor.SpeakerSince, actor));
        return StageDecision.Accept(events);
    }

    private static StageDecision OnAcceptNextHand(RoomState state, DateTimeOffset now)
    {
        Participant? next = null;
        foreach (var participant in state.Participants)
        {
            if (participant is { Role: ParticipantRole.Audience, HandRaisedAt: { } raised } && (next is null || raised < next.HandRaisedAt))
            {
                next = participant;
            }
        }
        return next is null
            ? StageDecision.Refuse(RoomErrorCode.InvalidState, "no hand is raised")
            : StageDecision.Accept(new RoleChanged(next.UserId, ParticipantRole.Speaker, now, next));
    }

    private static StageDecision OnClearHands(RoomState state) =>
        StageDecision.Accept(state.Participants.Where(p => p.HandRaisedAt is not null).Select(RoomEvent (p) => new HandLowered(p.UserId)).ToList());

    private static StageDecision OnMuteAll(RoomState state, Participant actor) =>
        StageDecision.Accept(state.Participants
            .Where(p => p.Role != ParticipantRole.Audience && !p.Muted && p.UserId != actor.UserId)
            .Select(RoomEvent (p) => new MuteChanged(p.UserId, true))
            .ToList());
}
