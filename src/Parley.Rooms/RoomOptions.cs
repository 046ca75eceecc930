namespace Parley.Rooms;

/// <summary>Timing of room grains (configuration section <c>Parley:Rooms</c>).</summary>
public sealed class RoomOptions
{
    /// <summary>A node observer not refreshed for this long is dropped (nodes refresh at a third of it).</summary>
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>A live room with nobody in it for this long ends (e.g. created and never joined).</summary>
    public TimeSpan EmptyRoomTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the grain checks the two timeouts above.</summary>
    public TimeSpan HousekeepingPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
