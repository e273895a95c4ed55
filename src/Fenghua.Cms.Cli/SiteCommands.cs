using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Recipes;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Cli;

public static class SiteCommands
{
    private static readonly Actor Cli = new("cli:" + Environment.UserName);

    public static async Task<int> CreateAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        var parameters = new Dictionary<string, string>
        {
            ["key"] = command.Require("key"),
            ["name"] = command.Require("name"),
            ["path"] = command.Require("path"),
        };
        var recipe = command.Get("recipe") ?? "department-site";
        await RunAsync(services, recipe, parameters);
        if (command.All("host").ToList() is { Count: > 0 } hosts)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var site = await db.Sites.FirstAsync(s => s.Key == parameters["key"]);
            site.HostNames = hosts.Select(h => h.ToLowerInvariant()).ToList();
            await scope.ServiceProvider.GetRequiredService<Data.Audit.AuditLog>().AppendAsync(db, Cli, "site.update", $"site:{site.Key}", site.Id, "hostNames=" + string.Join(",", hosts));
            await db.SaveChangesAsync();
        }
        output.WriteLine($"已创建站点 {parameters["key"]}（{parameters["name"]}），路径前缀 {parameters["path"]}，配方 {recipe}。");
        return 0;
    }

    public static async Task<int> RunRecipeAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        var name = command.Positional.FirstOrDefault() ?? command.Require("name");
        var parameters = new Dictionary<string, string>();
        foreach (var p in command.All("param"))
        {
            var eq = p.IndexOf('=');
            if (eq <= 0) throw new CliException($"参数“{p}”格式应为 键=值。");
            parameters[p[..eq]] = p[(eq + 1)..];
        }
        await RunAsync(services, name, parameters);
        output.WriteLine($"配方 {name} 已运行。");
        return 0;
    }

    public static async Task<int> ListAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await db.Database.MigrateAsync();
        foreach (var s in await db.Sites.OrderBy(s => s.Id).ToListAsync())
            output.WriteLine($"{s.Key,-10} {(s.PathPrefix.Length > 0 ? s.PathPrefix : "/"),-8} {s.Theme,-10} {(s.Enabled ? "启用" : "停用")}  {s.Name}  {string.Join(",", s.HostNames)}");
        return 0;
    }

    private static async Task RunAsync(IServiceProvider services, string recipe, Dictionary<string, string> parameters)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await db.Database.MigrateAsync();
        if (!await db.Installation.AnyAsync())
            throw new CliException("数据库尚未初始化：请先运行一次 dotnet run --project src/Fenghua.Cms.Web。");
        try
        {
            await scope.ServiceProvider.GetRequiredService<RecipeRunner>().RunAsync(recipe, parameters, Cli);
        }
        catch (RecipeException e)
        {
            throw new CliException(e.Message + "（未做任何更改）");
        }
    }
}
