using System.Text;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Syndication.Paging;
using Fenghua.Cms.Syndication.Sharing;
using Fenghua.Cms.Theming.Public;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>
/// /admin/shares (信息报送): submissions this site received, which its reviewers accept or decline with a comment,
/// and what this site submitted elsewhere with the decision. Permissions as in the API: reviewing needs Review on
/// the receiving site.
/// </summary>
public static class SharesPage
{
    /// <summary>Query names of the two lists' pages: "page" for the received (the reviewers' work), "outPage" for this site's own.</summary>
    private const string IncomingPage = "page", OutgoingPage = "outPage";

    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, ShareService shares, string? msg)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ViewAdmin);
        var errors = new List<(string Field, string Message)>();
        var pages = (PageNumber(http, IncomingPage, errors), PageNumber(http, OutgoingPage, errors));
        return errors.Count > 0
            ? await RenderAsync(http, site, db, shares, Errors(errors), null, null, (1, 1), 400)
            : await RenderAsync(http, site, db, shares, Notice(msg), null, null, pages, 200);
    }

    /// <summary>A page number from the address; a bad one is named by its parameter and the first page is shown.</summary>
    private static int PageNumber(HttpContext http, string name, List<(string Field, string Message)> errors)
    {
        try { return PageRequest.Parse(http.Request.Query[name], null, PageRequest.AdminPageSize).Page; }
        catch (ValidationException e)
        {
            errors.Add((name, e.Errors[0].Message));
            return 1;
        }
    }

    public static async Task<IResult> DecideAsync(int id, HttpContext http, CmsDbContext db, ShareService shares, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.Review);
        var targetSiteId = await db.CrossSite<ContentShare>().Where(s => s.Id == id).Select(s => (int?)s.SiteId).FirstOrDefaultAsync(http.RequestAborted)
            ?? throw new NotFoundException($"报送 {id} 不存在。");
        await ResourceSite.RequireAsync(http, site, targetSiteId, Permission.Review);
        var decision = form["decision"].ToString();
        var comment = form["comment"].ToString();
        try
        {
            ShareView view = decision switch
            {
                "accept" => await shares.AcceptAsync(targetSiteId, id, comment, AdminEndpoints.Actor(http), http.RequestAborted),
                "decline" => await shares.DeclineAsync(targetSiteId, id, comment, AdminEndpoints.Actor(http), http.RequestAborted),
                _ => throw new ValidationException([new("decision", $"处理方式“{decision}”无效：应为采用或不采用。")]),
            };
            var message = view.State == ShareState.Accepted
                ? $"已采用《{view.ItemTitle}》，已在栏目“{view.ColumnName}”列出（来源：{view.SourceSiteName}）。"
                : $"已不采用《{view.ItemTitle}》。";
            return Results.Redirect(FormFields.Redirect(http, "/admin/shares", message));
        }
        catch (ValidationException e)
        {
            return await RenderAsync(http, site, db, shares, Errors(AdminEndpoints.ErrorsOf(e)), id, comment, (1, 1), 400);
        }
    }

    private static async Task<IResult> RenderAsync(HttpContext http, Site site, CmsDbContext db, ShareService shares, string top, int? typedShare, string? typedComment,
        (int Incoming, int Outgoing) pages, int status)
    {
        var b = H(Base(http));
        var ct = http.RequestAborted;
        var canReview = await ResourceSite.HasAsync(http, site.Id, Permission.Review);
        var incomingPage = canReview ? await shares.IncomingPageAsync(site.Id, null, new PageRequest(pages.Incoming, PageRequest.AdminPageSize), waitingFirst: true, ct) : null;
        var incoming = incomingPage?.Items ?? [];
        var outgoingPage = await shares.OutgoingPageAsync(site.Id, new PageRequest(pages.Outgoing, PageRequest.AdminPageSize), ct);
        var outgoing = outgoingPage.Items;
        var links = await PublicLinksAsync(db, incoming.Select(s => s.SourceItemId), ct);
        var sb = new StringBuilder(top);

        sb.Append("<section><h2>收到的报送</h2>");
        if (!canReview) sb.Append("<p class=\"muted\">只有本站审核人和管理员可以处理收到的报送。</p>");
        else if (incomingPage!.Total == 0) sb.Append("<p class=\"empty\">没有收到报送。</p>");
        else
        {
            sb.Append("<table class=\"list shares incoming\"><thead><tr><th>稿件</th><th>来源</th><th>报送到栏目</th><th>报送人 / 时间</th><th>状态</th><th>处理</th></tr></thead><tbody>");
            foreach (var s in incoming)
            {
                var title = links.TryGetValue(s.SourceItemId, out var href) ? $"<a href=\"{H(href)}\" target=\"_blank\" rel=\"noopener\">{H(s.ItemTitle)}</a>" : H(s.ItemTitle);
                sb.Append($"<tr data-share=\"{s.Id}\" data-state=\"{s.State}\"><td>{title}</td><td>{H(s.SourceSiteName)}</td><td>{H(s.ColumnName)}（{H(s.ColumnPath)}）</td>");
                sb.Append($"<td>{H(s.SubmittedBy)}<br><small>{ShanghaiTime.PubDate(s.SubmittedUtc)}</small></td><td>{ShareService.Display(s.State)}</td><td>");
                if (s.State == ShareState.Submitted)
                {
                    var comment = typedShare == s.Id ? typedComment : "";
                    sb.Append($"<form method=\"post\" action=\"{b}/admin/shares/{s.Id}/decide\">{Antiforgery(http)}");
                    sb.Append($"<label for=\"comment-{s.Id}\">意见（可不填，最多 {ShareService.MaxCommentLength} 字）</label>");
                    sb.Append($"<textarea id=\"comment-{s.Id}\" name=\"comment\" rows=\"2\"{(typedShare == s.Id && status == 400 ? " aria-invalid=\"true\" class=\"invalid\"" : "")}>{H(comment)}</textarea>");
                    sb.Append("<p><button type=\"submit\" name=\"decision\" value=\"accept\">采用</button> <button type=\"submit\" name=\"decision\" value=\"decline\" class=\"reject\">不采用</button></p></form>");
                }
                else sb.Append(Decision(s));
                sb.Append("</td></tr>");
            }
            sb.Append("</tbody></table>");
            sb.Append(Pager.Html(http, "/admin/shares", incomingPage, IncomingPage, [(OutgoingPage, Keep(pages.Outgoing))], "条"));
        }
        sb.Append("</section>");

        sb.Append("<section><h2>本站报送</h2><p class=\"muted\">在稿件编辑页右侧“渠道与报送”中，可把已发布的稿件报送到其他站点接收该类稿件的栏目。</p>");
        if (outgoingPage.Total == 0) sb.Append("<p class=\"empty\">本站尚未报送稿件。</p>");
        else
        {
            sb.Append("<table class=\"list shares outgoing\"><thead><tr><th>稿件</th><th>报送到</th><th>报送人 / 时间</th><th>状态</th><th>处理</th></tr></thead><tbody>");
            foreach (var s in outgoing)
                sb.Append($"<tr data-share=\"{s.Id}\" data-state=\"{s.State}\"><td><a href=\"{b}/admin/content/{s.SourceItemId}\">{H(s.ItemTitle)}</a></td>")
                  .Append($"<td>{H(s.TargetSite)} · {H(s.ColumnName)}（{H(s.ColumnPath)}）</td><td>{H(s.SubmittedBy)}<br><small>{ShanghaiTime.PubDate(s.SubmittedUtc)}</small></td>")
                  .Append($"<td>{ShareService.Display(s.State)}</td><td>{Decision(s)}</td></tr>");
            sb.Append("</tbody></table>");
            sb.Append(Pager.Html(http, "/admin/shares", outgoingPage, OutgoingPage, [(IncomingPage, Keep(pages.Incoming))], "条"));
        }
        sb.Append("</section>");
        return Page(http, $"信息报送 · {site.Name}", sb.ToString(), status);
    }

    /// <summary>The other list's page, kept in the links only when it is not the first.</summary>
    private static string? Keep(int page) => page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    public static string Decision(ShareView s) => s.DecidedBy is null ? ""
        : $"{H(s.DecidedBy)}{(s.DecidedUtc is { } at ? " · " + ShanghaiTime.PubDate(at) : "")}{(s.Comment.Length > 0 ? "<br>意见：" + H(s.Comment) : "")}";

    /// <summary>The source items' public pages (a reviewer reads what was offered there), for the ones still published.</summary>
    private static async Task<Dictionary<int, string>> PublicLinksAsync(CmsDbContext db, IEnumerable<int> itemIds, CancellationToken ct)
    {
        var ids = itemIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var items = await db.CrossSite<ContentItem>().AsNoTracking().Where(i => ids.Contains(i.Id) && i.PublishedVersionId != null && i.PublicPath != null && !i.IsDeleted)
            .Select(i => new { i.Id, i.SiteId, i.PublicPath }).ToListAsync(ct);
        var all = await db.Sites.AsNoTracking().ToListAsync(ct);
        var sites = all.ToDictionary(s => s.Id);
        var portal = SiteLinks.Portal(all);
        return items.ToDictionary(i => i.Id, i => SiteLinks.ToPage(sites[i.SiteId], i.PublicPath!, portal));
    }
}
