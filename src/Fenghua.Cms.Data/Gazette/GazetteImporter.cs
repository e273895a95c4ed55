using System.Diagnostics;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>
/// Imports gazette documents (and their issues) from JSON Lines or a folder of issue folders.
/// Records are written in batches, one transaction per batch (a transaction per document is several
/// times slower); a record that fails is rolled back to its savepoint and reported, the rest go on.
/// </summary>
public sealed class GazetteImporter(CmsDbContext db, GazetteArchiveWriter writer, AuditLog audit)
{
    public const int DefaultBatchSize = 250;

    public static Task<GazetteImportSource> ReadAsync(string path, CancellationToken ct) =>
        Directory.Exists(path) ? GazetteFolderReader.ReadAsync(path, ct)
        : File.Exists(path) ? GazetteJsonLinesReader.ReadAsync(path, ct)
        : throw new FileNotFoundException($"找不到导入文件或目录：{path}", path);

    /// <param name="progress">Told (done, total) after each batch.</param>
    public async Task<GazetteImportReport> ImportAsync(GazetteImportSource source, string siteKey, Actor actor,
        IProgress<(int Done, int Total)>? progress = null, int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var report = new GazetteImportReport();
        report.Rejected.AddRange(source.Rejected);
        await writer.OpenAsync(siteKey, ct);
        var total = source.Records;
        var done = source.Rejected.Count;
        var inBatch = 0;
        progress?.Report((done, total));

        var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var group in source.Issues)
            {
                if (!await TryAsync(tx, group.Location, 0, async () =>
                    {
                        var (_, outcome) = await writer.WriteIssueAsync(group.Issue, actor, ct);
                        if (outcome == GazetteWriteOutcome.Created) report.IssuesCreated++;
                        else if (outcome == GazetteWriteOutcome.Updated) report.IssuesUpdated++;
                    }, report, ct))
                {
                    foreach (var a in group.Articles) report.Rejected.Add(new(a.Location, a.Line, $"所在的{group.Location}无法写入"));
                    done += group.Articles.Count;
                    continue;
                }
                foreach (var a in group.Articles)
                {
                    await TryAsync(tx, a.Location, a.Line, async () => report.Count((await writer.WriteArticleAsync(a.Article, actor, ct)).Outcome), report, ct);
                    done++;
                    if (++inBatch < batchSize) continue;
                    await tx.CommitAsync(ct);
                    await tx.DisposeAsync();
                    db.ChangeTracker.Clear();
                    progress?.Report((done, total));
                    inBatch = 0;
                    tx = await db.Database.BeginTransactionAsync(ct);
                }
            }
            if (report.Rejected.All(r => r.Location.StartsWith('第'))) report.Rejected.Sort((x, y) => x.Line.CompareTo(y.Line));
            report.Elapsed = clock.Elapsed;
            await audit.AppendAsync(db, actor, "gazette.import", $"site:{siteKey}", writer.Site.Id,
                $"新建 {report.Created}，更新 {report.Updated}，未变 {report.Unchanged}，拒绝 {report.Rejected.Count}；期：新建 {report.IssuesCreated}，更新 {report.IssuesUpdated}", ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            progress?.Report((total, total));
        }
        finally
        {
            await tx.DisposeAsync();
        }
        return report;
    }

    /// <summary>Runs one record's writes behind a savepoint; a validation or store error rolls back just that record.</summary>
    private async Task<bool> TryAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, string location, int line, Func<Task> write, GazetteImportReport report, CancellationToken ct)
    {
        await tx.CreateSavepointAsync("record", ct);
        try
        {
            await write();
            await tx.ReleaseSavepointAsync("record", ct);
            // Everything is saved: a growing change tracker makes each SaveChanges re-compare every
            // version's JSON, which turns a batch quadratic.
            db.ChangeTracker.Clear();
            return true;
        }
        catch (Exception e) when (e is ValidationException or DbUpdateException or InvalidDataException or FileNotFoundException)
        {
            await tx.RollbackToSavepointAsync("record", ct);
            db.ChangeTracker.Clear();
            var reason = e is ValidationException v ? string.Join("；", v.Errors.Select(x => $"{x.Field}：{x.Message}")) : e.Message;
            report.Rejected.Add(new(location, line, reason));
            return false;
        }
    }
}
