using System.Text.RegularExpressions;

namespace Fenghua.Cms.Core.Sites;

/// <summary>Rules a site must satisfy; each error names the field.</summary>
public static partial class SiteRules
{
    public static IEnumerable<ValidationError> Validate(Site site)
    {
        if (!KeyPattern().IsMatch(site.Key))
            yield return new("key", $"站点标识“{site.Key}”无效：只能使用 2–20 位小写字母或数字，以字母开头。");
        if (string.IsNullOrWhiteSpace(site.Name))
            yield return new("name", "站点名称不能为空。");
        if (site.PathPrefix.Length > 0 && !PrefixPattern().IsMatch(site.PathPrefix))
            yield return new("path", $"路径前缀“{site.PathPrefix}”无效：应形如 /czj（斜杠加小写字母或数字）。");
        foreach (var host in site.HostNames)
            if (!HostPattern().IsMatch(host))
                yield return new("hostNames", $"域名“{host}”无效。");
        if (site.Settings.SiteDomain.Length > 0 && !HostPattern().IsMatch(site.Settings.SiteDomain))
            yield return new("settings.siteDomain", $"网站域名“{site.Settings.SiteDomain}”无效：应形如 www.fh.gov.cn（不带 http:// 和路径）。");
        if (site.Settings.ThemeColor.Length > 0 && !IsColor(site.Settings.ThemeColor))
            yield return new("settings.themeColor", $"主题色“{site.Settings.ThemeColor}”无效：应为 #RRGGBB。");
        var code = site.Settings.SiteIdCode;
        if (code.Length > 0 && !IdCodePattern().IsMatch(code))
            yield return new("settings.siteIdCode", $"网站标识码“{code}”无效：应为 10 位数字（6 位行政区划代码 + 4 位序号）。");
    }

    public static bool IsColor(string? value) => value is not null && ColorPattern().IsMatch(value);

    /// <summary>Normalises "/czj/" and "czj" to "/czj".</summary>
    public static string NormalizePrefix(string? prefix)
    {
        var p = (prefix ?? "").Trim().Trim('/');
        return p.Length == 0 ? "" : "/" + p.ToLowerInvariant();
    }

    [GeneratedRegex("^[a-z][a-z0-9]{1,19}$")] private static partial Regex KeyPattern();
    [GeneratedRegex("^/[a-z0-9][a-z0-9-]{0,39}$")] private static partial Regex PrefixPattern();
    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$")] private static partial Regex HostPattern();
    [GeneratedRegex(@"^\d{10}$")] private static partial Regex IdCodePattern();
    [GeneratedRegex("^#[0-9a-fA-F]{6}$")] private static partial Regex ColorPattern();
}
