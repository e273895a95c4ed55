using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Media;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data;

public abstract partial class CmsDbContext
{
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<MediaFolder> MediaFolders => Set<MediaFolder>();

    partial void ConfigureMedia(ModelBuilder b)
    {
        b.Entity<MediaFolder>(e =>
        {
            e.HasIndex(f => new { f.SiteId, f.Path }).IsUnique();
            e.Property(f => f.Path).HasMaxLength(200);
            e.Property(f => f.CreatedBy).HasMaxLength(256);
            e.HasOne<Site>().WithMany().HasForeignKey(f => f.SiteId);
            e.HasQueryFilter(f => CurrentSiteId == null || f.SiteId == CurrentSiteId);
        });

        b.Entity<MediaFile>(e =>
        {
            e.HasIndex(f => new { f.SiteId, f.FolderId, f.CreatedUtc });
            e.HasIndex(f => new { f.SiteId, f.Sha256 });
            e.Property(f => f.OriginalName).HasMaxLength(255);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.Extension).HasMaxLength(10);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.AltText).HasMaxLength(500);
            e.Property(f => f.CreatedBy).HasMaxLength(256);
            e.HasOne<Site>().WithMany().HasForeignKey(f => f.SiteId);
            e.HasOne<MediaFolder>().WithMany().HasForeignKey(f => f.FolderId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(f => CurrentSiteId == null || f.SiteId == CurrentSiteId);
        });
    }
}
