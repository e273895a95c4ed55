using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Data.Editorial;

/// <summary>A reviewer's decision on one version: an approval at a level, a send-back, or an override of a blocking check.</summary>
public sealed class ReviewRecord : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int ContentItemId { get; set; }
    public int VersionId { get; set; }
    public ReviewAction Action { get; set; }

    /// <summary>1 = 初审, 2 = 终审; 0 for send-backs and overrides.</summary>
    public int Level { get; set; }

    public string Reviewer { get; set; } = "";
    public string Comment { get; set; } = "";
    public DateTimeOffset Utc { get; set; }
}

public enum ReviewAction
{
    Approve,
    SendBack,
    /// <summary>Blocking personal-data / sensitive-word findings accepted with a reason.</summary>
    OverrideChecks,
    /// <summary>A back-dated publish time accepted with a reason.</summary>
    AllowBackdate,
}
