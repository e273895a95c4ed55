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
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary<string, string?>? overrides = null) =>
        RunAsync(args, output, error, Console.In, overrides);

    /// <summary>As above, reading what a command takes from standard input (`channels secret --secret -`) from <paramref name="input"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input, IDictionary<string, string?>? overrides = null)
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
        // For absolute admin links in mail the CLI queues (channels disable).
        services.AddSingleton(configuration.GetSection("Fenghua:Editorial").Get<Editorial.EditorialOptions>() ?? new Editorial.EditorialOptions());
        await using var provider = services.BuildServiceProvider();
        try
        {
            return (command.Group, command.Name) switch
            {
                ("site", "create") => await SiteCommands.CreateAsync(provider, command, output),
                ("site", "list") => await SiteCommands.ListAsync(provider, output),
                ("recipe", "run") => await SiteCommands.RunRecipeAsync(provider, command, output),
                ("audit", "verify") => await AuditCommands.VerifyAsync(provider, output),
                ("audit", "prune") => await AuditCommands.PruneAsync(provider, command, output),
                ("channels", "add") => await ChannelCommands.AddAsync(provider, command, output),
                ("channels", "list") => await ChannelCommands.ListAsync(provider, command, output),
                ("channels", "update") => await ChannelCommands.UpdateAsync(provider, command, output),
                ("channels", "enable") => await ChannelCommands.SetEnabledAsync(provider, command, output, enabled: true),
                ("channels", "disable") => await ChannelCommands.SetEnabledAsync(provider, command, output, enabled: false),
                ("channels", "secret") => await ChannelCommands.RotateSecretAsync(provider, command, output, input),
                ("gazette", "import") => await GazetteCommands.ImportAsync(provider, command, output, error),
                ("users", "create") => await UserCommands.CreateAsync(provider, command, output),
                ("users", "roles") => await UserCommands.RolesAsync(provider, command, output),
                ("tokens", "create") => await TokenCommands.CreateAsync(provider, command, output),
                ("search", "reindex") => await SearchCommands.ReindexAsync(provider, configuration, command, output, error),
                ("search", "stats") => await SearchCommands.StatsAsync(provider, configuration, output),
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
          audit prune --before <YYYY-MM-DD>
                                   删除该日期（北京时间）之前的审计记录；保留期（至少 180 天）内的不能删除
          channels add --site <站点> --kind WeChat|Weibo --name <名称> --app-id <AppID> --secret <密钥>
                       [--safe-domain <安全域名>] [--api <接口地址>]
                                   登记站点的微信公众号或微博账号（密钥加密保存）
          channels list --site <站点>  列出站点的渠道
          channels update --site <站点> --id <编号> [--name <名称>] [--app-id <AppID>] [--safe-domain <安全域名>] [--api <接口地址>]
                                   修改渠道（未给出的选项保持不变）
          channels enable|disable --site <站点> --id <编号>
                                   启用或停用渠道（停用时尚未发出的待推送立即停止，并邮件通知稿件作者）
          channels secret --site <站点> --id <编号> --secret <密钥>|-
                                   更换密钥；“--secret -”从标准输入读取，密钥不留在命令历史中
          gazette import <文件.jsonl[.gz]|目录> [--site portal] [--batch 250]
                                   导入政府公报文件（按 id 或文号匹配，可重复运行）
          users create --name <用户名> --email <邮箱> --role <角色> --site <站点> [--password <密码>] [--display <姓名>]
                                   新建用户并授予一个站点角色（DistrictAdministrator 不需 --site）
          users roles [--user <用户名>] [--grant|--revoke <角色> --site <站点>]
                                   列出或更改用户的站点角色
          tokens create --user <用户名> --name <令牌名称>
                                   新建 API 令牌（只显示一次）
          search reindex [--site <标识>]
                                   从数据库重建本机搜索索引（需先停止网站）
          search stats             按站点和类型统计搜索索引中的文档

        通用选项：--Fenghua:DataPath <目录>  --Fenghua:Database:Provider PostgreSQL  --ConnectionStrings:Fenghua <连接串>
        """;
}

/// <summary>A user mistake on the command line; printed without a stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
