namespace Fenghua.Cms.Editorial;

/// <summary>Settings under Fenghua:Editorial.</summary>
public sealed class EditorialOptions
{
    /// <summary>An admin session ends after this long without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Sign-in attempts allowed per client address per minute (on top of the per-account lockout).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a preview link stays valid.</summary>
    public int PreviewLinkMinutes { get; set; } = 60;

    /// <summary>
    /// Where editors reach the admin, for links in mail (e.g. "https://cms.fh.gov.cn"); a sub-site's path prefix is
    /// added. Empty: the site's registered domain (网站域名) over HTTPS.
    /// </summary>
    public string? AdminBaseUrl { get; set; }

    public int SchedulePollSeconds { get; set; } = 15;

    public TimeSpan SchedulePollInterval => TimeSpan.FromSeconds(Math.Max(1, SchedulePollSeconds));
}
