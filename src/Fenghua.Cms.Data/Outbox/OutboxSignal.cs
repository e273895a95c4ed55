namespace Fenghua.Cms.Data.Outbox;

/// <summary>Wakes the outbox readers right after a commit instead of waiting for their next poll.</summary>
public sealed class OutboxSignal
{
    private readonly List<SemaphoreSlim> _waiters = [];

    public SemaphoreSlim Subscribe()
    {
        var s = new SemaphoreSlim(0);
        lock (_waiters) _waiters.Add(s);
        return s;
    }

    public void Notify()
    {
        lock (_waiters)
            foreach (var s in _waiters)
                if (s.CurrentCount == 0) s.Release();
    }
}
