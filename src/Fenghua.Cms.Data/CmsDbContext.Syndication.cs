using Fenghua.Cms.Data.Syndication;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data;

public abstract partial class CmsDbContext
{
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<ChannelPush> ChannelPushes => Set<ChannelPush>();
    public DbSet<ContentShare> ContentShares => Set<ContentShare>();

    partial void ConfigureSyndication(ModelBuilder b)
    {
        b.Entity<Channel>(e =>
        {
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Name).HasMaxLength(60);
            e.Property(c => c.AppId).HasMaxLength(64);
            e.Property(c => c.SafeDomain).HasMaxLength(253);
            e.Property(c => c.ApiBaseUrl).HasMaxLength(300);
            e.HasIndex(c => new { c.SiteId, c.Kind, c.AppId }).IsUnique();
            e.HasOne<Core.Sites.Site>().WithMany().HasForeignKey(c => c.SiteId);
            e.HasQueryFilter(c => CurrentSiteId == null || c.SiteId == CurrentSiteId);
        });

        b.Entity<ChannelPush>(e =>
        {
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Step).HasMaxLength(16);
            // Exactly once: a second push of the same round cannot be stored.
            e.HasIndex(p => new { p.ChannelId, p.ContentItemId, p.Round }).IsUnique();
            e.HasIndex(p => new { p.State, p.NextAttemptUtc });
            e.HasIndex(p => new { p.SiteId, p.ContentItemId });
            e.HasOne<Channel>().WithMany().HasForeignKey(p => p.ChannelId);
            e.HasQueryFilter(p => CurrentSiteId == null || p.SiteId == CurrentSiteId);
        });

        b.Entity<ContentShare>(e =>
        {
            e.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Comment).HasMaxLength(500);
            e.HasIndex(s => new { s.ColumnId, s.SourceItemId }).IsUnique();
            e.HasIndex(s => new { s.SiteId, s.State });
            e.HasIndex(s => s.SourceItemId);
            e.HasQueryFilter(s => CurrentSiteId == null || s.SiteId == CurrentSiteId);
        });
    }
}
