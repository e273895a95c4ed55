using System.Text;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Editorial.Security;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>工作台: my drafts, waiting for my review, recently published, failed scheduled jobs; and the sites I can work on.</summary>
public static class DashboardPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, SitePermissions permissions)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ViewAdmin);
        var me = http.User.Identity!.Name!;
        var ct = http.RequestAborted;
        var latest = from i in db.ContentItems join v in db.ContentVersions on i.LatestVersionId equals v.Id select new { i, v };
        var drafts = await latest.Where(x => x.v.State == VersionState.Draft && (x.v.Author == me || x.i.CreatedBy == me)).Select(x => x.i).Take(20).ToListAsync(ct);
        var reviewing = await permissions.HasAsync(http.User, site.Id, Permission.Review, ct)
            ? await latest.Where(x => x.v.State == VersionState.InReview && x.v.Author != me).Select(x => x.i).Take(50).ToListAsync(ct) : [];
        var published = (await db.ContentItems.Where(i => i.PublishedVersionId != null).ToListAsync(ct)).OrderByDescending(i => i.PublishedUtc).Take(10).ToList();
        var failed = await db.ScheduledJobs.Where(j => j.State == ScheduledJobState.Failed).OrderByDescending(j => j.Id).Take(20).ToListAsync(ct);
        var sb = new StringBuilder();
        sb.Append($"<p class=\"site\">当前站点：<strong>{H(site.Name)}</strong></p>");
        var sites = await permissions.AdminSitesAsync(http.User, ct);
        var all = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        sb.Append("<p class=\"sites\">切换站点：");
        foreach (var s in all.Where(s => sites is null || sites.Contains(s.Id)))
            sb.Append($"<a href=\"{H(s.PathPrefix)}/admin\">{H(s.Name)}</a> ");
        sb.Append("</p>");
        sb.Append($"<p><a class=\"button\" href=\"{H(Base(http))}/admin/content/new\">写稿件</a></p>");
        Section(sb, http, "我的草稿", drafts.Select(i => (i, "")));
        Section(sb, http, "等待我审核", reviewing.Select(i => (i, "")));
        Section(sb, http, "最近发布", published.Select(i => (i, i.PublishedUtc is { } p ? ShanghaiTime.PubDate(p) : "")));
        sb.Append("<section><h2>定时任务失败</h2>");
        if (failed.Count == 0) sb.Append("<p class=\"empty\">无</p>");
        else
        {
            sb.Append("<ul>");
            foreach (var j in failed)
                sb.Append($"<li><a href=\"{H(Base(http))}/admin/content/{j.ContentItemId}\">稿件 {j.ContentItemId}</a> {(j.Action == ScheduledAction.Publish ? "定时发布" : "定时撤下")} {ShanghaiTime.PubDate(j.DueUtc)}：{H(j.Error)}</li>");
            sb.Append("</ul>");
        }
        sb.Append("</section>");
        return Page(http, "工作台", sb.ToString());
    }

    private static void Section(StringBuilder sb, HttpContext http, string title, IEnumerable<(ContentItem Item, string Note)> items)
    {
        var list = items.ToList();
        sb.Append($"<section><h2>{title}（{list.Count}）</h2>");
        if (list.Count == 0) { sb.Append("<p class=\"empty\">无</p></section>"); return; }
        sb.Append("<ul>");
        foreach (var (i, note) in list)
            sb.Append($"<li><a href=\"{H(Base(http))}/admin/content/{i.Id}\">{H(i.Title)}</a> <span class=\"muted\">{H(note)}</span></li>");
        sb.Append("</ul></section>");
    }
}
