using Fenghua.Cms.Core;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests;

public class InstallTests
{
    [Fact]
    public async Task A_second_start_reuses_the_data_and_does_not_rerun_the_recipe()
    {
        using var first = new SqliteCmsFactory();
        int sites, items;
        await using (var scope = first.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            sites = await db.Sites.CountAsync();
            items = await db.ContentItems.CountAsync();
            Assert.True(sites >= 4);
            // A second installer run on the same store is a no-op.
            var again = await scope.ServiceProvider.GetRequiredService<Installer>().EnsureInstalledAsync(null);
            Assert.False(again.Installed);
            Assert.Null(again.GeneratedPassword);
        }
        await first.RestartOnSameStoreAsync(async services =>
        {
            var db = services.GetRequiredService<CmsDbContext>();
            Assert.Equal(sites, await db.Sites.CountAsync());
            Assert.Equal(items, await db.ContentItems.CountAsync());
            Assert.Equal(1, await db.Installation.CountAsync());
            Assert.Equal(1, await db.Users.CountAsync());
        });
    }

    [Fact]
    public async Task Without_a_configured_password_the_installer_generates_one_that_signs_in()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "fenghua-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Fenghua:DataPath"] = dataPath }).Build();
        var paths = ProductPaths.Resolve(AppContext.BaseDirectory, dataPath);
        await using var services = new ServiceCollection().AddLogging().AddCmsData(configuration, paths).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Installer>().EnsureInstalledAsync(null);
        Assert.True(result.Installed);
        Assert.NotNull(result.GeneratedPassword);
        Assert.True(result.GeneratedPassword!.Length >= 16);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var admin = await users.FindByNameAsync(Installer.AdminUserName);
        Assert.True(await users.CheckPasswordAsync(admin!, result.GeneratedPassword));
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.True(await db.SiteRoles.AnyAsync(r => r.UserId == admin!.Id && r.Role == SiteRoles.DistrictAdministrator && r.SiteId == null));
        Assert.True(File.Exists(Path.Combine(dataPath, "fenghua.db")));
    }
}
