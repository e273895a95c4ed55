using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Cli;

/// <summary>users create / users roles: accounts and their per-site roles, audited as the CLI operator.</summary>
public static class UserCommands
{
    private static readonly Actor Cli = new("cli");

    public static async Task<int> CreateAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CmsDbContext>();
        var name = command.Require("name");
        var email = command.Require("email");
        var role = command.Require("role");
        int? siteId = null;
        if (role != SiteRoles.DistrictAdministrator)
        {
            var siteKey = command.Require("site");
            siteId = (await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == siteKey))?.Id ?? throw new CliException($"--site “{siteKey}”：站点不存在。");
        }
        var siteLabel = command.Get("site") ?? "全部站点";
        CreatedAccount created;
        try
        {
            // The same rules as the admin's 新建用户: at least 8 characters and not one of the 10,000 most common.
            created = await sp.GetRequiredService<UserAccounts>().CreateAsync(
                new NewAccount(name, email, command.Get("display"), command.Get("password"), role, siteId, siteLabel), Cli);
        }
        catch (ValidationException e)
        {
            var first = e.Errors[0].Field;
            throw new CliException($"{Option(first)}：" + string.Join("；", e.Errors.Where(x => x.Field == first).Select(x => x.Message)));
        }
        output.WriteLine($"已创建用户 {name}（{role} @ {siteLabel}）。");
        if (created.GeneratedPassword is { } password) output.WriteLine($"初始密码（只显示这一次）：{password}");
        return 0;
    }

    private static string Option(string field) => field switch
    {
        "userName" => "--name",
        "displayName" => "--display",
        _ => "--" + field,
    };

    /// <summary>Lists roles; with --user and --grant/--revoke ROLE --site KEY changes one.</summary>
    public static async Task<int> RolesAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Key);
        var grant = command.Get("grant");
        var revoke = command.Get("revoke");
        if (grant is not null || revoke is not null)
        {
            var userName = command.Require("user");
            var role = grant ?? revoke!;
            if (!SiteRoles.All.Contains(role)) throw new CliException($"角色“{role}”无效：应为 {string.Join("、", SiteRoles.All)} 之一。");
            var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName) ?? throw new CliException($"--user “{userName}”：用户不存在。");
            int? siteId = null;
            if (role != SiteRoles.DistrictAdministrator)
            {
                var key = command.Require("site");
                siteId = sites.FirstOrDefault(s => s.Value == key).Key is var id && id != 0 ? id : throw new CliException($"--site “{key}”：站点不存在。");
            }
            var existing = await db.SiteRoles.FirstOrDefaultAsync(r => r.UserId == user.Id && r.SiteId == siteId && r.Role == role);
            if (grant is not null && existing is null) db.SiteRoles.Add(new SiteRoleAssignment { UserId = user.Id, SiteId = siteId, Role = role });
            else if (revoke is not null && existing is not null) db.SiteRoles.Remove(existing);
            else { output.WriteLine("没有变化。"); return 0; }
            await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(db, Cli, grant is not null ? "role.grant" : "role.revoke", $"user:{userName}", siteId, $"{role} @ {command.Get("site") ?? "全部站点"}", default);
            await db.SaveChangesAsync();
            output.WriteLine(grant is not null ? "已授予。" : "已收回。");
        }
        var filter = command.Get("user");
        var rows = await (from r in db.SiteRoles join u in db.Users on r.UserId equals u.Id
                          where filter == null || u.UserName == filter
                          orderby u.UserName select new { u.UserName, u.Email, r.SiteId, r.Role }).ToListAsync();
        foreach (var r in rows)
            output.WriteLine($"{r.UserName}\t{r.Email}\t{(r.SiteId is { } id ? sites.GetValueOrDefault(id, "?") : "*")}\t{r.Role}");
        return 0;
    }
}
