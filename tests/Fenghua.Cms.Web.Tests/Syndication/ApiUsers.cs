using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>Real users with a site role and an API token, made the way the product makes them.</summary>
internal static class ApiUsers
{
    public static async Task<string> TokenAsync(CmsFactory factory, string role, string siteKey)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var name = $"{role.ToLowerInvariant()}-{siteKey}-{Guid.NewGuid():N}"[..40];
        var user = new CmsUser { UserName = name, Email = $"{name}@fh.gov.cn", DisplayName = name };
        var created = await users.CreateAsync(user, "Syndication-Pass-2026!");
        Assert.True(created.Succeeded, string.Join(";", created.Errors.Select(e => e.Description)));
        var siteId = await db.Sites.Where(s => s.Key == siteKey).Select(s => s.Id).FirstAsync();
        db.SiteRoles.Add(new SiteRoleAssignment { UserId = user.Id, SiteId = siteId, Role = role });
        await db.SaveChangesAsync();
        return await ApiTokens.CreateAsync(db, scope.ServiceProvider.GetRequiredService<AuditLog>(), user.Id, name, "syndication-tests", Actor.System, DateTimeOffset.UtcNow);
    }
}
