using System.Net;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Web.Tests.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Editorial;

/// <summary>站群管理: only district administrators create, bind, disable sites and edit their identification settings.</summary>
public abstract partial class EditorialTests
{
    private async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string action, Dictionary<string, string> fields)
    {
        var (_, page) = await h.GetAsync(pageUrl, client);
        fields["__af"] = Antiforgery(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<Site> SiteAsync(string key)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Sites.AsNoTracking().SingleAsync(s => s.Key == key);
    }

    [SkippableFact]
    public async Task A_district_administrator_creates_edits_and_disables_a_site_and_bad_values_are_kept_and_named()
    {
        SkipWithoutStore();
        var siteAdmin = await SignedInAsync(await h.UserAsync("SiteAdministrator", "czj"));
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync("/czj/admin/sites", siteAdmin)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync("/czj/admin/sites/czj", siteAdmin)).Status);

        var client = await SignedInAsync(await h.UserAsync("DistrictAdministrator", null));
        var key = "s" + Guid.NewGuid().ToString("N")[..6];
        using (var bad = await PostFormAsync(client, "/admin/sites", "/admin/sites", new() { ["recipe"] = "department-site", ["key"] = "Bad Key", ["name"] = "区交通运输局", ["path"] = "/" + key }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("data-field=\"key\"", html);
            Assert.Contains("value=\"区交通运输局\"", html);
        }
        using (var created = await PostFormAsync(client, "/admin/sites", "/admin/sites", new() { ["recipe"] = "department-site", ["key"] = key, ["name"] = "宁波市奉化区交通运输局", ["path"] = "/" + key }))
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (status, home) = await h.GetAsync($"/{key}/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("宁波市奉化区交通运输局", home);

        var form = new Dictionary<string, string>
        {
            ["name"] = "宁波市奉化区交通运输局", ["enabled"] = "on", ["path"] = "/" + key, ["hostNames"] = "", ["theme"] = "Department",
            ["settings.siteIdCode"] = "12345", ["settings.icpNumber"] = "浙ICP备26012345号", ["settings.siteDomain"] = "www.fh.gov.cn",
        };
        var original = (await SiteAsync(key)).Settings.IcpNumber;
        using (var invalid = await PostFormAsync(client, $"/admin/sites/{key}", $"/admin/sites/{key}", new(form)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var html = await invalid.Content.ReadAsStringAsync();
            Assert.Contains("data-field=\"settings.siteIdCode\"", html);
            Assert.Contains("网站标识码“12345”无效", html);
            Assert.Contains("value=\"12345\"", html);                  // what was typed stays in the form
            Assert.Contains("value=\"浙ICP备26012345号\"", html);
        }
        Assert.Equal(original, (await SiteAsync(key)).Settings.IcpNumber); // and nothing was stored

        form["settings.siteIdCode"] = "3302830021";
        using (var saved = await PostFormAsync(client, $"/admin/sites/{key}", $"/admin/sites/{key}", new(form)))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var site = await SiteAsync(key);
        Assert.Equal("3302830021", site.Settings.SiteIdCode);
        Assert.Equal("浙ICP备26012345号", site.Settings.IcpNumber);
        await Eventually.WaitAsync(async () => (await h.GetAsync($"/{key}/")).Html, html => html.Contains("3302830021") && html.Contains("浙ICP备26012345号"), "页脚显示新的标识码和备案号");

        form.Remove("enabled");
        using (var disabled = await PostFormAsync(client, $"/admin/sites/{key}", $"/admin/sites/{key}", new(form)))
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        await Eventually.WaitAsync(async () => (await h.GetAsync($"/{key}/")).Status, s => s == HttpStatusCode.NotFound, "停用的站点前台 404");

        var audit = await AuditAsync($"site:{key}");
        Assert.Contains(audit, a => a.Action == "site.update" && a.Details.Contains("3302830021"));
        Assert.Contains(audit, a => a.Action == "site.update" && a.Details.Contains("停用"));
    }
}
