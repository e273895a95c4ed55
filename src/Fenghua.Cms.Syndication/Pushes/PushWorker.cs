using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Syndication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>
/// The background worker: takes due pushes step by step. Stopping it at any point (a crash, a
/// deploy) loses nothing; the next worker, here or on another node, resumes from the stored step.
/// </summary>
public sealed class PushWorker(IServiceScopeFactory scopes, PushOptions options, TimeProvider clock, ILogger<PushWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WorkerEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RunDueAsync(stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested) { log.LogError(e, "推送处理失败，稍后重试。"); }
            try { await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Runs every due push until it waits (backoff, polling) or ends; returns the number of steps taken.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var steps = 0;
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var now = clock.GetUtcNow();
            due = await db.CrossSite<ChannelPush>().AsNoTracking()
                .Where(p => p.State == PushState.Pending && p.NextAttemptUtc <= now && (p.LeaseUntilUtc == null || p.LeaseUntilUtc < now))
                .OrderBy(p => p.NextAttemptUtc).Select(p => p.Id).Take(20).ToListAsync(ct);
        }
        foreach (var id in due)
        {
            for (var more = true; more && !ct.IsCancellationRequested;)
            {
                // A fresh scope per step, as a restarted worker would have.
                await using var scope = scopes.CreateAsyncScope();
                more = await scope.ServiceProvider.GetRequiredService<PushProcessor>().StepAsync(id, ct);
                steps++;
                if (more)
                {
                    var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
                    var now = clock.GetUtcNow();
                    more = await db.CrossSite<ChannelPush>().AnyAsync(p => p.Id == id && p.NextAttemptUtc <= now, ct);
                }
            }
        }
        return steps;
    }
}
