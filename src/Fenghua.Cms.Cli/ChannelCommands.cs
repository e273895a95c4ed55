using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Editorial;
using Fenghua.Cms.Mail;
using Fenghua.Cms.Syndication.Channels;
using Fenghua.Cms.Syndication.Pushes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Cli;

/// <summary>
/// channels add|list|update|enable|disable|secret: a site's WeChat/Weibo accounts, with the same checks and audit as the
/// admin and the API. The secret is encrypted on the way in and never printed; `--secret -` reads it from standard input
/// so it stays out of the shell history.
/// </summary>
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

    public static async Task<int> UpdateAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        using var scope = services.CreateScope();
        var (channels, siteId) = await OpenAsync(scope, command);
        var current = await FindAsync(channels, siteId, command);
        // Options not given keep the stored value, as in the admin form that shows them filled in.
        var edit = new ChannelEdit(command.Get("name") ?? current.Name, command.Get("app-id") ?? current.AppId,
            command.Get("safe-domain") ?? current.SafeDomain, command.Get("api") ?? current.ApiBaseUrl);
        var view = await Run(() => channels.UpdateAsync(siteId, current.Id, edit, Cli));
        output.WriteLine($"已保存渠道 {view.Id}：{ChannelService.Display(view.Kind)}「{view.Name}」 AppID {view.AppId}{(view.SafeDomain.Length > 0 ? "，安全域名 " + view.SafeDomain : "")}，接口 {view.ApiBaseUrl}。");
        return 0;
    }

    public static async Task<int> SetEnabledAsync(IServiceProvider services, CommandLine command, TextWriter output, bool enabled)
    {
        using var scope = services.CreateScope();
        var (channels, siteId) = await OpenAsync(scope, command);
        var current = await FindAsync(channels, siteId, command);
        var (view, stopped) = await Run(() => channels.SetEnabledAsync(siteId, current.Id, enabled, Cli));
        output.WriteLine(view.Enabled
            ? $"已启用渠道 {view.Id}「{view.Name}」。"
            : $"已停用渠道 {view.Id}「{view.Name}」，不再接受新的推送" + (stopped > 0 ? $"；{stopped} 条待推送已停止（已邮件通知作者），可在启用后重试。" : "。"));
        return 0;
    }

    public static async Task<int> RotateSecretAsync(IServiceProvider services, CommandLine command, TextWriter output, TextReader input)
    {
        using var scope = services.CreateScope();
        var (channels, siteId) = await OpenAsync(scope, command);
        var current = await FindAsync(channels, siteId, command);
        var secret = command.Require("secret");
        // "-": the first line of standard input, so the secret appears neither in the shell history nor in `ps`.
        if (secret == "-") secret = await input.ReadLineAsync() ?? "";
        var view = await Run(() => channels.RotateSecretAsync(siteId, current.Id, secret, Cli));
        output.WriteLine($"已更换渠道 {view.Id}「{view.Name}」的密钥（已加密保存，不再显示）。");
        return 0;
    }

    public static async Task<int> ListAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        using var scope = services.CreateScope();
        var (channels, siteId) = await OpenAsync(scope, command);
        foreach (var c in await channels.ListAsync(siteId))
            output.WriteLine($"{c.Id,-5} {c.Kind,-7} {(c.Enabled ? "启用" : "停用")}  {c.Name}  AppID={c.AppId}  {(c.SafeDomain.Length > 0 ? "安全域名=" + c.SafeDomain + "  " : "")}{c.ApiBaseUrl}");
        return 0;
    }

    /// <summary>--id of a channel of --site; another site's channel is refused as if it did not exist.</summary>
    private static async Task<ChannelView> FindAsync(ChannelService channels, int siteId, CommandLine command)
    {
        var raw = command.Require("id");
        if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            throw new CliException($"--id：渠道编号“{raw}”无效：应为正整数。");
        return await channels.GetAsync(siteId, id) ?? throw new CliException($"--id：渠道 {id} 不存在或不属于站点“{command.Get("site")}”。");
    }

    private static async Task<T> Run<T>(Func<Task<T>> action)
    {
        try { return await action(); }
        catch (ValidationException e) { throw new CliException(string.Join("；", e.Errors.Select(x => $"--{Option(x.Field)}：{x.Message}"))); }
    }

    private static async Task<(ChannelService, int)> OpenAsync(IServiceScope scope, CommandLine command)
    {
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await db.Database.MigrateAsync();
        var key = command.Require("site");
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key) ?? throw new CliException($"站点“{key}”不存在。");
        // The CLI has no web host: the mail to authors goes into the same queue the web host's sender works off.
        var notifier = new ChannelStopNotifier(new MailQueue(TimeProvider.System), new AdminLinks(scope.ServiceProvider.GetRequiredService<EditorialOptions>()));
        var service = new ChannelService(db, scope.ServiceProvider.GetRequiredService<AuditLog>(), TimeProvider.System,
            new ChannelSecretProtector(scope.ServiceProvider.GetRequiredService<ProductPaths>()), notifier);
        return (service, site.Id);
    }

    private static string Option(string field) => field switch
    {
        "appId" => "app-id",
        "safeDomain" => "safe-domain",
        "apiBaseUrl" => "api",
        "channelId" => "id",
        _ => field,
    };
}
