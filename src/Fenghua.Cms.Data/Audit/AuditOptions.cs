namespace Fenghua.Cms.Data.Audit;

/// <summary>Fenghua:Audit settings.</summary>
public sealed class AuditOptions
{
    /// <summary>The floor set by the issue and the inspection rules: entries are kept at least this long.</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>Entries younger than this are never deleted; values below 180 count as 180.</summary>
    public int RetentionDays { get; set; } = MinimumRetentionDays;

    public int EffectiveRetentionDays => Math.Max(MinimumRetentionDays, RetentionDays);
}
