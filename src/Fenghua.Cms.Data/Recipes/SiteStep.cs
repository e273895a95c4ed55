using System.Text.Json;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Recipes;

/// <summary>
/// { "step": "site", "key", "name", "pathPrefix", "hostNames", "theme", "settings": { ... }, "createOnly": true }.
/// With createOnly (used by department-site) an existing key is an error rather than an update.
/// </summary>
public sealed class SiteStep(AuditLog audit, TimeProvider clock) : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public string Name => "site";

    public async Task RunAsync(RecipeStepContext context, JsonObject step, CancellationToken ct)
    {
        var key = context.Required(step, "key", "");
        var site = await context.Db.Sites.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (site is not null && step["createOnly"]?.GetValue<bool>() == true)
            throw context.Fail(".key", $"站点“{key}”已存在。");
        var created = site is null;
        site ??= new Site { Key = key, CreatedUtc = clock.GetUtcNow() };
        site.Name = context.Required(step, "name", "");
        site.PathPrefix = SiteRules.NormalizePrefix(step["pathPrefix"]?.GetValue<string>());
        site.HostNames = (step["hostNames"] as JsonArray)?.Select(h => h!.GetValue<string>().Trim().ToLowerInvariant()).ToList() ?? [];
        site.Theme = step["theme"]?.GetValue<string>() ?? "Portal";
        if (step["settings"] is JsonObject settings)
        {
            try { site.Settings = settings.Deserialize<SiteSettings>(Json) ?? new(); }
            catch (JsonException e) { throw context.Fail(".settings" + (e.Path ?? "").TrimStart('$'), $"站点设置无效：{e.Message}"); }
        }
        if (string.IsNullOrEmpty(site.Settings.SiteName)) site.Settings.SiteName = site.Name;

        var error = SiteRules.Validate(site).FirstOrDefault();
        if (error is not null) throw context.Fail("." + error.Field, error.Message);
        if (site.PathPrefix.Length > 0 && await context.Db.Sites.AnyAsync(s => s.PathPrefix == site.PathPrefix && s.Key != key, ct))
            throw context.Fail(".pathPrefix", $"路径前缀 {site.PathPrefix} 已被其他站点使用。");
        if (site.PathPrefix.Length == 0 && site.HostNames.Count == 0 && await context.Db.Sites.AnyAsync(s => s.PathPrefix == "" && s.Key != key, ct)
            && !(await context.Db.Sites.Where(s => s.PathPrefix == "" && s.Key != key).Select(s => s.HostNames).ToListAsync(ct)).All(h => h.Count > 0))
            throw context.Fail(".pathPrefix", "门户已占用根路径：子站需要路径前缀（如 /jyj）或绑定域名。");
        if (created) context.Db.Sites.Add(site);
        await audit.AppendAsync(context.Db, context.Actor, created ? "site.create" : "site.update", $"site:{key}", null, site.Name, ct);
    }
}
