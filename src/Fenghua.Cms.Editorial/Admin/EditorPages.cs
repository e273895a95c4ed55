using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Editorial.Api;
using Fenghua.Cms.Editorial.Checks;
using Fenghua.Cms.Editorial.Review;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>The editor: create, edit, autosave, and the workflow buttons with the check results beside them.</summary>
public static class EditorPages
{
    public static async Task<IResult> NewAsync(HttpContext http, CmsDbContext db, string? type)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.WriteDrafts);
        var types = await db.ContentTypes.AsNoTracking().OrderBy(t => t.Id).ToListAsync(http.RequestAborted);
        var def = types.FirstOrDefault(t => t.Name == type);
        if (def is null)
        {
            var sb = new StringBuilder("<p>选择要写的内容类型：</p><ul class=\"types\">");
            foreach (var t in types) sb.Append($"<li><a href=\"{H(Base(http))}/admin/content/new?type={Uri.EscapeDataString(t.Name)}\">{H(t.DisplayName)}</a></li>");
            return Page(http, $"写稿件 · {site.Name}", sb.Append("</ul>").ToString());
        }
        return await RenderAsync(http, db, null, null, def, [], "", "", [], [], null, 200);
    }

    public static async Task<IResult> CreateAsync(HttpContext http, CmsDbContext db, EditorialWorkflow wf, IFormCollection form)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.WriteDrafts);
        var def = await db.ContentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Name == form["type"].ToString(), http.RequestAborted);
        if (def is null) return Page(http, "写稿件", Errors([("type", "请选择内容类型。")]), 400);
        var parts = EditorFields.Read(def, form, null);
        var slug = form["slug"].ToString().Trim();
        var column = form["column"].ToString();
        try
        {
            var draft = new ContentDraft(site.Id, def.Name, parts)
            {
                ColumnId = int.TryParse(column, out var c) ? c : null, Slug = slug.Length == 0 ? null : slug,
            };
            var item = await wf.CreateAsync(http.User, draft, AdminEndpoints.Actor(http), http.RequestAborted);
            var message = "已保存草稿。";
            if (form["intent"] == "submit")
            {
                try
                {
                    await wf.SubmitAsync(http.User, item.Id, form["leaveToReviewer"] == "on", AdminEndpoints.Actor(http), http.RequestAborted);
                    message = "已保存并提交审核。";
                }
                catch (ChecksBlockedException e)
                {
                    // The draft is saved; the editor page lists every finding with its position.
                    message = $"已保存草稿，但未能提交：{e.Message}";
                }
            }
            return Results.Redirect($"{Base(http)}/admin/content/{item.Id}?msg={Uri.EscapeDataString(message)}");
        }
        catch (ValidationException e)
        {
            return await RenderAsync(http, db, null, null, def, parts, column, slug, AdminEndpoints.ErrorsOf(e), [], null, 400);
        }
    }

    public static async Task<IResult> EditAsync(int id, HttpContext http, CmsDbContext db, EditorialWorkflow wf, PrePublicationChecks checks, TimeProvider clock, string? msg)
    {
        var item = await wf.AuthorizeAsync(http.User, id, Permission.ViewAdmin, http.RequestAborted);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, http.RequestAborted);
        var def = await db.ContentTypes.AsNoTracking().FirstAsync(t => t.Name == item.ContentType, http.RequestAborted);
        var findings = await checks.RunAsync(item, latest, null, clock.GetUtcNow(), http.RequestAborted);
        return await RenderAsync(http, db, item, latest, def, latest.Parts, item.ColumnId?.ToString(CultureInfo.InvariantCulture) ?? "", item.Slug, [], findings, msg, 200);
    }

    public static async Task<IResult> SaveAsync(int id, HttpContext http, CmsDbContext db, EditorialWorkflow wf, PrePublicationChecks checks, TimeProvider clock, IFormCollection form)
    {
        var item = await wf.AuthorizeAsync(http.User, id, Permission.WriteDrafts, http.RequestAborted);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, http.RequestAborted);
        var def = await db.ContentTypes.AsNoTracking().FirstAsync(t => t.Name == item.ContentType, http.RequestAborted);
        var parts = EditorFields.Read(def, form, latest.Parts);
        try
        {
            await wf.SaveAsync(http.User, id, parts, AdminEndpoints.Actor(http), http.RequestAborted);
            if (form["intent"] == "submit")
            {
                await wf.SubmitAsync(http.User, id, form["leaveToReviewer"] == "on", AdminEndpoints.Actor(http), http.RequestAborted);
                return Results.Redirect($"{Base(http)}/admin/content/{id}?msg={Uri.EscapeDataString("已提交审核。")}");
            }
            return Results.Redirect($"{Base(http)}/admin/content/{id}?msg={Uri.EscapeDataString("已保存草稿。")}");
        }
        catch (Exception e) when (e is ValidationException or ChecksBlockedException)
        {
            item = await db.ContentItems.AsNoTracking().FirstAsync(i => i.Id == id, http.RequestAborted);
            latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, http.RequestAborted);
            var findings = e is ChecksBlockedException c ? c.Findings : await checks.RunAsync(item, latest, null, clock.GetUtcNow(), http.RequestAborted);
            return await RenderAsync(http, db, item, latest, def, parts, form["column"].ToString(), form["slug"].ToString(), AdminEndpoints.ErrorsOf(e), findings, null, 400);
        }
    }

    /// <summary>Autosave (admin.js, every 30 s while changed): saves only over a draft, never starts a new version.</summary>
    public static async Task<IResult> AutosaveAsync(int id, HttpContext http, CmsDbContext db, EditorialWorkflow wf, TimeProvider clock, IFormCollection form)
    {
        var item = await wf.AuthorizeAsync(http.User, id, Permission.WriteDrafts, http.RequestAborted);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, http.RequestAborted);
        if (latest.State != VersionState.Draft)
            return Results.Json(new { saved = false, message = "当前版本不是草稿，未自动保存；请点“保存草稿”生成新版本。" }, statusCode: 409);
        var def = await db.ContentTypes.AsNoTracking().FirstAsync(t => t.Name == item.ContentType, http.RequestAborted);
        try
        {
            await wf.SaveAsync(http.User, id, EditorFields.Read(def, form, latest.Parts), AdminEndpoints.Actor(http), http.RequestAborted);
            return Results.Json(new { saved = true, message = $"已自动保存 {ShanghaiTime.ToLocal(clock.GetUtcNow()):HH:mm:ss}" });
        }
        catch (ValidationException e)
        {
            return Results.Json(new { saved = false, message = "未自动保存：" + e.Errors[0].Message, field = e.Errors[0].Field }, statusCode: 400);
        }
    }

    /// <summary>
    /// 撤下 and 删除草稿 from the editor: the page the buttons lead to, naming the item, its state and its address;
    /// its button posts the action with <c>confirm=1</c>. Other actions have no such page.
    /// </summary>
    public static async Task<IResult> ConfirmAsync(int id, string action, HttpContext http, CmsDbContext db, EditorialWorkflow wf)
    {
        if (action is not ("unpublish" or "delete")) return Results.NotFound();
        var ct = http.RequestAborted;
        var item = await wf.AuthorizeAsync(http.User, id, action == "unpublish" ? Permission.Publish : Permission.WriteDrafts, ct);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
        var b = Base(http);
        var label = action == "unpublish" ? "撤下" : "删除草稿";
        var sb = new StringBuilder($"<p>要{label}的稿件：<strong>{H(item.Title)}</strong>（稿件 {item.Id} · 版本 {latest.Number} · {Workflow.DisplayName(latest.State)}）");
        sb.Append(item.PublicPath is not null && item.PublishedVersionId is not null ? $"，公开地址 <a href=\"/{H(item.PublicPath)}\">/{H(item.PublicPath)}</a>。</p>" : "，尚未公开。</p>");
        sb.Append(action == "unpublish"
            ? "<p>撤下后公开页面立即不能访问，稿件和全部版本保留，可重新审核发布。</p>"
            : "<p>删除后稿件从后台列表中消失，不能在后台恢复；只有从未发布的草稿能删除。</p>");
        sb.Append(ConfirmationForm.Render(http, $"{b}/admin/content/{item.Id}/do/{action}", [], $"确认{label}“{item.Title}”", $"{b}/admin/content/{item.Id}", "取消，返回编辑"));
        return Page(http, $"{label} · {item.Title}", sb.ToString());
    }

    public static async Task<IResult> ActAsync(int id, string action, HttpContext http, CmsDbContext db, EditorialWorkflow wf, PrePublicationChecks checks, TimeProvider clock, IFormCollection form)
    {
        // Taking an item off the site or deleting it waits for the confirmation page's POST.
        if (action is "unpublish" or "delete" && !ConfirmationForm.IsConfirmed(form)) return await ConfirmAsync(id, action, http, db, wf);
        var actor = AdminEndpoints.Actor(http);
        var ct = http.RequestAborted;
        string message;
        try
        {
            switch (action)
            {
                case "submit":
                    await wf.SubmitAsync(http.User, id, form["leaveToReviewer"] == "on", actor, ct);
                    message = "已提交审核。";
                    break;
                case "mask":
                    var masked = await wf.MaskAsync(http.User, id, actor, ct);
                    message = $"已脱敏，生成版本 {masked.Number}（草稿）。";
                    break;
                case "approve":
                    var outcome = await wf.ApproveAsync(http.User, id, form["comment"].ToString(), LocalTime(form, "publishAt"), form["backdateReason"], actor, ct);
                    message = outcome.Published ? "审核通过，已发布。" : outcome.Level < outcome.Levels ? "初审通过，等待终审。" : "审核通过，将按定时发布。";
                    break;
                case "reject":
                    await wf.SendBackAsync(http.User, id, form["comment"].ToString(), actor, ct);
                    message = "已退回修改。";
                    break;
                case "override":
                    await wf.OverrideAsync(http.User, id, form["reason"].ToString(), actor, ct);
                    message = "已记录放行理由。";
                    break;
                case "publish":
                    await wf.PublishAsync(http.User, id, LocalTime(form, "publishAt"), form["backdateReason"], actor, ct);
                    message = "已发布。";
                    break;
                case "unpublish":
                    await wf.UnpublishAsync(http.User, id, actor, ct);
                    message = "已撤下。";
                    break;
                case "schedule":
                    var at = LocalTime(form, "at") ?? throw new ValidationException([new("at", "请填写定时时间（北京时间）。")]);
                    var job = await wf.ScheduleAsync(http.User, id, form["scheduleAction"] == "unpublish" ? ScheduledAction.Unpublish : ScheduledAction.Publish, at, actor, ct);
                    message = $"已设定于 {ShanghaiTime.PubDate(job.DueUtc)} {(job.Action == ScheduledAction.Publish ? "发布" : "撤下")}。";
                    break;
                case "move":
                    await wf.MoveAsync(http.User, id, int.TryParse(form["column"], out var columnId) ? columnId : 0, actor, ct);
                    message = "已移动到新栏目。";
                    break;
                case "delete":
                    await wf.DeleteDraftAsync(http.User, id, actor, ct);
                    return Results.Redirect($"{Base(http)}/admin/content?msg={Uri.EscapeDataString($"已删除草稿（稿件 {id}）。")}");
                case "restore":
                    var restored = await wf.RestoreAsync(http.User, id, int.TryParse(form["version"], out var n) ? n : 0, actor, ct);
                    message = $"已恢复为新草稿（版本 {restored.Number}）。";
                    break;
                default:
                    return Results.NotFound();
            }
        }
        catch (Exception e) when (e is ValidationException or ChecksBlockedException)
        {
            var item = await wf.AuthorizeAsync(http.User, id, Permission.ViewAdmin, ct);
            var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
            var def = await db.ContentTypes.AsNoTracking().FirstAsync(t => t.Name == item.ContentType, ct);
            var findings = e is ChecksBlockedException c ? c.Findings : await checks.RunAsync(item, latest, null, clock.GetUtcNow(), ct);
            return await RenderAsync(http, db, item, latest, def, latest.Parts, item.ColumnId?.ToString(CultureInfo.InvariantCulture) ?? "", item.Slug, AdminEndpoints.ErrorsOf(e), findings, null, 400, form);
        }
        return Results.Redirect($"{Base(http)}/admin/content/{id}?msg={Uri.EscapeDataString(message)}");
    }

    private static DateTimeOffset? LocalTime(IFormCollection form, string field)
    {
        var s = form[field].ToString();
        if (string.IsNullOrWhiteSpace(s)) return null;
        return ApiRequest.ParseLocalTime(s) ?? throw new ValidationException([new(field, $"时间“{s}”无效：应为北京时间 YYYY-MM-DD HH:MM。")]);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, CmsDbContext db, ContentItem? item, ContentVersion? latest, ContentTypeDefinition def, JsonObject parts,
        string column, string slug, List<(string Field, string Message)> errors, IReadOnlyList<CheckFinding> findings, string? message, int status, IFormCollection? typed = null)
    {
        var ct = http.RequestAborted;
        var permissions = http.RequestServices.GetRequiredService<Core.Security.ISitePermissions>();
        var siteId = item?.SiteId ?? http.RequestServices.GetRequiredService<Core.Sites.SiteContext>().SiteId!.Value;
        var allowed = new HashSet<Permission>();
        foreach (var p in Enum.GetValues<Permission>())
            if (await permissions.HasAsync(http.User, siteId, p, ct)) allowed.Add(p);
        bool Can(Permission p) => allowed.Contains(p);
        var columns = await db.CrossSite<Column>().AsNoTracking().Where(c => c.SiteId == siteId && c.Kind == ColumnKind.List).OrderBy(c => c.Path).ToListAsync(ct);
        var policies = def.Has("Interpretation") || def.Has("GazettePlacement")
            ? (await db.CrossSite<ContentItem>().AsNoTracking().Where(i => i.ContentType == "PolicyDocument" && i.PublishedVersionId != null && !i.IsDeleted).OrderByDescending(i => i.Id).Take(500).ToListAsync(ct))
                .Select(i => (i.Id, $"{i.Title}（稿件 {i.Id}）")).ToList()
            : [];
        var b = Base(http);
        var sb = new StringBuilder(Notice(message)).Append(Errors(errors));
        var errorFields = errors.Select(e => e.Field).ToHashSet();
        if (item is not null && latest is not null)
        {
            sb.Append($"<p class=\"meta\">稿件 {item.Id} · 版本 {latest.Number} · <strong class=\"state-{latest.State.ToString().ToLowerInvariant()}\">{Workflow.DisplayName(latest.State)}</strong>");
            if (item.PublicPath is not null && item.PublishedVersionId is not null) sb.Append($" · 已发布于 <a href=\"{H(item.PublicPath is null ? "" : "/" + item.PublicPath)}\">/{H(item.PublicPath)}</a>");
            sb.Append($" · <a href=\"{H(b)}/admin/content/{item.Id}/history\">版本历史</a> · <a href=\"{H(b)}/admin/content/{item.Id}/preview\" target=\"_blank\" rel=\"noopener\">预览</a></p>");
        }
        sb.Append("<div class=\"editor\"><form method=\"post\" class=\"content-form\" data-autosave=\"")
          .Append(item is null ? "" : H($"{b}/admin/content/{item.Id}/autosave")).Append("\" action=\"")
          .Append(H(item is null ? $"{b}/admin/content/new" : $"{b}/admin/content/{item.Id}")).Append("\">").Append(Antiforgery(http));
        sb.Append($"<input type=\"hidden\" name=\"type\" value=\"{H(def.Name)}\"><p class=\"type\">类型：{H(def.DisplayName)}</p>");
        if (item is null)
        {
            sb.Append($"<div class=\"field\"><label for=\"f-column\">栏目</label><select id=\"f-column\" name=\"column\"{(errorFields.Contains("column") ? " aria-invalid=\"true\" class=\"invalid\"" : "")}><option value=\"\">（不放入栏目）</option>");
            sb.Append(Options(columns.Where(c => c.ContentTypes.Count == 0 || c.ContentTypes.Contains(def.Name)).Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), $"{c.Path} {c.Name}")), column)).Append("</select></div>");
            sb.Append($"<div class=\"field\"><label for=\"f-slug\">网址别名</label><input id=\"f-slug\" name=\"slug\" value=\"{H(slug)}\"{(errorFields.Contains("slug") ? " aria-invalid=\"true\" class=\"invalid\"" : "")}><small>小写字母、数字和连字符；留空则用稿件编号</small></div>");
        }
        sb.Append(EditorFields.Render(http, def, parts, policies, errorFields));
        sb.Append("<p class=\"actions\"><button type=\"submit\" name=\"intent\" value=\"save\">保存草稿</button>");
        if (item is null || latest?.State == VersionState.Draft)
            sb.Append(" <button type=\"submit\" name=\"intent\" value=\"submit\">保存并提交审核</button> <label><input type=\"checkbox\" name=\"leaveToReviewer\"> 检查提示的个人信息/敏感词交审核人裁定</label>");
        sb.Append(" <span class=\"autosave-status\" role=\"status\"></span></p></form>");
        if (item is not null && latest is not null)
        {
            sb.Append(await WorkflowPanelAsync(http, db, item, latest, findings, Can, typed));
            foreach (var panel in http.RequestServices.GetServices<IContentEditorPanel>().OrderBy(p => p.Order))
                sb.Append(await panel.RenderAsync(http, item, latest, ct));
        }
        sb.Append("</div>");
        var title = item is null ? $"写{def.DisplayName}" : $"编辑：{item.Title}";
        return Page(http, title, sb.ToString(), status);
    }

    private static async Task<string> WorkflowPanelAsync(HttpContext http, CmsDbContext db, ContentItem item, ContentVersion latest, IReadOnlyList<CheckFinding> findings, Func<Permission, bool> can, IFormCollection? typed)
    {
        var b = Base(http);
        var action = (string a) => $"{H(b)}/admin/content/{item.Id}/do/{a}";
        var sb = new StringBuilder("<aside class=\"workflow\"><h2>公开前审查</h2>");
        if (findings.Count == 0) sb.Append("<p class=\"ok\">未发现问题。</p>");
        else
        {
            sb.Append("<ul class=\"findings\">");
            foreach (var f in findings)
                sb.Append($"<li class=\"finding {f.Severity.ToString().ToLowerInvariant()}\" data-kind=\"{H(f.Kind)}\" data-field=\"{H(f.Field)}\" data-line=\"{f.Line}\" data-column=\"{f.Column}\">{H(f.Message)}</li>");
            sb.Append("</ul>");
        }
        var reviews = await db.ReviewRecords.AsNoTracking().Where(r => r.ContentItemId == item.Id).OrderBy(r => r.Id).ToListAsync(http.RequestAborted);
        var levels = await http.RequestServices.GetRequiredService<EditorialWorkflow>().LevelsAsync(item.SiteId, http.RequestAborted);
        var approvals = reviews.Where(r => r.VersionId == latest.Id && r.Action == ReviewAction.Approve).ToList();
        var overridden = reviews.Any(r => r.VersionId == latest.Id && r.Action == ReviewAction.OverrideChecks);
        var hasPersonal = findings.Any(f => f.IsPersonalData);
        var blocking = findings.Any(f => f.Severity == CheckSeverity.Blocking);
        string T(string field) => H(typed?[field].ToString());
        if (hasPersonal && can(Permission.WriteDrafts))
            sb.Append($"<form method=\"post\" action=\"{action("mask")}\">{Antiforgery(http)}<button type=\"submit\" class=\"mask\">一键脱敏（生成新版本）</button></form>");
        if (latest.State == VersionState.InReview)
        {
            sb.Append($"<p>审核级数：{levels}（已通过 {approvals.Count} 级{(approvals.Count > 0 ? "：" + string.Join("、", approvals.Select(a => $"{EditorialWorkflow.StageName(a.Level, levels)} {a.Reviewer}")) : "")}）</p>");
            if (can(Permission.OverrideChecks) && blocking && !overridden)
                sb.Append($"<form method=\"post\" action=\"{action("override")}\">{Antiforgery(http)}<label for=\"reason\">放行理由</label><textarea id=\"reason\" name=\"reason\" rows=\"2\">{T("reason")}</textarea><button type=\"submit\">放行个人信息/敏感词提示</button></form>");
            if (overridden) sb.Append("<p class=\"muted\">个人信息/敏感词提示已由审核人放行。</p>");
            if (can(Permission.Review))
            {
                var stage = EditorialWorkflow.StageName(approvals.Count + 1, levels);
                sb.Append($"<form method=\"post\" action=\"{action("approve")}\" class=\"approve\">{Antiforgery(http)}<label for=\"comment\">审核意见</label><textarea id=\"comment\" name=\"comment\" rows=\"2\">{T("comment")}</textarea>");
                if (approvals.Count + 1 >= levels)
                    sb.Append($"<label for=\"publishAt\">发布时间（北京时间，留空为现在）</label><input id=\"publishAt\" name=\"publishAt\" placeholder=\"YYYY-MM-DD HH:MM\" value=\"{T("publishAt")}\"><label for=\"backdateReason\">倒填发布时间的理由</label><input id=\"backdateReason\" name=\"backdateReason\" value=\"{T("backdateReason")}\">");
                sb.Append($"<button type=\"submit\">{stage}通过</button> <button type=\"submit\" formaction=\"{action("reject")}\" class=\"reject\">退回修改</button></form>");
            }
            if (can(Permission.Publish) && approvals.Count >= levels)
                sb.Append($"<form method=\"post\" action=\"{action("publish")}\">{Antiforgery(http)}<button type=\"submit\">立即发布</button></form>");
        }
        if (latest.State == VersionState.Draft && can(Permission.SubmitForReview))
            sb.Append($"<form method=\"post\" action=\"{action("submit")}\">{Antiforgery(http)}<label><input type=\"checkbox\" name=\"leaveToReviewer\"> 提示交审核人裁定</label> <button type=\"submit\">提交审核</button></form>");
        if (can(Permission.Publish))
        {
            sb.Append($"<form method=\"post\" action=\"{action("schedule")}\" class=\"schedule\">{Antiforgery(http)}<label for=\"at\">定时（北京时间）</label><input id=\"at\" name=\"at\" placeholder=\"YYYY-MM-DD HH:MM\" value=\"{T("at")}\">");
            sb.Append("<select name=\"scheduleAction\"><option value=\"publish\">发布</option><option value=\"unpublish\">撤下</option></select><button type=\"submit\">设定</button></form>");
            var jobs = await db.ScheduledJobs.AsNoTracking().Where(j => j.ContentItemId == item.Id).OrderByDescending(j => j.Id).Take(5).ToListAsync(http.RequestAborted);
            foreach (var j in jobs)
                sb.Append($"<p class=\"job job-{j.State.ToString().ToLowerInvariant()}\">{(j.Action == ScheduledAction.Publish ? "定时发布" : "定时撤下")} {ShanghaiTime.PubDate(j.DueUtc)} · {JobState(j.State)}{(j.Error is null ? "" : "：" + H(j.Error))}</p>");
            if (item.PublishedVersionId is not null)
                sb.Append($"<p><a href=\"{action("unpublish")}\" class=\"button reject\">撤下</a></p>");
        }
        // Moving a published item changes its address, so it takes the right to publish too (as in EditorialWorkflow.MoveAsync).
        if (can(Permission.WriteDrafts) && (item.PublishedVersionId is null || can(Permission.Publish)))
        {
            var targets = (await db.CrossSite<Column>().AsNoTracking().Where(c => c.SiteId == item.SiteId && c.Kind == ColumnKind.List && c.Id != item.ColumnId).OrderBy(c => c.Path).ToListAsync(http.RequestAborted))
                .Where(c => c.ContentTypes.Count == 0 || c.ContentTypes.Contains(item.ContentType)).ToList();
            if (targets.Count > 0)
                sb.Append($"<form method=\"post\" action=\"{action("move")}\" class=\"move\">{Antiforgery(http)}<label for=\"move-column\">移动到栏目</label><select id=\"move-column\" name=\"column\">{Options(targets.Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), $"{c.Path} {c.Name}")), typed?["column"])}</select> <button type=\"submit\">移动</button></form>");
        }
        if (can(Permission.WriteDrafts) && latest.State == VersionState.Draft && item.PublicPath is null && item.PublishedVersionId is null)
            sb.Append($"<p><a href=\"{action("delete")}\" class=\"button reject\">删除草稿（从未发布）</a></p>");
        if (reviews.Count > 0)
        {
            sb.Append("<h3>审核记录</h3><ul class=\"reviews\">");
            foreach (var r in reviews.TakeLast(10))
                sb.Append($"<li>{ShanghaiTime.PubDate(r.Utc)} {H(r.Reviewer)} {ReviewName(r, levels)}{(r.Comment.Length > 0 ? "：" + H(r.Comment) : "")}</li>");
            sb.Append("</ul>");
        }
        return sb.Append("</aside>").ToString();
    }

    private static string JobState(ScheduledJobState s) => s switch
    {
        ScheduledJobState.Pending => "等待执行", ScheduledJobState.Running => "执行中", ScheduledJobState.Done => "已执行",
        ScheduledJobState.Failed => "失败", _ => "已取消",
    };

    private static string ReviewName(ReviewRecord r, int levels) => r.Action switch
    {
        ReviewAction.Approve => EditorialWorkflow.StageName(r.Level, levels) + "通过",
        ReviewAction.SendBack => "退回",
        ReviewAction.OverrideChecks => "放行检查提示",
        _ => "准许倒填发布时间",
    };
}
