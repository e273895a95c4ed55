using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Core.Tests;

public class SiteRulesTests
{
    [Fact]
    public void A_valid_site_passes() =>
        Assert.Empty(SiteRules.Validate(new Site { Key = "jyj", Name = "区教育局", PathPrefix = "/jyj", Settings = new() { SiteIdCode = "3302830001", ThemeColor = "#123abc" } }));

    [Theory]
    [InlineData("JYJ", "区教育局", "/jyj", "3302830001", "key")]
    [InlineData("jyj", "", "/jyj", "3302830001", "name")]
    [InlineData("jyj", "区教育局", "/J Y", "3302830001", "path")]
    [InlineData("jyj", "区教育局", "/jyj", "33028", "settings.siteIdCode")]
    public void Each_broken_rule_names_its_field(string key, string name, string prefix, string code, string field)
    {
        var errors = SiteRules.Validate(new Site { Key = key, Name = name, PathPrefix = prefix, Settings = new() { SiteIdCode = code } }).ToList();
        Assert.Contains(errors, e => e.Field == field);
    }

    [Theory]
    [InlineData("/czj/", "/czj")]
    [InlineData("czj", "/czj")]
    [InlineData("", "")]
    [InlineData("/", "")]
    public void Prefixes_are_normalised(string input, string expected) => Assert.Equal(expected, SiteRules.NormalizePrefix(input));
}
