using Fenghua.Cms.Data.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fenghua.Cms.Search.Hosting;

/// <summary>
/// Keeps this node's index current: opens it (waiting while another process holds it), rebuilds it
/// from the store when it is missing or corrupt, then follows the outbox — woken right after a
/// local commit, and polling for commits made on other nodes. Not an <see cref="IOutboxConsumer"/>:
/// those run once per store, whereas every node keeps its own index.
/// </summary>
public sealed class SearchIndexFollower(SearchIndexHost host, OutboxSignal signal, ILogger<SearchIndexFollower> log) : BackgroundService
{
    /// <summary>Poll for other nodes' publications; well inside the 1 s publish-to-searchable goal.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan LockedRetry = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _wake = signal.Subscribe();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        var warnedLocked = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = PollInterval;
                try
                {
                    host.Open();
                    warnedLocked = false;
                    if (host.NeedsRebuild) await host.RebuildAsync(null, null, stoppingToken);
                    while (await host.CatchUpOnceAsync(stoppingToken) == SearchIndexHost.BatchSize) { }
                }
                catch (SearchIndexUnavailableException e)
                {
                    if (!warnedLocked) log.LogWarning("{Message} 每 {Seconds} 秒重试。", e.Message, LockedRetry.TotalSeconds);
                    warnedLocked = true;
                    wait = LockedRetry;
                }
                catch (Exception e)
                {
                    if (stoppingToken.IsCancellationRequested) return;
                    log.LogError(e, "搜索索引更新失败，稍后重试。");
                    wait = LockedRetry;
                }
                try { await _wake.WaitAsync(wait, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
        finally
        {
            // Uncommitted work is dropped; the next start resumes from the last committed sequence.
            host.Close();
        }
    }
}
