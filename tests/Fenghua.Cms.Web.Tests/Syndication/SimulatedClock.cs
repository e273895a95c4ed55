namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>A clock that moves only when the test says so: waits and backoffs pass without the test sleeping.</summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _lock = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() { lock (_lock) return _now; }

    public void Advance(TimeSpan by) { lock (_lock) _now += by; }
}
