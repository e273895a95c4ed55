using Fenghua.Cms.Data.Editorial;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data;

public abstract partial class CmsDbContext
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<EditorialSiteSettings> EditorialSettings => Set<EditorialSiteSettings>();
    public DbSet<ReviewRecord> ReviewRecords => Set<ReviewRecord>();
    public DbSet<ScheduledJob> ScheduledJobs => Set<ScheduledJob>();

    partial void ConfigureEditorial(ModelBuilder b)
    {
        b.Entity<ApiToken>(e =>
        {
            e.HasIndex(t => t.Hash).IsUnique();
            e.Property(t => t.Hash).HasMaxLength(64);
            e.Property(t => t.Name).HasMaxLength(100);
        });
        b.Entity<EditorialSiteSettings>(e =>
        {
            e.HasKey(s => s.SiteId);
            e.HasQueryFilter(x => CurrentSiteId == null || x.SiteId == CurrentSiteId);
        });
        b.Entity<ReviewRecord>(e =>
        {
            e.HasIndex(r => new { r.ContentItemId, r.VersionId });
            e.Property(r => r.Comment).HasMaxLength(2000);
            e.HasQueryFilter(x => CurrentSiteId == null || x.SiteId == CurrentSiteId);
        });
        b.Entity<ScheduledJob>(e =>
        {
            e.HasIndex(j => new { j.State, j.DueUtc });
            e.Property(j => j.Error).HasMaxLength(2000);
            e.HasQueryFilter(x => CurrentSiteId == null || x.SiteId == CurrentSiteId);
        });
    }
}
