namespace Fenghua.Cms.Web.Tests.Syndication.Doubles;

/// <summary>Faults queued per endpoint; each is used by the next request to that endpoint.</summary>
public sealed class FaultPlan
{
    private readonly List<(string Endpoint, Fault Fault)> _queue = [];

    public void Add(string endpoint, Fault fault) { lock (_queue) _queue.Add((endpoint, fault)); }

    public Fault? Take(string endpoint)
    {
        lock (_queue)
        {
            var i = _queue.FindIndex(q => q.Endpoint == endpoint);
            if (i < 0) return null;
            var fault = _queue[i].Fault;
            _queue.RemoveAt(i);
            return fault;
        }
    }

    public int Pending { get { lock (_queue) return _queue.Count; } }
}
