namespace Parley.Server.Data;

/// <summary><see cref="FollowerId"/> follows <see cref="FolloweeId"/>.</summary>
public sealed class Follow
{
    public required string FollowerId { get; set; }

    public required string FolloweeId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
