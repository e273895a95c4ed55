using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Data.Recipes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data;

/// <summary>
/// First start: migrate the schema, apply the default recipe once and create the district
/// administrator. Later starts only migrate.
/// </summary>
public sealed class Installer(CmsDbContext db, RecipeRunner recipes, UserManager<CmsUser> users, AuditLog audit, TimeProvider clock)
{
    public const string DefaultRecipe = "fenghua-district";
    public const string AdminUserName = "admin";

    /// <summary>Returns the generated administrator password when one was created now, else null.</summary>
    public async Task<InstallResult> EnsureInstalledAsync(string? adminPassword, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        if (await db.Installation.AnyAsync(ct)) return new InstallResult(false, null);

        await recipes.RunAsync(DefaultRecipe, null, new Actor("installer"), ct);
        var generated = adminPassword is null;
        var password = adminPassword ?? GeneratedPassword.New();
        var admin = new CmsUser { UserName = AdminUserName, DisplayName = "区级管理员", Email = "admin@fh.gov.cn", EmailConfirmed = true };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new InvalidOperationException("无法创建管理员：" + string.Join("；", created.Errors.Select(e => e.Description)));
        db.SiteRoles.Add(new SiteRoleAssignment { UserId = admin.Id, SiteId = null, Role = SiteRoles.DistrictAdministrator });
        db.Installation.Add(new InstallationState { Recipe = DefaultRecipe, InstalledUtc = clock.GetUtcNow() });
        await audit.AppendAsync(db, new Actor("installer"), "user.create", $"user:{AdminUserName}", null, SiteRoles.DistrictAdministrator, ct);
        await db.SaveChangesAsync(ct);
        return new InstallResult(true, generated ? password : null);
    }
}

public sealed record InstallResult(bool Installed, string? GeneratedPassword);
