namespace Parley.Rooms;

/// <summary>Timing and sizes of room grains (configuration section <c>Parley:Rooms</c>).</summary>
public sealed class RoomOptions
{
    /// <summary>A node observer not refreshed for this long is dropped (nodes refresh at a third of it).</summary>
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>A live room with nobody in it for this long ends (e.g. created and never joined).</summary>
    public TimeSpan EmptyRoomTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the grain checks the two timeouts above.</summary>
    public TimeSpan HousekeepingPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many audience members a snapshot and the envelopes' <c>Faces</c> show by name (the
    /// first ones in join order); the rest of the audience is a count (DESIGN.md §2).
    /// </summary>
    public int AudienceFaces { get; set; } = 24;

    /// <summary>
    /// How often at most a node sends one room's folded audience churn (<c>AudienceChanged</c>)
    /// to its connections; a stage change sends what is pending at once, ahead of itself.
    /// </summary>
    public TimeSpan AudienceChurnPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
