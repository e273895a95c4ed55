using System.Globalization;
using System.Text;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Editorial.Security;
using Microsoft.EntityFrameworkCore;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// Audit trail search and CSV export. A site administrator sees the entries of the site; a district administrator
/// also the installation-wide ones (sign-ins, users). Everything kept is searchable.
/// </summary>
public static class AuditPages
{
    public const int MaxRows = 10_000;

    public static async Task<IResult> ShowAsync(HttpContext http, CmsDbContext db, SitePermissions permissions, AuditOptions options)
    {
        var (rows, filters) = await QueryAsync(http, db, permissions, options, 200);
        var q = http.Request.Query;
        var sb = new StringBuilder($"<form method=\"get\" class=\"filters\"><label>操作 <input name=\"action\" value=\"{H(q["action"])}\" placeholder=\"如 content.publish\"></label>");
        sb.Append($"<label>操作人 <input name=\"actor\" value=\"{H(q["actor"])}\"></label><label>对象或内容 <input name=\"q\" value=\"{H(q["q"])}\"></label>");
        sb.Append($"<label>从 <input type=\"date\" name=\"from\" value=\"{H(q["from"])}\"></label><label>到 <input type=\"date\" name=\"to\" value=\"{H(q["to"])}\"></label><button type=\"submit\">查询</button></form>");
        sb.Append($"<p><a href=\"{H(Base(http))}/admin/audit.csv?{H(filters)}\">导出 CSV</a>（审计记录至少保留 {options.EffectiveRetentionDays} 天）</p>");
        sb.Append("<table class=\"list\"><thead><tr><th>时间</th><th>操作人</th><th>地址</th><th>操作</th><th>对象</th><th>详情</th></tr></thead><tbody>");
        foreach (var e in rows)
            sb.Append($"<tr><td>{ShanghaiTime.ToLocal(e.Utc):yyyy-MM-dd HH:mm:ss}</td><td>{H(e.Actor)}</td><td>{H(e.Address)}</td><td>{H(e.Action)}</td><td>{H(e.Target)}</td><td>{H(e.Details)}</td></tr>");
        sb.Append("</tbody></table>");
        return Page(http, "审计日志", sb.ToString());
    }

    public static async Task<IResult> CsvAsync(HttpContext http, CmsDbContext db, SitePermissions permissions, AuditOptions options)
    {
        var (rows, _) = await QueryAsync(http, db, permissions, options, MaxRows);
        var sb = new StringBuilder("\uFEFF时间,站点,操作人,地址,操作,对象,详情,哈希\r\n");
        foreach (var e in rows)
            sb.Append(string.Join(",", new[] { ShanghaiTime.ToLocal(e.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.SiteId?.ToString(CultureInfo.InvariantCulture) ?? "", e.Actor, e.Address ?? "", e.Action, e.Target, e.Details, e.Hash }.Select(Csv))).Append("\r\n");
        return Results.File(Encoding.UTF8.GetBytes(sb.ToString()), "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd}.csv");
    }

    // Quotes every field and neutralises spreadsheet formulas (=, +, -, @ at the start).
    private static string Csv(string s)
    {
        if (s.Length > 0 && "=+-@".Contains(s[0])) s = "'" + s;
        return "\"" + s.Replace("\"", "\"\"") + "\"";
    }

    private static async Task<(List<AuditEntry> Rows, string Filters)> QueryAsync(HttpContext http, CmsDbContext db, SitePermissions permissions, AuditOptions options, int limit)
    {
        var site = await AdminEndpoints.SiteAsync(http, Permission.ViewAudit);
        var district = await permissions.IsDistrictAdministratorAsync(http.User, http.RequestAborted);
        var q = http.Request.Query;
        var query = db.AuditTrail.AsNoTracking().Where(e => e.SiteId == site.Id || district && e.SiteId == null);
        if (q["action"].ToString() is { Length: > 0 } action) query = query.Where(e => e.Action.StartsWith(action));
        if (q["actor"].ToString() is { Length: > 0 } actor) query = query.Where(e => e.Actor == actor);
        if (q["q"].ToString() is { Length: > 0 } text) query = query.Where(e => e.Target.Contains(text) || e.Details.Contains(text));
        if (DateOnly.TryParse(q["from"], CultureInfo.InvariantCulture, out var from))
        {
            var fromUtc = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ShanghaiTime.Offset).ToUniversalTime();
            query = query.Where(e => e.Utc >= fromUtc);
        }
        if (DateOnly.TryParse(q["to"], CultureInfo.InvariantCulture, out var to))
        {
            var toUtc = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ShanghaiTime.Offset).ToUniversalTime();
            query = query.Where(e => e.Utc < toUtc);
        }
        var filtered = await query.OrderByDescending(e => e.Id).Take(limit).ToListAsync(http.RequestAborted);
        var filters = string.Join("&", q.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}"));
        return (filtered, filters);
    }
}
