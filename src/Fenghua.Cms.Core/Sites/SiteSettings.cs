namespace Fenghua.Cms.Core.Sites;

/// <summary>Per-site settings shown on every page (meta tags, footer) and used by the catalogue.</summary>
public sealed class SiteSettings
{
    /// <summary>SiteName meta tag, e.g. 宁波市奉化区人民政府.</summary>
    public string SiteName { get; set; } = "";

    /// <summary>SiteDomain meta tag, e.g. www.fh.gov.cn.</summary>
    public string SiteDomain { get; set; } = "";

    /// <summary>政府网站标识码: 6-digit area code + 4-digit serial for local governments.</summary>
    public string SiteIdCode { get; set; } = "";

    /// <summary>ICP 备案号.</summary>
    public string IcpNumber { get; set; } = "";

    /// <summary>公安机关备案号.</summary>
    public string PublicSecurityNumber { get; set; } = "";

    /// <summary>主办单位 shown in the footer.</summary>
    public string Organiser { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public string ContactAddress { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    /// <summary>索引号 prefix: the body's organisation or unified credit code.</summary>
    public string IndexNumberPrefix { get; set; } = "";

    public string LogoUrl { get; set; } = "";

    /// <summary>Theme colour of a department site (CSS colour).</summary>
    public string ThemeColor { get; set; } = "";
}
