namespace Fenghua.Cms.Editorial;

/// <summary>Settings under Fenghua:Editorial.</summary>
public sealed class EditorialOptions
{
    /// <summary>An admin session ends after this long without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Sign-in attempts allowed per client address per minute (on top of the per-account lockout).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long the audit trail is kept at least; the admin search covers this window.</summary>
    public int AuditRetentionDays { get; set; } = 180;

    /// <summary>How long a preview link stays valid.</summary>
    public int PreviewLinkMinutes { get; set; } = 60;

    public int SchedulePollSeconds { get; set; } = 15;

    public TimeSpan SchedulePollInterval => TimeSpan.FromSeconds(Math.Max(1, SchedulePollSeconds));
}
