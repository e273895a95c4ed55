using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Data.Identity;
using Microsoft.AspNetCore.Identity;
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
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        // The same password rules as the web: at least 8 characters and not one of the 10,000 most common.
        users.PasswordValidators.Add(new CommonPasswordValidator());
        var name = command.Require("name");
        var email = command.Require("email");
        var role = command.Require("role");
        if (!SiteRoles.All.Contains(role))
            throw new CliException($"--role “{role}”无效：应为 {string.Join("、", SiteRoles.All)} 之一。");
        int? siteId = null;
        if (role != SiteRoles.DistrictAdministrator)
        {
            var siteKey = command.Require("site");
            siteId = (await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == siteKey))?.Id ?? throw new CliException($"--site “{siteKey}”：站点不存在。");
        }
        var password = command.Get("password");
        var generated = password is null;
        password ??= "Fh-" + System.Security.Cryptography.RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 16);
        var user = new CmsUser { UserName = name, Email = email, EmailConfirmed = true, DisplayName = command.Get("display") ?? name };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            var field = result.Errors.Any(e => e.Code.Contains("Password", StringComparison.Ordinal)) ? "--password" : result.Errors.Any(e => e.Code.Contains("Email", StringComparison.Ordinal)) ? "--email" : "--name";
            throw new CliException($"{field}：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }
        db.SiteRoles.Add(new SiteRoleAssignment { UserId = user.Id, SiteId = siteId, Role = role });
        await sp.GetRequiredService<AuditLog>().AppendAsync(db, Cli, "user.create", $"user:{name}", siteId, "", default);
        await sp.GetRequiredService<AuditLog>().AppendAsync(db, Cli, "role.grant", $"user:{name}", siteId, $"{role} @ {command.Get("site") ?? "全部站点"}", default);
        await db.SaveChangesAsync();
        output.WriteLine($"已创建用户 {name}（{role} @ {command.Get("site") ?? "全部站点"}）。");
        if (generated) output.WriteLine($"初始密码（只显示这一次）：{password}");
        return 0;
    }

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
