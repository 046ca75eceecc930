namespace Parley.Server.Moderation;

/// <summary>Moderation and abuse limits (configuration section <c>Parley:Moderation</c>).</summary>
public sealed class ModerationOptions
{
    public const string Section = "Parley:Moderation";

    /// <summary>A moderator whose connection dropped keeps the room this long before it is handed over.</summary>
    public TimeSpan ModeratorDisconnectGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Accounts younger than this cannot start rooms (zero: no restriction; admins never restricted).</summary>
    public TimeSpan NewAccountRoomDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Rooms a member may start per hour.</summary>
    public int RoomsPerHour { get; set; } = 10;

    /// <summary>JoinRoom calls per member per minute (reconnects count).</summary>
    public int JoinsPerMinute { get; set; } = 30;

    /// <summary>RaiseHand calls per member per minute.</summary>
    public int HandRaisesPerMinute { get; set; } = 10;

    /// <summary>Pings a member may send per hour.</summary>
    public int PingsPerHour { get; set; } = 20;

    /// <summary>Refused (rate-limited) hub calls after which a connection is disconnected.</summary>
    public int FloodStrikes { get; set; } = 20;
}
