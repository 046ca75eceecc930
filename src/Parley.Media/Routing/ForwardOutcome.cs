namespace Parley.Media.Routing;

/// <summary>What the router did with one publisher packet.</summary>
public enum ForwardOutcome
{
    /// <summary>Forwarded into a slot (possibly to nobody, when the room has no other peer).</summary>
    Forwarded,

    /// <summary>The peer may not publish (audience or muted): authority is enforced here.</summary>
    NotAllowed,

    /// <summary>The peer may publish but is not among the loudest K.</summary>
    NotSelected,

    /// <summary>The payload does not fit a forwarded packet.</summary>
    TooLarge,
}
