using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Outbox;
using Fenghua.Cms.Data.Syndication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>
/// The background worker: takes due pushes step by step. Stopping it at any point (a crash, a
/// deploy) loses nothing; the next worker, here or on another node, resumes from the stored step.
/// </summary>
public sealed class PushWorker(IServiceScopeFactory scopes, PushOptions options, TimeProvider clock, ILogger<PushWorker> log) : PollingWorker
{
    protected override bool Enabled => options.WorkerEnabled;

    protected override TimeProvider Clock => clock;

    protected override ILogger Log => log;

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(options.PollSeconds);

    protected override string FailureMessage => "推送处理失败，稍后重试。";

    protected override Task RunPassAsync(CancellationToken ct) => RunDueAsync(ct);

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
