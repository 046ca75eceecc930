using Microsoft.AspNetCore.Identity;

namespace Parley.Server.Data;

/// <summary>A member. User names are unique regardless of case (Identity's normalised name index).</summary>
public sealed class ParleyUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public string Bio { get; set; } = "";

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Who invited them; null for the first admin.</summary>
    public string? NominatedById { get; set; }

    public ParleyUser? NominatedBy { get; set; }

    /// <summary>Admins have no invite quota.</summary>
    public bool IsAdmin { get; set; }
}
