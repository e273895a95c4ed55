using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fenghua.Cms.Data.Outbox;

/// <summary>
/// The loop every background worker of the product shares: run one pass, log a failure without stopping, then wait
/// for the next poll — or, for workers given an <see cref="OutboxSignal"/>, until a commit wakes them. Workers without
/// a signal wait on the <see cref="TimeProvider"/>, so tests can move time instead of sleeping.
/// </summary>
public abstract class PollingWorker : BackgroundService
{
    protected abstract TimeProvider Clock { get; }

    protected abstract ILogger Log { get; }

    /// <summary>Wakes the worker after a commit; null to poll only.</summary>
    protected virtual OutboxSignal? Signal => null;

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>What the log says when a pass fails (Chinese, for the operators).</summary>
    protected abstract string FailureMessage { get; }

    protected virtual bool Enabled => true;

    protected abstract Task RunPassAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        // Subscribe before the first pass, so a commit during it still wakes the next wait.
        var wake = Signal?.Subscribe();
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RunPassAsync(stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested) { Log.LogError(e, "{Failure}", FailureMessage); }
            try
            {
                if (wake is not null) await wake.WaitAsync(PollInterval, stoppingToken);
                else await Task.Delay(PollInterval, Clock, stoppingToken);
            }
            catch (OperationCanceledException) { return; }
        }
    }
}
