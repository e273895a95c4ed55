namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>Fenghua:Syndication settings: how the push worker polls, retries and waits for platforms.</summary>
public sealed class PushOptions
{
    /// <summary>Run the background worker on this node.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for due pushes.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long to wait before asking WeChat again whether a publication finished.</summary>
    public double PublishPollSeconds { get; set; } = 30;

    /// <summary>First retry delay; doubled on each further attempt, at most one hour.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    /// <summary>After this many transient failures in a row the push stops and the editor is told.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long one node holds a push while taking a step.</summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>
    /// After a publishing call whose answer was lost, how long the platform's list of publications is checked
    /// (with the usual backoff) before the call may be sent again: a publication still under way is not listed yet.
    /// </summary>
    public double LostAnswerWaitSeconds { get; set; } = 600;

    /// <summary>Timeout of one platform request; a slower answer counts as a transient failure.</summary>
    public double RequestTimeoutSeconds { get; set; } = 30;

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
