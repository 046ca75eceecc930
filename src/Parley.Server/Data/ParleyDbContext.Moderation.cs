using Microsoft.EntityFrameworkCore;

namespace Parley.Server.Data;

public partial class ParleyDbContext
{
    public DbSet<RoomBan> RoomBans => Set<RoomBan>();

    public DbSet<Block> Blocks => Set<Block>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();

    private static void OnModelCreatingModeration(ModelBuilder builder)
    {
        builder.Entity<RoomBan>(ban =>
        {
            ban.Property(b => b.RoomId).HasMaxLength(32);
            ban.HasIndex(b => new { b.UserId, b.RoomId });
            ban.HasIndex(b => new { b.UserId, b.ModeratorId });
            ban.HasOne<ParleyUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
            ban.HasOne<ParleyUser>().WithMany().HasForeignKey(b => b.ModeratorId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Block>(block =>
        {
            block.HasKey(b => new { b.BlockerId, b.BlockedId });
            block.HasIndex(b => b.BlockedId);
            block.HasOne<ParleyUser>().WithMany().HasForeignKey(b => b.BlockerId).OnDelete(DeleteBehavior.Cascade);
            block.HasOne<ParleyUser>().WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Report>(report =>
        {
            report.Property(r => r.Reason).HasMaxLength(1000);
            report.Property(r => r.Status).HasMaxLength(16);
            report.HasIndex(r => r.Status);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.Detail).HasMaxLength(1000);
            entry.HasIndex(e => e.RoomId);
            entry.HasIndex(e => e.At);
        });

        builder.Entity<Notification>(notification =>
        {
            notification.Property(n => n.Kind).HasMaxLength(16);
            notification.Property(n => n.Text).HasMaxLength(500);
            notification.HasIndex(n => new { n.UserId, n.CreatedAt });
            notification.HasOne<ParleyUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
