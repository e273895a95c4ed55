using System.Net;
using Fenghua.Cms.Editorial.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Editorial;

public abstract partial class EditorialTests
{
    [SkippableFact]
    public async Task A_draft_is_previewed_in_its_sites_theme_only_with_an_untampered_signed_link()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "portal");
        var id = await h.CreateAsync(author, "portal", "Notice", "tzgg", "尚未发布的预览稿件", "这是**草稿**正文。");
        var item = await ItemAsync(id);
        string token;
        await using (var scope = factory.Scope())
            token = scope.ServiceProvider.GetRequiredService<PreviewLinks>().Create(item.LatestVersionId);
        Assert.True(token.Length > 40);

        using var response = await h.Client().GetAsync($"/admin/preview/{Uri.EscapeDataString(token)}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("尚未发布的预览稿件", html);
        Assert.Contains("<strong>草稿</strong>", html);
        Assert.Contains("<meta name=\"SiteName\"", html);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());

        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/admin/preview/{Uri.EscapeDataString(tampered)}")).Status);
        // The same link under another site's prefix shows nothing of this site.
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/czj/admin/preview/{Uri.EscapeDataString(token)}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync("/admin/preview/not-a-token")).Status);
    }
}
