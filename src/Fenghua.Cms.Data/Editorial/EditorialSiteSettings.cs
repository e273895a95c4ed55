using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Data.Editorial;

/// <summary>How a site reviews before publishing: one or two levels (初审/终审), its sensitive words, whether two-factor sign-in is mandatory.</summary>
public sealed class EditorialSiteSettings : ISiteOwned
{
    public int SiteId { get; set; }

    /// <summary>1 = one review (审核); 2 = 初审 then 终审 by a different reviewer.</summary>
    public int ReviewLevels { get; set; } = 1;

    /// <summary>One whole phrase a line, as the administrator typed it.</summary>
    public string SensitiveWords { get; set; } = "";

    public bool RequireTwoFactor { get; set; }
}
