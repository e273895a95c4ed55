using System.Text.Json;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Outbox;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fenghua.Cms.Data;

/// <summary>
/// The one store. Every site-owned set is filtered to the current site by a global query filter;
/// cross-site reads go through <see cref="CrossSite{T}"/> so they are visible in code review.
/// </summary>
public abstract partial class CmsDbContext(DbContextOptions options, SiteContext? siteContext) : IdentityDbContext<CmsUser>(options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Read by the query filters at query time; null means no site is entered (CLI, jobs).</summary>
    public int? CurrentSiteId => siteContext?.SiteId;

    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Column> Columns => Set<Column>();
    public DbSet<ContentTypeDefinition> ContentTypes => Set<ContentTypeDefinition>();
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();
    public DbSet<ContentRoute> ContentRoutes => Set<ContentRoute>();
    public DbSet<DocumentIndexEntry> DocumentIndex => Set<DocumentIndexEntry>();
    public DbSet<InterpretationLink> InterpretationLinks => Set<InterpretationLink>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AuditEntry> AuditTrail => Set<AuditEntry>();
    public DbSet<SiteRoleAssignment> SiteRoles => Set<SiteRoleAssignment>();
    public DbSet<InstallationState> Installation => Set<InstallationState>();
    public DbSet<Outbox.OutboxCursor> OutboxCursors => Set<Outbox.OutboxCursor>();

    /// <summary>An explicit, named cross-site read: ignores the current site's filter.</summary>
    public IQueryable<T> CrossSite<T>() where T : class, ISiteOwned => Set<T>().IgnoreQueryFilters();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<Site>(e =>
        {
            e.HasIndex(s => s.Key).IsUnique();
            e.Property(s => s.Key).HasMaxLength(20);
            e.Property(s => s.Name).HasMaxLength(100);
            e.Property(s => s.PathPrefix).HasMaxLength(41);
            e.OwnsOne(s => s.Settings, o => o.ToJson());
        });

        b.Entity<Column>(e =>
        {
            e.HasIndex(c => new { c.SiteId, c.Path }).IsUnique();
            e.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId);
            e.HasQueryFilter(c => CurrentSiteId == null || c.SiteId == CurrentSiteId);
        });

        b.Entity<ContentTypeDefinition>(e =>
        {
            e.HasIndex(t => t.Name).IsUnique();
            e.Property(t => t.Parts).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<PartDefinition>>(v, Json) ?? new(),
                new ValueComparer<List<PartDefinition>>(
                    (a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(),
                    v => JsonSerializer.Deserialize<List<PartDefinition>>(JsonSerializer.Serialize(v, Json), Json)!));
        });

        b.Entity<ContentItem>(e =>
        {
            e.HasIndex(i => new { i.SiteId, i.ColumnId, i.PublishedUtc });
            e.HasIndex(i => new { i.SiteId, i.ContentType });
            e.HasOne<Site>().WithMany().HasForeignKey(i => i.SiteId);
            e.HasQueryFilter(i => !i.IsDeleted && (CurrentSiteId == null || i.SiteId == CurrentSiteId));
        });

        b.Entity<ContentVersion>(e =>
        {
            e.HasIndex(v => new { v.ContentItemId, v.Number }).IsUnique();
            e.HasOne<ContentItem>().WithMany().HasForeignKey(v => v.ContentItemId);
            e.Property(v => v.Parts).HasConversion(
                v => v.ToJsonString(Json),
                v => JsonNode.Parse(v, null, default) as JsonObject ?? new JsonObject(),
                new ValueComparer<JsonObject>(
                    (a, c) => a!.ToJsonString(Json) == c!.ToJsonString(Json),
                    v => v.ToJsonString(Json).GetHashCode(),
                    v => (JsonObject)v.DeepClone()));
            e.HasQueryFilter(v => CurrentSiteId == null || v.SiteId == CurrentSiteId);
        });

        b.Entity<ContentRoute>(e =>
        {
            e.HasIndex(r => new { r.SiteId, r.Path }).IsUnique();
            e.HasQueryFilter(r => CurrentSiteId == null || r.SiteId == CurrentSiteId);
        });

        b.Entity<DocumentIndexEntry>(e =>
        {
            e.HasKey(d => d.ContentItemId);
            e.HasIndex(d => new { d.IssuerCode, d.Year, d.Sequence });
            e.HasIndex(d => d.DocumentNumberCanonical);
            e.HasQueryFilter(d => CurrentSiteId == null || d.SiteId == CurrentSiteId);
        });

        b.Entity<InterpretationLink>(e =>
        {
            e.HasKey(l => l.InterpretationItemId);
            e.HasIndex(l => l.PolicyItemId);
            e.HasQueryFilter(l => CurrentSiteId == null || l.SiteId == CurrentSiteId);
        });

        b.Entity<OutboxMessage>(e => e.Property(m => m.Kind).HasMaxLength(64));

        b.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.Utc);
            // A second writer racing on the same tail fails here instead of forking the chain.
            e.HasIndex(a => a.PreviousHash).IsUnique();
        });

        b.Entity<SiteRoleAssignment>(e => e.HasIndex(r => new { r.UserId, r.SiteId, r.Role }).IsUnique());
        b.Entity<Outbox.OutboxCursor>(e => e.HasKey(c => c.Consumer));

        // Feature modules keep their tables in this one store; each configures them in its own
        // partial file (CmsDbContext.<Module>.cs) so the modules do not edit each other's code.
        ConfigureEditorial(b);
        ConfigureMedia(b);
        ConfigureMail(b);
        ConfigureSearch(b);
        ConfigureGazette(b);
        ConfigureSyndication(b);
    }

    partial void ConfigureEditorial(ModelBuilder b);
    partial void ConfigureMedia(ModelBuilder b);
    partial void ConfigureMail(ModelBuilder b);
    partial void ConfigureSearch(ModelBuilder b);
    partial void ConfigureGazette(ModelBuilder b);
    partial void ConfigureSyndication(ModelBuilder b);
}

/// <summary>One row: when the installation was set up and by which recipe (so a restart does not re-run it).</summary>
public sealed class InstallationState
{
    public int Id { get; set; }
    public string Recipe { get; set; } = "";
    public DateTimeOffset InstalledUtc { get; set; }
}
