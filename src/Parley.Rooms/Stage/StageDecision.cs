using Parley.Protocol.Rooms;

namespace Parley.Rooms.Stage;

/// <summary>
/// The answer of <see cref="StageRules.Decide"/>: a refusal (error code and sentence, no events)
/// or the events the command produces (possibly none, when it changes nothing, e.g. raising a
/// hand that is already up).
/// </summary>
public sealed record StageDecision(RoomErrorCode? Error, string? Message, IReadOnlyList<RoomEvent> Events)
{
    private static readonly StageDecision NoChange = new(null, null, []);

    public bool IsRefused => Error is not null;

    public static StageDecision Refuse(RoomErrorCode code, string message) => new(code, message, []);

    public static StageDecision Accept(params RoomEvent[] events) => events.Length == 0 ? NoChange : new(null, null, events);

    public static StageDecision Accept(List<RoomEvent> events) => new(null, null, events);
}
