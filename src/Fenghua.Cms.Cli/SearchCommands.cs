using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Search;
using Fenghua.Cms.Search.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fenghua.Cms.Cli;

/// <summary>`search reindex [--site key]` and `search stats` on the node's index folder (the same one the web host uses).</summary>
public static class SearchCommands
{
    private static readonly Actor Cli = new("cli:" + Environment.UserName);

    public static async Task<int> ReindexAsync(IServiceProvider services, IConfiguration configuration, CommandLine command, TextWriter output, TextWriter error)
    {
        var siteKey = command.Get("site");
        await EnsureInstalledAsync(services, siteKey);
        using var host = CreateHost(services, configuration);
        try
        {
            host.Open();
        }
        catch (SearchIndexUnavailableException e)
        {
            error.WriteLine("错误：" + e.Message);
            error.WriteLine("网站运行时由网站自己维护索引（索引损坏时启动即自动重建）；要用命令行重建，请先停止网站。");
            return 3;
        }
        var bar = new ProgressBar(error);
        var count = await host.RebuildAsync(siteKey, bar, CancellationToken.None);
        bar.Finish();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var siteId = siteKey is null ? (int?)null : await db.Sites.Where(s => s.Key == siteKey).Select(s => (int?)s.Id).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(db, Cli, "search.reindex", "search:" + (siteKey ?? "*"), siteId, $"{count} 篇");
            await db.SaveChangesAsync();
        }
        output.WriteLine($"搜索索引已重建：{(siteKey is null ? "全部站点" : "站点 " + siteKey)}，共 {count} 篇。索引目录：{host.IndexPath}");
        return 0;
    }

    /// <summary>Reads the last commit without the write lock, so it also works while the web host runs.</summary>
    public static async Task<int> StatsAsync(IServiceProvider services, IConfiguration configuration, TextWriter output)
    {
        var path = IndexPath(services, configuration);
        var stats = SearchIndex.ReadCommittedStats(path);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Name);
        var types = await db.ContentTypes.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.DisplayName);
        output.WriteLine($"搜索索引：{path}");
        output.WriteLine($"文档总数：{stats.Total}　已应用的发件箱序号：{stats.LastAppliedSequence}{(stats.NeedsRebuild ? "　（需要重建：fenghua search reindex，或启动网站自动重建）" : "")}");
        output.WriteLine("按站点：");
        foreach (var (key, n) in stats.BySite.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            output.WriteLine($"  {key,-10} {n,7}  {sites.GetValueOrDefault(key, "（已不存在的站点）")}");
        output.WriteLine("按类型：");
        foreach (var (type, n) in stats.ByType.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            output.WriteLine($"  {type,-16} {n,7}  {types.GetValueOrDefault(type, type)}");
        return 0;
    }

    private static SearchIndexHost CreateHost(IServiceProvider services, IConfiguration configuration) =>
        new(IndexPath(services, configuration), services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<SearchIndexHost>.Instance);

    private static string IndexPath(IServiceProvider services, IConfiguration configuration)
    {
        var configured = configuration[SearchModule.IndexPathSetting];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(services.GetRequiredService<Core.ProductPaths>().DataPath, "search")
            : configured);
    }

    private static async Task EnsureInstalledAsync(IServiceProvider services, string? siteKey)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await db.Database.MigrateAsync();
        if (!await db.Installation.AnyAsync())
            throw new CliException("数据库尚未初始化：请先运行一次 dotnet run --project src/Fenghua.Cms.Web。");
        if (siteKey is not null && !await db.Sites.AnyAsync(s => s.Key == siteKey))
            throw new CliException($"站点“{siteKey}”不存在（--site）。可用 fenghua site list 查看站点。");
    }

    /// <summary>A one-line text bar on stderr, redrawn when the percentage changes.</summary>
    private sealed class ProgressBar(TextWriter writer) : IProgress<RebuildProgress>
    {
        private const int Width = 30;
        private int _lastPercent = -1;

        public void Report(RebuildProgress value)
        {
            var percent = value.Total == 0 ? 100 : (int)(100L * value.Done / value.Total);
            if (percent == _lastPercent) return;
            _lastPercent = percent;
            var filled = percent * Width / 100;
            writer.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {percent,3}%  {value.Done}/{value.Total}");
        }

        public void Finish() => writer.WriteLine();
    }
}
