using Fenghua.Cms.Core;
using Fenghua.Cms.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Cli;

/// <summary>
/// The command line: `fenghua &lt;group&gt; &lt;command&gt; [--option value]...`. It opens the same store as the
/// web host (configuration from appsettings.json, FENGHUA_/Fenghua__ environment variables and --Fenghua:… options).
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary<string, string?>? overrides = null)
    {
        var command = CommandLine.Parse(args);
        if (command.Group is null or "help" || command.Has("help"))
        {
            output.WriteLine(Usage);
            return command.Group is null ? 1 : 0;
        }
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .AddInMemoryCollection(command.ConfigurationOverrides)
            .Build();
        var paths = ProductPaths.Resolve(Directory.GetCurrentDirectory(), configuration["Fenghua:DataPath"], configuration["Fenghua:RecipesPath"], configuration["Fenghua:ThemesPath"]);
        var services = new ServiceCollection().AddLogging().AddCmsData(configuration, paths);
        await using var provider = services.BuildServiceProvider();
        try
        {
            return (command.Group, command.Name) switch
            {
                ("site", "create") => await SiteCommands.CreateAsync(provider, command, output),
                ("site", "list") => await SiteCommands.ListAsync(provider, output),
                ("recipe", "run") => await SiteCommands.RunRecipeAsync(provider, command, output),
                ("audit", "verify") => await AuditCommands.VerifyAsync(provider, output),
                _ => Unknown(command, error),
            };
        }
        catch (CliException e)
        {
            error.WriteLine("错误：" + e.Message);
            return 2;
        }
    }

    private static int Unknown(CommandLine command, TextWriter error)
    {
        error.WriteLine($"未知命令：{command.Group} {command.Name}");
        error.WriteLine(Usage);
        return 2;
    }

    public const string Usage = """
        用法：fenghua <命令> [选项]

          site create --recipe <配方> --key <标识> --name <名称> --path </前缀> [--host <域名>]...
                                   用配方新建站点（如 department-site）
          site list                列出站点
          recipe run <配方> [--param 键=值]...
                                   运行配方（在一个事务中，出错则不做任何更改）
          audit verify             校验审计日志的哈希链

        通用选项：--Fenghua:DataPath <目录>  --Fenghua:Database:Provider PostgreSQL  --ConnectionStrings:Fenghua <连接串>
        """;
}

/// <summary>A user mistake on the command line; printed without a stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
