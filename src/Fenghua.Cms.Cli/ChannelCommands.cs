using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Syndication.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Cli;

/// <summary>channels add|list: a site's WeChat/Weibo accounts. The secret is encrypted on the way in and never printed.</summary>
public static class ChannelCommands
{
    private static readonly Actor Cli = new("cli:" + Environment.UserName);

    public static async Task<int> AddAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        using var scope = services.CreateScope();
        var (channels, siteId) = await OpenAsync(scope, command);
        try
        {
            var view = await channels.AddAsync(siteId, new ChannelInput(command.Require("kind"), command.Require("name"), command.Require("app-id"),
                command.Require("secret"), command.Get("safe-domain"), command.Get("api")), Cli);
            output.WriteLine($"已登记渠道 {view.Id}：{ChannelService.Display(view.Kind)}「{view.Name}」 AppID {view.AppId}，接口 {view.ApiBaseUrl}（密钥已加密保存，不再显示）。");
            return 0;
        }
        catch (ValidationException e)
        {
            throw new CliException(string.Join("；", e.Errors.Select(x => $"--{Option(x.Field)}：{x.Message}")));
        }
    }

    public static async Task<int> ListAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        using var scope = services.CreateScope();
        var (channels, siteId) = await OpenAsync(scope, command);
        foreach (var c in await channels.ListAsync(siteId))
            output.WriteLine($"{c.Id,-5} {c.Kind,-7} {(c.Enabled ? "启用" : "停用")}  {c.Name}  AppID={c.AppId}  {(c.SafeDomain.Length > 0 ? "安全域名=" + c.SafeDomain + "  " : "")}{c.ApiBaseUrl}");
        return 0;
    }

    private static async Task<(ChannelService, int)> OpenAsync(IServiceScope scope, CommandLine command)
    {
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await db.Database.MigrateAsync();
        var key = command.Require("site");
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key) ?? throw new CliException($"站点“{key}”不存在。");
        var service = new ChannelService(db, scope.ServiceProvider.GetRequiredService<AuditLog>(), TimeProvider.System,
            new ChannelSecretProtector(scope.ServiceProvider.GetRequiredService<ProductPaths>()));
        return (service, site.Id);
    }

    private static string Option(string field) => field switch
    {
        "appId" => "app-id",
        "safeDomain" => "safe-domain",
        "apiBaseUrl" => "api",
        _ => field,
    };
}
