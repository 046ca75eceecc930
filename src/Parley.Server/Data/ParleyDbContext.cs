using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Parley.Server.Data;

/// <summary>
/// Users (Identity), invites, follows and rooms. This type carries the SQLite migrations;
/// <see cref="PostgresParleyDbContext"/> the same model's PostgreSQL migrations.
/// </summary>
public class ParleyDbContext : IdentityDbContext<ParleyUser>
{
    public ParleyDbContext(DbContextOptions<ParleyDbContext> options)
        : base(options)
    {
    }

    protected ParleyDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<InviteRecord> Invites => Set<InviteRecord>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<RoomRecord> Rooms => Set<RoomRecord>();

    public DbSet<RoomParticipantRecord> RoomParticipants => Set<RoomParticipantRecord>();

    public DbSet<RoomInvitee> RoomInvitees => Set<RoomInvitee>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date type: EF cannot compare or order DateTimeOffset stored as text.
            // Stored as binary ticks-with-offset they compare and sort correctly (all values are UTC).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ParleyUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(50);
            user.Property(u => u.Bio).HasMaxLength(280);
            user.HasOne(u => u.NominatedBy).WithMany().HasForeignKey(u => u.NominatedById).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<InviteRecord>(invite =>
        {
            invite.HasIndex(i => i.Code).IsUnique();
            invite.Property(i => i.Code).HasMaxLength(64);
            invite.HasIndex(i => i.CreatedById);
            invite.HasOne(i => i.CreatedBy).WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Cascade);
            invite.HasOne(i => i.UsedBy).WithMany().HasForeignKey(i => i.UsedById).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Follow>(follow =>
        {
            follow.HasKey(f => new { f.FollowerId, f.FolloweeId });
            follow.HasIndex(f => f.FolloweeId);
            follow.HasOne<ParleyUser>().WithMany().HasForeignKey(f => f.FollowerId).OnDelete(DeleteBehavior.Cascade);
            follow.HasOne<ParleyUser>().WithMany().HasForeignKey(f => f.FolloweeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RoomRecord>(room =>
        {
            room.Property(r => r.Id).HasMaxLength(32);
            room.Property(r => r.Title).HasMaxLength(60);
            room.Property(r => r.Description).HasMaxLength(500);
            room.Property(r => r.Visibility).HasConversion<string>().HasMaxLength(16);
            room.HasIndex(r => r.EndedAt);
            room.HasOne(r => r.CreatedBy).WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RoomParticipantRecord>(participant =>
        {
            participant.HasKey(p => new { p.RoomId, p.UserId });
            participant.HasIndex(p => p.UserId);
            participant.HasOne<RoomRecord>().WithMany().HasForeignKey(p => p.RoomId).OnDelete(DeleteBehavior.Cascade);
            participant.HasOne<ParleyUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RoomInvitee>(invitee =>
        {
            invitee.HasKey(i => new { i.RoomId, i.UserId });
            invitee.HasOne<RoomRecord>().WithMany().HasForeignKey(i => i.RoomId).OnDelete(DeleteBehavior.Cascade);
            invitee.HasOne<ParleyUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
