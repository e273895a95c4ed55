using Fenghua.Cms.Data;

namespace Fenghua.Cms.Web;

public static class FirstRun
{
    /// <summary>Migrates the store and, on the very first start, applies the default recipe and prints the administrator's password once.</summary>
    public static async Task InstallAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var installer = scope.ServiceProvider.GetRequiredService<Installer>();
        var result = await installer.EnsureInstalledAsync(app.Configuration["FENGHUA_ADMIN_PASSWORD"]);
        if (!result.Installed) return;
        Console.WriteLine($"已应用默认配方 {Installer.DefaultRecipe}。管理员用户名：{Installer.AdminUserName}");
        Console.WriteLine(result.GeneratedPassword is { } pw
            ? $"管理员初始密码（只显示这一次，请登录后修改）：{pw}"
            : "管理员密码取自环境变量 FENGHUA_ADMIN_PASSWORD。");
    }
}
