using Parley.Protocol.Rooms;

namespace Parley.Rooms.Stage;

/// <summary>
/// The stage rules: who may do what to whom, and which events each allowed action produces.
/// Pure: it reads the state and the clock it is given and never changes the state; the caller
/// applies the events in order. Checks run from the general to the particular (room ended, caller
/// removed, caller present, caller's role, target present, target's role) so each refusal names
/// the first thing that is wrong.
/// </summary>
public static class StageRules
{
    public static StageDecision Decide(RoomState state, StageCommand command, DateTimeOffset now)
    {
        if (state.Ended)
        {
            return StageDecision.Refuse(RoomErrorCode.RoomEnded, "the room has ended");
        }
        if (state.IsRemoved(command.ActorId))
        {
            return StageDecision.Refuse(RoomErrorCode.Removed, "you were removed from this room");
        }
        if (command is JoinStage join)
        {
            return OnJoin(state, join, now);
        }
        var actor = state.Find(command.ActorId);
        if (actor is null)
        {
            return StageDecision.Refuse(RoomErrorCode.NotInRoom, "you are not in this room");
        }
        return command switch
        {
            LeaveStage => OnLeave(state, actor),
            RaiseHand => OnRaiseHand(state, actor, now),
            LowerHand => OnLowerHand(actor),
            AcceptSpeakInvite => OnAcceptSpeakInvite(actor, now),
            DeclineSpeakInvite => OnDeclineSpeakInvite(actor),
            StepDown => OnStepDown(state, actor),
            SetSelfMuted c => OnSetSelfMuted(actor, c.Muted),
            InviteToSpeak c => ModeratorOn(state, actor, c.TargetId, target => OnInviteToSpeak(actor, target)),
            MoveToAudience c => ModeratorOn(state, actor, c.TargetId, target => OnMoveToAudience(actor, target)),
            MuteSpeaker c => ModeratorOn(state, actor, c.TargetId, OnMuteSpeaker),
            MakeModerator c => ModeratorOn(state, actor, c.TargetId, OnMakeModerator),
            RemoveParticipant c => ModeratorOn(state, actor, c.TargetId, target => OnRemove(actor, target)),
            SetHandRaisingEnabled c => Moderator(actor, () => OnSetHandRaising(state, c.Enabled)),
            EndRoom => Moderator(actor, () => StageDecision.Accept(new RoomEnded())),
            _ => ModerationRules.Decide(state, actor, command, now),
        };
    }

    private static StageDecision OnJoin(RoomState state, JoinStage join, DateTimeOffset now)
    {
        if (state.Find(join.ActorId) is not null)
        {
            // A reconnecting client joins again and keeps its role; nothing changes.
            return StageDecision.Accept();
        }
        var asModerator = join.ActorId == state.Setup.CreatedByUserId && !state.CreatorDemoted;
        var participant = new Participant(
            join.ActorId,
            join.UserName,
            join.DisplayName,
            asModerator ? ParticipantRole.Moderator : ParticipantRole.Audience,
            Muted: false,
            HandRaisedAt: null,
            InvitedToSpeak: false,
            JoinedAt: now,
            SpeakerSince: asModerator ? now : null);
        return StageDecision.Accept(new ParticipantJoined(participant));
    }

    private static StageDecision OnLeave(RoomState state, Participant actor)
    {
        var events = new List<RoomEvent> { new ParticipantLeft(actor.UserId, RoomState.IsPlainAudience(actor)) };
        if (state.Count == 1)
        {
            events.Add(new RoomEnded());
        }
        else if (IsLastModerator(state, actor) && LongestStandingSpeaker(state, except: actor.UserId) is { } next)
        {
            events.Add(new RoleChanged(next.UserId, ParticipantRole.Moderator, next.SpeakerSince, next));
        }
        return StageDecision.Accept(events);
    }

    private static StageDecision OnRaiseHand(RoomState state, Participant actor, DateTimeOffset now)
    {
        if (actor.Role != ParticipantRole.Audience)
        {
            return StageDecision.Refuse(RoomErrorCode.InvalidState, "only the audience raises hands");
        }
        if (!state.HandRaisingEnabled)
        {
            return StageDecision.Refuse(RoomErrorCode.HandRaisingDisabled, "a moderator turned hand raising off");
        }
        return actor.HandRaisedAt is not null ? StageDecision.Accept() : StageDecision.Accept(new HandRaised(actor.UserId, now, actor));
    }

    private static StageDecision OnLowerHand(Participant actor)
    {
        if (actor.Role != ParticipantRole.Audience)
        {
            return StageDecision.Refuse(RoomErrorCode.InvalidState, "only the audience raises and lowers hands");
        }
        return actor.HandRaisedAt is null ? StageDecision.Accept() : StageDecision.Accept(new HandLowered(actor.UserId));
    }

    private static StageDecision OnAcceptSpeakInvite(Participant actor, DateTimeOffset now) =>
        actor.InvitedToSpeak
            ? StageDecision.Accept(new RoleChanged(actor.UserId, ParticipantRole.Speaker, now, actor))
            : StageDecision.Refuse(RoomErrorCode.InvalidState, "nobody invited you to speak");

    private static StageDecision OnDeclineSpeakInvite(Participant actor) =>
        actor.InvitedToSpeak
            ? StageDecision.Accept(new SpeakInviteDeclined(actor.UserId))
            : StageDecision.Refuse(RoomErrorCode.InvalidState, "nobody invited you to speak");

    private static StageDecision OnStepDown(RoomState state, Participant actor)
    {
        if (actor.Role == ParticipantRole.Audience)
        {
            return StageDecision.Refuse(RoomErrorCode.InvalidState, "you are not on stage");
        }
        var events = new List<RoomEvent> { new RoleChanged(actor.UserId, ParticipantRole.Audience, null, actor) };
        if (IsLastModerator(state, actor))
        {
            // The stage must keep a moderator: hand over to the longest-standing speaker, as when
            // the last moderator leaves; with nobody to hand over to, stepping down is refused.
            if (LongestStandingSpeaker(state, except: actor.UserId) is not { } next)
            {
                return StageDecision.Refuse(RoomErrorCode.InvalidState, "the last moderator cannot step down while nobody else is on stage");
            }
            events.Add(new RoleChanged(next.UserId, ParticipantRole.Moderator, next.SpeakerSince, next));
        }
        return StageDecision.Accept(events);
    }

    private static StageDecision OnSetSelfMuted(Participant actor, bool muted)
    {
        if (actor.Role == ParticipantRole.Audience)
        {
            return StageDecision.Refuse(RoomErrorCode.InvalidState, "only people on stage have a microphone to mute");
        }
        return actor.Muted == muted ? StageDecision.Accept() : StageDecision.Accept(new MuteChanged(actor.UserId, muted));
    }

    private static StageDecision OnInviteToSpeak(Participant actor, Participant target)
    {
        if (target.Role != ParticipantRole.Audience)
        {
            return StageDecision.Refuse(RoomErrorCode.InvalidState, "they are already on stage");
        }
        return target.InvitedToSpeak ? StageDecision.Accept() : StageDecision.Accept(new SpeakInvited(target.UserId, actor.UserId, target));
    }

    private static StageDecision OnMoveToAudience(Participant actor, Participant target)
    {
        if (target.UserId == actor.UserId)
        {
            return StageDecision.Refuse(RoomErrorCode.InvalidState, "to leave the stage yourself, step down");
        }
        return target.Role == ParticipantRole.Audience
            ? StageDecision.Refuse(RoomErrorCode.InvalidState, "they are not on stage")
            : StageDecision.Accept(new RoleChanged(target.UserId, ParticipantRole.Audience, null, target));
    }

    private static StageDecision OnMuteSpeaker(Participant target)
    {
        if (target.Role == ParticipantRole.Audience)
        {
            return StageDecision.Refuse(RoomErrorCode.InvalidState, "they are not on stage");
        }
        return target.Muted ? StageDecision.Accept() : StageDecision.Accept(new MuteChanged(target.UserId, true));
    }

    private static StageDecision OnMakeModerator(Participant target) => target.Role switch
    {
        ParticipantRole.Speaker => StageDecision.Accept(new RoleChanged(target.UserId, ParticipantRole.Moderator, target.SpeakerSince, target)),
        ParticipantRole.Moderator => StageDecision.Refuse(RoomErrorCode.InvalidState, "they are already a moderator"),
        _ => StageDecision.Refuse(RoomErrorCode.InvalidState, "only a speaker can be made a moderator"),
    };

    private static StageDecision OnRemove(Participant actor, Participant target) =>
        target.UserId == actor.UserId
            ? StageDecision.Refuse(RoomErrorCode.InvalidState, "you cannot remove yourself; leave instead")
            : StageDecision.Accept(new ParticipantRemoved(target.UserId));

    private static StageDecision OnSetHandRaising(RoomState state, bool enabled)
    {
        if (state.HandRaisingEnabled == enabled)
        {
            return StageDecision.Accept();
        }
        var events = new List<RoomEvent> { new HandRaisingChanged(enabled) };
        if (!enabled)
        {
            foreach (var participant in state.Participants)
            {
                if (participant.HandRaisedAt is not null)
                {
                    events.Add(new HandLowered(participant.UserId));
                }
            }
        }
        return StageDecision.Accept(events);
    }

    private static StageDecision Moderator(Participant actor, Func<StageDecision> decide) =>
        actor.Role == ParticipantRole.Moderator
            ? decide()
            : StageDecision.Refuse(RoomErrorCode.Forbidden, "only a moderator may do that");

    private static StageDecision ModeratorOn(RoomState state, Participant actor, string targetId, Func<Participant, StageDecision> decide)
    {
        if (actor.Role != ParticipantRole.Moderator)
        {
            return StageDecision.Refuse(RoomErrorCode.Forbidden, "only a moderator may do that");
        }
        return state.Find(targetId) is { } target
            ? decide(target)
            : StageDecision.Refuse(RoomErrorCode.NotInRoom, "they are not in this room");
    }

    private static bool IsLastModerator(RoomState state, Participant actor)
    {
        if (actor.Role != ParticipantRole.Moderator)
        {
            return false;
        }
        foreach (var participant in state.Participants)
        {
            if (participant.Role == ParticipantRole.Moderator && participant.UserId != actor.UserId)
            {
                return false;
            }
        }
        return true;
    }

    private static Participant? LongestStandingSpeaker(RoomState state, string except)
    {
        Participant? best = null;
        foreach (var participant in state.Participants)
        {
            if (participant.Role == ParticipantRole.Speaker && participant.UserId != except
                && (best is null || participant.SpeakerSince < best.SpeakerSince))
            {
                best = participant;
            }
        }
        return best;
    }
}
