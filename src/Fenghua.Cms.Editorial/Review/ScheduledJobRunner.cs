using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Outbox;
using Fenghua.Cms.Data.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fenghua.Cms.Editorial.Review;

/// <summary>
/// Carries out scheduled publish/unpublish jobs. Jobs live in the store, so a restart only delays them; each job
/// is claimed with a conditional update, so on several nodes one node runs it. A failure is recorded on the job
/// and mailed to the site's administrators.
/// </summary>
public sealed class ScheduledJobRunner(IServiceScopeFactory scopes, TimeProvider clock, EditorialOptions options, ILogger<ScheduledJobRunner> log) : PollingWorker
{
    protected override TimeProvider Clock => clock;

    protected override ILogger Log => log;

    protected override TimeSpan PollInterval => options.SchedulePollInterval;

    protected override string FailureMessage => "定时任务轮询失败，稍后重试。";

    protected override Task RunPassAsync(CancellationToken ct) => RunDueAsync(clock.GetUtcNow(), ct);

    /// <summary>Runs every pending job due at <paramref name="now"/>; returns how many ran (done or failed).</summary>
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            // DateTimeOffset comparisons are not translated by SQLite; the pending set is small, so filter here.
            var pending = await db.ScheduledJobs.AsNoTracking().Where(j => j.State == ScheduledJobState.Pending).ToListAsync(ct);
            due = pending.Where(j => j.DueUtc <= now).OrderBy(j => j.DueUtc).Select(j => j.Id).ToList();
        }
        var ran = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var claimed = await db.ScheduledJobs.Where(j => j.Id == id && j.State == ScheduledJobState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ScheduledJobState.Running), ct);
            if (claimed == 0) continue;
            var job = await db.ScheduledJobs.FirstAsync(j => j.Id == id, ct);
            string? error = null;
            try { await scope.ServiceProvider.GetRequiredService<EditorialWorkflow>().RunJobAsync(job, ct); }
            catch (Exception e) when (e is Core.ValidationException or ChecksBlockedException or NotFoundException)
            {
                error = e is Core.ValidationException v ? string.Join("；", v.Errors.Select(x => x.Message))
                    : e is ChecksBlockedException c ? e.Message + string.Join("；", c.Findings.Select(f => f.Message)) : e.Message;
            }
            db.ChangeTracker.Clear();
            var done = await db.ScheduledJobs.FirstAsync(j => j.Id == id, ct);
            done.State = error is null ? ScheduledJobState.Done : ScheduledJobState.Failed;
            done.Error = error is { Length: > 2000 } ? error[..2000] : error;
            done.CompletedUtc = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            if (error is not null)
            {
                var title = await db.CrossSite<Core.Content.ContentItem>().Where(i => i.Id == job.ContentItemId).Select(i => i.Title).FirstOrDefaultAsync(ct) ?? "";
                await scope.ServiceProvider.GetRequiredService<ReviewNotifier>().JobFailedAsync(job.SiteId, job.ContentItemId, title, job.Action == ScheduledAction.Publish ? "定时发布" : "定时撤下", error, ct);
            }
            ran++;
        }
        return ran;
    }
}
