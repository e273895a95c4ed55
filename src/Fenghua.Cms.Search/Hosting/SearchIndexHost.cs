using Fenghua.Cms.Core.Outbox;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Outbox;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fenghua.Cms.Search.Hosting;

/// <summary>
/// The node's search index (one folder per node, all sites in it) and the one way to query it:
/// <see cref="Search"/>. Public pages, /api/search and other modules (the gazette) call this.
/// Writes — following the outbox, rebuilding — are serialized here; the index's sequence is the
/// last outbox record applied, committed with the documents, so a crash never loses a change.
/// </summary>
public sealed class SearchIndexHost(string indexPath, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchIndexHost> log) : IDisposable
{
    public const int BatchSize = 200;
    private static readonly HashSet<string> ContentKinds = [OutboxKinds.ContentPublished, OutboxKinds.ContentUnpublished, OutboxKinds.ContentDeleted];

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile SearchIndex? _index;

    public string IndexPath { get; } = indexPath;

    public bool IsOpen => _index is not null;

    /// <summary>True while the index is missing, corrupt or stale and waits for (or is in) a rebuild.</summary>
    public bool NeedsRebuild => _index?.NeedsRebuild ?? false;

    /// <summary>The outbox sequence the index has durably applied.</summary>
    public long LastAppliedSequence => _index?.LastAppliedSequence ?? 0;

    /// <summary>Opens the index folder; a missing or corrupt index opens empty with <see cref="NeedsRebuild"/> set.</summary>
    /// <exception cref="SearchIndexUnavailableException">another process (the web host, the CLI) holds the index's write lock.</exception>
    public void Open()
    {
        if (_index is not null) return;
        var busy = $"搜索索引 {IndexPath} 正被另一个进程（网站或命令行）使用。";
        System.IO.Directory.CreateDirectory(IndexPath);
        FileStream ownership;
        try
        {
            // Lucene's own write.lock does not exclude another process on Linux (measured: a CLI
            // rebuild ran beside the web host), so the host holds an exclusive OS file lock as well.
            ownership = new FileStream(Path.Combine(IndexPath, OwnershipFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new SearchIndexUnavailableException(busy, e);
        }
        try
        {
            var index = new SearchIndex(IndexPath);
            if (index.NeedsRebuild) log.LogWarning("搜索索引需要重建（{Reason}）：{Path}", index.NeedsRebuildReason, IndexPath);
            _ownership = ownership;
            _index = index;
        }
        catch (LockObtainFailedException e)
        {
            ownership.Dispose();
            throw new SearchIndexUnavailableException(busy, e);
        }
        catch
        {
            ownership.Dispose();
            throw;
        }
    }

    /// <summary>Held open with FileShare.None (an exclusive flock on Unix) while this process owns the index.</summary>
    private const string OwnershipFile = "fenghua-owner.lock";
    private FileStream? _ownership;

    /// <summary>Closes the index; changes not yet committed are discarded (they are re-applied from the outbox on the next open).</summary>
    public void Close()
    {
        _writeGate.Wait();
        try
        {
            var index = _index;
            _index = null;
            index?.Dispose();
            _ownership?.Dispose();
            _ownership = null;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs a query. Throws ArgumentException for parameters <see cref="SearchQuery.Validate"/> rejects.</summary>
    /// <exception cref="SearchIndexUnavailableException">the index is not open on this node.</exception>
    public SearchResult Search(SearchQuery query)
    {
        var index = Current();
        try
        {
            return index.Search(query);
        }
        catch (ObjectDisposedException e)
        {
            throw new SearchIndexUnavailableException("搜索索引正在关闭。", e);
        }
    }

    public SearchStats Stats() => Current().Stats();

    private SearchIndex Current() => _index ?? throw new SearchIndexUnavailableException("搜索索引尚未打开。");

    /// <summary>
    /// Applies the next batch of outbox records after <see cref="LastAppliedSequence"/>, refreshes the
    /// searcher and commits with the batch's last sequence. Returns how many records were read.
    /// </summary>
    public async Task<int> CatchUpOnceAsync(CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            var index = Current();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var batch = await OutboxReader.NextAsync(db, index.LastAppliedSequence, BatchSize, clock.GetUtcNow(), ct);
            if (batch.Count == 0) return 0;
            await ApplyAsync(index, db, batch, ct);
            // Searchable first (near-real-time reader), durable right after: the fsync of the commit
            // stays out of the publish-to-searchable path, and a crash between the two re-applies the batch.
            index.MaybeRefresh();
            index.Commit(batch[^1].Id);
            return batch.Count;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Applies records to the index without committing: visible to nothing until a commit and refresh,
    /// and lost on Close. The follower always commits right after; tests use this to stage a crash mid-batch.
    /// </summary>
    public async Task ApplyWithoutCommitAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await ApplyAsync(Current(), scope.ServiceProvider.GetRequiredService<CmsDbContext>(), batch, ct);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static async Task ApplyAsync(SearchIndex index, CmsDbContext db, IReadOnlyList<OutboxMessage> batch, CancellationToken ct)
    {
        // Each record only says "this item changed": its current state in the store decides.
        var itemIds = batch.Where(m => ContentKinds.Contains(m.Kind) && m.ContentItemId is not null)
            .Select(m => m.ContentItemId!.Value).Distinct().ToList();
        var source = new SearchSource(db);
        var docs = await source.LoadAsync(itemIds, ct);
        index.Upsert(docs);
        var present = docs.Select(d => d.Id).ToHashSet();
        index.Delete(itemIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Where(id => !present.Contains(id)));

        // A renamed site or a new path prefix changes every document's site name and URL.
        foreach (var siteId in batch.Where(m => m.Kind == OutboxKinds.SiteChanged && m.SiteId is not null).Select(m => m.SiteId!.Value).Distinct())
            await foreach (var page in source.AllPublishedAsync(siteId, BatchSize, ct))
                index.Upsert(page);
    }

    /// <summary>
    /// Rebuilds from the store: all sites (then the index follows the outbox from just before the
    /// rebuild started) or one site (the index keeps its position). Searches see the old documents
    /// until the rebuild commits. Returns the number of documents indexed.
    /// </summary>
    public async Task<int> RebuildAsync(string? siteKey, IProgress<RebuildProgress>? progress, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        var started = false;
        try
        {
            var index = Current();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            Site? site = null;
            if (siteKey is not null)
                site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == siteKey, ct)
                    ?? throw new ArgumentException($"站点“{siteKey}”不存在。", nameof(siteKey));
            // Read the position before the items: records after it are applied again, which is harmless.
            var resumeAt = site is null ? await SafeResumeSequenceAsync(db, ct) : index.LastAppliedSequence;
            var source = new SearchSource(db);
            var total = await source.CountPublishedAsync(site?.Id, ct);
            progress?.Report(new RebuildProgress(0, total));
            started = true;
            if (site is null) index.DeleteAll();
            else index.DeleteSite(site.Key);
            var done = 0;
            await foreach (var page in source.AllPublishedAsync(site?.Id, BatchSize, ct))
            {
                index.Upsert(page);
                done += page.Count;
                progress?.Report(new RebuildProgress(done, Math.Max(total, done)));
            }
            index.Commit(resumeAt);
            index.MaybeRefresh();
            log.LogInformation("搜索索引已重建：{Count} 篇（{Scope}）。", done, siteKey ?? "全部站点");
            return done;
        }
        catch when (started)
        {
            // Drop the half-done rebuild: reopen from the last commit (which still says NeedsRebuild if it did).
            ReopenAfterFailure();
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void ReopenAfterFailure()
    {
        var index = _index;
        if (index is null) return;
        _index = null;
        index.Dispose();
        try { _index = new SearchIndex(IndexPath); }
        catch (Exception e) when (e is not OutOfMemoryException) { log.LogError(e, "搜索索引重新打开失败：{Path}", IndexPath); }
    }

    /// <summary>
    /// The newest outbox sequence whose record is older than the outbox's gap timeout: a record
    /// newer than that may belong to a transaction that commits after the store was read.
    /// </summary>
    private async Task<long> SafeResumeSequenceAsync(CmsDbContext db, CancellationToken ct)
    {
        var recent = await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).Take(1000)
            .Select(m => new { m.Id, m.CreatedUtc }).ToListAsync(ct);
        if (recent.Count == 0) return 0;
        var cutoff = clock.GetUtcNow() - OutboxReader.GapTimeout;
        var settled = recent.FirstOrDefault(m => m.CreatedUtc < cutoff);
        return settled?.Id ?? Math.Max(0, recent[^1].Id - 1);
    }

    public void Dispose()
    {
        Close();
        _writeGate.Dispose();
    }
}
