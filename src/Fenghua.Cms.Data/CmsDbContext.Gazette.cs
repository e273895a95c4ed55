using Fenghua.Cms.Data.Gazette;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data;

// The gazette archive's projection tables (政府公报): rebuilt from published items on every publication.
public abstract partial class CmsDbContext
{
    public DbSet<GazetteIssueEntry> GazetteIssues => Set<GazetteIssueEntry>();
    public DbSet<GazetteArticleEntry> GazetteArticles => Set<GazetteArticleEntry>();

    partial void ConfigureGazette(ModelBuilder b)
    {
        b.Entity<GazetteIssueEntry>(e =>
        {
            e.HasKey(x => x.ContentItemId);
            e.HasIndex(x => new { x.SiteId, x.Year, x.Issue }).IsUnique();
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.PdfUrl).HasMaxLength(400);
            e.HasQueryFilter(x => CurrentSiteId == null || x.SiteId == CurrentSiteId);
        });
        b.Entity<GazetteArticleEntry>(e =>
        {
            e.HasKey(x => x.ContentItemId);
            e.HasIndex(x => new { x.SiteId, x.Year, x.Issue, x.Order });
            e.HasIndex(x => new { x.SiteId, x.DocumentNumberKey });
            e.HasIndex(x => new { x.SiteId, x.SourceId });
            e.HasIndex(x => new { x.SiteId, x.Issuer });
            e.HasIndex(x => new { x.SiteId, x.IssueDate });
            e.Property(x => x.Section).HasMaxLength(50);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.DocumentNumber).HasMaxLength(60);
            e.Property(x => x.DocumentNumberDisplay).HasMaxLength(60);
            e.Property(x => x.DocumentNumberKey).HasMaxLength(60);
            e.Property(x => x.Issuer).HasMaxLength(100);
            e.Property(x => x.SourceId).HasMaxLength(100);
            e.Property(x => x.PublicPath).HasMaxLength(200);
            e.HasQueryFilter(x => CurrentSiteId == null || x.SiteId == CurrentSiteId);
        });
    }
}
