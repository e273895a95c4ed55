using Fenghua.Cms.Core.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Data.Sites;

/// <summary>
/// All sites, held in memory for request routing (a handful of rows read on every request).
/// Changes made in this process call <see cref="Invalidate"/>; changes made elsewhere (the CLI,
/// another node) are picked up when the copy is older than <see cref="MaxAge"/>.
/// </summary>
public sealed class SiteCatalog(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<Site>> AllAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } s && now - s.LoadedUtc < MaxAge) return s.Sites;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var sites = await db.Sites.AsNoTracking().OrderBy(x => x.Id).ToListAsync(ct);
        _snapshot = new Snapshot(sites, now);
        return sites;
    }

    public void Invalidate() => _snapshot = null;

    /// <summary>
    /// A sub-site's own host name first (served without its prefix); then, on the portal's host or any other, the
    /// longest matching path prefix (www.fh.gov.cn/czj is 区财政局 even when the portal is bound to www.fh.gov.cn);
    /// else the site bound to the host, else the portal (the site without a prefix).
    /// </summary>
    public static (Site? Site, string Prefix) Resolve(IReadOnlyList<Site> sites, string host, string path)
    {
        var byHost = sites.FirstOrDefault(s => s.HostNames.Contains(host, StringComparer.OrdinalIgnoreCase));
        if (byHost is not null && byHost.PathPrefix.Length > 0) return (byHost, "");
        Site? best = null;
        foreach (var s in sites)
        {
            if (s.PathPrefix.Length == 0) continue;
            var matches = path.Equals(s.PathPrefix, StringComparison.OrdinalIgnoreCase)
                || path.StartsWith(s.PathPrefix + "/", StringComparison.OrdinalIgnoreCase);
            if (matches && (best is null || s.PathPrefix.Length > best.PathPrefix.Length)) best = s;
        }
        if (best is not null) return (best, best.PathPrefix);
        if (byHost is not null) return (byHost, "");
        return (sites.FirstOrDefault(s => s.PathPrefix.Length == 0 && s.HostNames.Count == 0) ?? sites.FirstOrDefault(s => s.Key == "portal"), "");
    }

    private sealed record Snapshot(IReadOnlyList<Site> Sites, DateTimeOffset LoadedUtc);
}
