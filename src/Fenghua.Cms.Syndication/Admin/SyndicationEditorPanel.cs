using System.Text;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Syndication.Pushes;
using Fenghua.Cms.Syndication.Sharing;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>
/// “渠道与报送” beside the editor (after the media picker): the item's push status per channel (retry for a stopped one), where it was
/// submitted and how that was decided, and the form to submit it to another site. Shows only what the user may see
/// on the item's own site.
/// </summary>
public sealed class SyndicationEditorPanel(CmsDbContext db, ISitePermissions permissions, PushService pushes, ShareService shares, ShareTargets targets) : IContentEditorPanel
{
    public int Order => 20;

    public async Task<string> RenderAsync(HttpContext http, ContentItem item, ContentVersion latest, CancellationToken ct)
    {
        if (!await permissions.HasAsync(http.User, item.SiteId, Permission.ViewAdmin, ct)) return "";
        var canRetry = await permissions.HasAsync(http.User, item.SiteId, Permission.Publish, ct);
        var canSubmit = await permissions.HasAsync(http.User, item.SiteId, Permission.SubmitForReview, ct);
        var sb = new StringBuilder("<aside class=\"workflow syndication\" aria-labelledby=\"syndication-title\"><h2 id=\"syndication-title\">渠道与报送</h2>");

        sb.Append("<h3>新媒体推送</h3>");
        var part = latest.Part("Syndication");
        var chosen = SyndicationPart.Channels(part);
        if (chosen.Count > 0)
        {
            var names = await db.CrossSite<Channel>().AsNoTracking().Where(c => chosen.Contains(c.Id) && c.SiteId == item.SiteId)
                .Select(c => new { c.Name, c.Enabled }).ToListAsync(ct);
            sb.Append($"<p>推送设置：{H(string.Join("、", names.Select(n => n.Name + (n.Enabled ? "" : "（已停用）"))))}，第 {SyndicationPart.Round(part)} 轮。审核发布后每个渠道推送一次。</p>");
        }
        else sb.Append("<p class=\"muted\">本稿件未选择推送渠道。</p>");
        if (await permissions.HasAsync(http.User, item.SiteId, Permission.WriteDrafts, ct) && await PushSettingsPage.HasPartAsync(db, item, ct))
            sb.Append(await PushSettingsPage.FormAsync(http, db, item, latest));
        var list = await pushes.ForItemAsync(item.SiteId, item.Id, ct);
        if (list.Count > 0)
        {
            sb.Append("<ul class=\"pushes\">");
            foreach (var p in list)
            {
                sb.Append($"<li data-push=\"{p.Id}\" data-state=\"{p.State}\"><strong>{H(p.ChannelName)}</strong>（第 {p.Round} 轮）：{PushLabels.State(p.State, p.Attempts)}");
                if (p.State == PushState.Pending) sb.Append($" · {PushLabels.Step(p.Step, p.ChannelKind)}");
                if (p.Attempts > 0) sb.Append($" · 已尝试 {p.Attempts} 次");
                if (p.PostUrl is { Length: > 0 } url) sb.Append(" · ").Append(FormFields.SafeLink(url, "查看文章"));
                if (!string.IsNullOrEmpty(p.LastError)) sb.Append($"<br><small>{H(p.LastError)}</small>");
                if (p.State == PushState.Failed && canRetry) sb.Append(PushesPage.RetryButton(http, p.Id, back: "item"));
                sb.Append("</li>");
            }
            sb.Append("</ul>");
        }
        sb.Append($"<p><a href=\"{H(Base(http))}/admin/pushes\">全部推送记录</a></p>");

        sb.Append("<h3>信息报送</h3>");
        var submitted = await shares.ForItemAsync(item.SiteId, item.Id, ct);
        if (submitted.Count > 0)
        {
            sb.Append("<ul class=\"shares\">");
            foreach (var s in submitted)
                sb.Append($"<li data-share=\"{s.Id}\" data-state=\"{s.State}\">{H(s.TargetSite)} · {H(s.ColumnName)}：{ShareService.Display(s.State)}")
                  .Append(s.DecidedBy is null ? "" : "<br><small>" + SharesPage.Decision(s) + "</small>").Append("</li>");
            sb.Append("</ul>");
        }
        if (canSubmit) sb.Append(await ShareSubmitPage.FormAsync(http, targets, item, null, new HashSet<string>(), "share-target"));
        sb.Append("</aside>");
        return sb.ToString();
    }
}
