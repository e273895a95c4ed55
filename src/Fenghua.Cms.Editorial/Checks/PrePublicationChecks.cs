using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Sites;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Editorial.Checks;

/// <summary>
/// 公开前审查 checks of one version, run on submit and again on publish: personal data, the site's sensitive
/// words, required metadata, internal links, image alt text and a back-dated publish time.
/// </summary>
public sealed class PrePublicationChecks(CmsDbContext db, SiteCatalog sites)
{
    private static readonly (string Part, string Field, string Label)[] TextFields =
    [
        ("Title", "title", "标题"), ("Summary", "summary", "内容概述"), ("MarkdownBody", "markdown", "正文"),
    ];

    public static readonly TimeSpan BackdateTolerance = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(ContentItem item, ContentVersion version, DateTimeOffset? publishAt, DateTimeOffset now, CancellationToken ct = default)
    {
        var findings = new List<CheckFinding>();
        var settings = await db.EditorialSettings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.SiteId == item.SiteId, ct);
        var words = new SensitiveWordMatcher(settings?.SensitiveWords ?? "");
        foreach (var (part, field, label) in TextFields)
        {
            var text = version.PartString(part, field);
            if (string.IsNullOrEmpty(text)) continue;
            var path = $"parts.{part}.{field}";
            foreach (var m in PersonalDataScanner.Scan(text))
                findings.Add(Finding(m.Kind, path, label, text, m.Offset, m.Length, $"疑似{KindName(m.Kind)}“{m.Value}”，公开前应去标识化（如 {m.Masked}）。", CheckSeverity.Blocking));
            foreach (var (offset, length, phrase) in words.Find(text))
                findings.Add(Finding(CheckKinds.SensitiveWord, path, label, text, offset, length, $"含敏感词“{text.Substring(offset, length)}”（词表：{phrase}）。", CheckSeverity.Blocking));
            if (part == "MarkdownBody") await CheckLinksAsync(findings, item, text, path, label, ct);
        }
        CheckMetadata(findings, item, version);
        await CheckPolicyAsync(findings, version, ct);
        if (publishAt is { } at && at < now - BackdateTolerance)
            findings.Add(new(CheckKinds.Backdate, "publishAt", 0, 0, 0, 0, at.ToString("O"),
                $"发布时间 {ShanghaiTime.PubDate(at)} 早于当前时间（倒填日期是检查中的严重错误），须由审核人记录理由后方可发布。", CheckSeverity.Blocking));
        return findings;
    }

    private static CheckFinding Finding(string kind, string path, string label, string text, int offset, int length, string message, CheckSeverity severity)
    {
        var (line, column) = TextPosition.Of(text, offset);
        return new(kind, path, offset, length, line, column, text.Substring(offset, length), $"{TextPosition.Describe(label, line, column)}：{message}", severity);
    }

    public static string KindName(string kind) => kind switch
    {
        CheckKinds.ResidentId => "居民身份证号",
        CheckKinds.Mobile => "手机号码",
        CheckKinds.BankCard => "银行卡号",
        CheckKinds.Email => "电子邮箱",
        _ => kind,
    };

    private static void CheckMetadata(List<CheckFinding> findings, ContentItem item, ContentVersion version)
    {
        if (item.ContentType == "PolicyDocument")
        {
            var doc = version.Part("GovDocument") ?? [];
            if (string.IsNullOrWhiteSpace(doc.Str("documentNumber")) && string.IsNullOrWhiteSpace(doc.Str("noNumberReason")))
                findings.Add(Required("parts.GovDocument.documentNumber", "政策文件须填写文号，或说明无文号的理由（noNumberReason）。"));
            if (string.IsNullOrWhiteSpace(doc.Str("issuer")))
                findings.Add(Required("parts.GovDocument.issuer", "政策文件须填写发布机构。"));
            if (string.IsNullOrWhiteSpace(doc.Str("writtenDate")))
                findings.Add(Required("parts.GovDocument.writtenDate", "政策文件须填写成文日期。"));
        }
        if (item.ContentType == "Interpretation" && version.Part("Interpretation")?.Int("policyId") is null)
            findings.Add(Required("parts.Interpretation.policyId", "政策解读须选择所解读的政策文件。"));
    }

    private async Task CheckPolicyAsync(List<CheckFinding> findings, ContentVersion version, CancellationToken ct)
    {
        if (version.Part("Interpretation")?.Int("policyId") is not { } policyId) return;
        var policy = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == policyId && !i.IsDeleted, ct);
        if (policy is null || policy.PublishedVersionId is null)
            findings.Add(Required("parts.Interpretation.policyId", $"所解读的政策文件（稿件 {policyId}）不存在或尚未发布。"));
        else if (policy.ContentType != "PolicyDocument")
            findings.Add(Required("parts.Interpretation.policyId", $"稿件 {policyId}《{policy.Title}》不是政策文件。"));
    }

    private static CheckFinding Required(string field, string message) => new(CheckKinds.Metadata, field, 0, 0, 0, 0, "", message, CheckSeverity.Required);

    private async Task CheckLinksAsync(List<CheckFinding> findings, ContentItem item, string markdown, string path, string label, CancellationToken ct)
    {
        var all = await sites.AllAsync(ct);
        foreach (var link in LinkScanner.Scan(markdown))
        {
            if (link.IsImage && string.IsNullOrWhiteSpace(link.Text))
                findings.Add(Finding(CheckKinds.ImageAlt, path, label, markdown, link.Offset, link.Length, $"图片 {link.Url} 缺少替代文字（![说明](地址)），读屏用户无法理解。", CheckSeverity.Warning));
            if (link.IsImage || !LinkScanner.IsInternal(link.Url)) continue;
            var target = link.Url.Split('#', '?')[0];
            if (target.StartsWith("/media/", StringComparison.Ordinal) || target.StartsWith("/themes/", StringComparison.Ordinal) || target == "/") continue;
            var (site, prefix) = SiteCatalog.Resolve(all, "", target);
            if (site is null) continue;
            var sitePath = target[prefix.Length..].Trim('/').ToLowerInvariant();
            if (sitePath.Length == 0) continue;
            var route = await db.CrossSite<ContentRoute>().AsNoTracking().FirstOrDefaultAsync(r => r.SiteId == site.Id && r.Path == sitePath, ct);
            if (route is not null)
            {
                var published = await db.CrossSite<ContentItem>().AnyAsync(i => i.Id == route.ContentItemId && i.PublishedVersionId != null && !i.IsDeleted, ct);
                if (!published)
                    findings.Add(Finding(CheckKinds.Link, path, label, markdown, link.Offset, link.Length, $"链接 {link.Url} 指向未发布的页面。", CheckSeverity.Warning));
                continue;
            }
            if (await db.CrossSite<Column>().AnyAsync(c => c.SiteId == site.Id && c.Path == sitePath, ct)) continue;
            findings.Add(Finding(CheckKinds.Link, path, label, markdown, link.Offset, link.Length, $"链接 {link.Url} 指向不存在的页面。", CheckSeverity.Warning));
        }
    }
}
