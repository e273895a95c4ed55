namespace Fenghua.Cms.Core.Sites;

/// <summary>A tenant of the site group: the district portal or a department / town sub-site.</summary>
public sealed class Site
{
    public int Id { get; set; }

    /// <summary>Short stable key, lower-case letters and digits (portal, czj, fgj...).</summary>
    public string Key { get; set; } = "";

    /// <summary>Chinese display name, e.g. 宁波市奉化区财政局.</summary>
    public string Name { get; set; } = "";

    /// <summary>Host names bound to the site (sub-domains of the portal in production).</summary>
    public List<string> HostNames { get; set; } = [];

    /// <summary>Path prefix such as "/czj"; empty for a site served at the root.</summary>
    public string PathPrefix { get; set; } = "";

    public string Theme { get; set; } = "Portal";

    public bool Enabled { get; set; } = true;

    public SiteSettings Settings { get; set; } = new();

    public DateTimeOffset CreatedUtc { get; set; }
}
