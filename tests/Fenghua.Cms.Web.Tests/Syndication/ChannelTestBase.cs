using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Data.Outbox;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Syndication.Channels;
using Fenghua.Cms.Syndication.Pushes;
using Fenghua.Cms.Web.Tests.Syndication.Doubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>Per test: fresh WeChat and Weibo doubles and the czj site's channels pointing at them.</summary>
public abstract class ChannelTestBase(ChannelCmsFactory factory) : IAsyncLifetime
{
    protected async Task<Channel> ChannelRowAsync(int id)
    {
        await using var scope = Factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Channels.AsNoTracking().FirstAsync(c => c.Id == id);
    }

    protected string SecretOf(Channel row)
    {
        using var scope = Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ChannelSecretProtector>().Unprotect(row.ProtectedSecret);
    }

    protected async Task<List<AuditEntry>> AuditAsync(string target)
    {
        await using var scope = Factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().AuditTrail.AsNoTracking().Where(a => a.Target == target).OrderBy(a => a.Id).ToListAsync();
    }

    protected readonly ChannelCmsFactory Factory = factory;
    protected readonly string AppId = "wx" + Guid.NewGuid().ToString("N")[..16];
    protected const string AppSecret = "test-app-secret-0123456789";
    protected readonly string WeiboToken = "2.00" + Guid.NewGuid().ToString("N");
    protected const string SafeDomain = "www.fh.gov.cn";
    protected WeChatDouble WeChat = null!;
    protected WeiboDouble Weibo = null!;
    protected int WeChatChannel, WeiboChannel;
    protected static readonly byte[] Photo = Fenghua.Cms.Syndication.Formatting.DefaultCover.Png;

    /// <summary>
    /// The time the push steps of <see cref="DriveAsync"/> see: each step is taken <see cref="StepInterval"/> after the
    /// previous one, as a worker would take them when due, without the test waiting.
    /// </summary>
    protected readonly SimulatedClock Clock = new(DateTimeOffset.UtcNow);
    protected static readonly TimeSpan StepInterval = TimeSpan.FromMinutes(2);

    public async Task InitializeAsync()
    {
        if (Factory.Unavailable is not null) return;
        WeChat = new WeChatDouble(AppId, AppSecret);
        Weibo = new WeiboDouble(WeiboToken, SafeDomain);
        await WeChat.StartAsync();
        await Weibo.StartAsync();
        WeChat.Files["photo.png"] = (Photo, "image/png");
        WeChat.Files["big.png"] = ([.. Photo.Take(8), .. new byte[1_200_000]], "image/png");
        WeChat.Files["anim.gif"] = ("GIF89a"u8.ToArray().Concat(new byte[200]).ToArray(), "image/gif");
        await using var scope = await Factory.SiteScopeAsync("czj");
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var siteId = SiteId(scope);
        WeChatChannel = (await channels.AddAsync(siteId, new ChannelInput("WeChat", "奉化财政微信", AppId, AppSecret, null, WeChat.BaseUrl), SyndicationTestData.Editor)).Id;
        WeiboChannel = (await channels.AddAsync(siteId, new ChannelInput("Weibo", "奉化财政微博", "wb" + AppId[2..], WeiboToken, SafeDomain, Weibo.BaseUrl), SyndicationTestData.Editor)).Id;
    }

    public async Task DisposeAsync()
    {
        if (WeChat is not null) await WeChat.DisposeAsync();
        if (Weibo is not null) await Weibo.DisposeAsync();
    }

    protected void SkipWithoutStore() => Skip.If(Factory.Unavailable is not null, Factory.Unavailable);

    protected static int SiteId(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;

    protected static JsonObject Syndication(int round, params int[] channels) =>
        new() { ["channels"] = new JsonArray(channels.Select(c => (JsonNode)c).ToArray()), ["round"] = round };

    /// <summary>Creates an item on czj/gzdt, sends it to review and publishes it (the reviewer's approval), then runs the outbox.</summary>
    protected async Task<ContentItem> PublishAsync(string title, string markdown, JsonObject? syndication, Actor? author = null, string? slug = null)
    {
        ContentItem item;
        await using (var scope = await Factory.SiteScopeAsync("czj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            item = await content.CreateAsync(new ContentDraft(SiteId(scope), "Article", SyndicationTestData.Parts(title, markdown, syndication))
                { ColumnId = await SyndicationTestData.ColumnIdAsync(scope.ServiceProvider, "czj", "gzdt"), Slug = slug }, author ?? SyndicationTestData.Editor);
            await content.SubmitAsync(item.Id, author ?? SyndicationTestData.Editor);
            await content.PublishAsync(item.Id, new Actor("reviewer"));
            item = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking().FirstAsync(i => i.Id == item.Id);
        }
        await PumpAsync();
        return item;
    }

    protected async Task RepublishAsync(int itemId, string title, string markdown, JsonObject? syndication)
    {
        await using (var scope = await Factory.SiteScopeAsync("czj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            await content.SaveDraftAsync(itemId, SyndicationTestData.Parts(title, markdown, syndication), SyndicationTestData.Editor);
            await content.SubmitAsync(itemId, SyndicationTestData.Editor);
            await content.PublishAsync(itemId, new Actor("reviewer"));
        }
        await PumpAsync();
    }

    /// <summary>Runs the outbox until it has nothing left (the hosted pump may take records first: either way they are handled once).</summary>
    protected async Task PumpAsync()
    {
        var pump = Factory.Services.GetRequiredService<OutboxPump>();
        await using var scope = Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var last = await db.Outbox.MaxAsync(m => m.Id);
        for (var i = 0; i < 200; i++)
        {
            await pump.RunOnceAsync(default);
            if (await db.OutboxCursors.AsNoTracking().Where(c => c.Consumer == "syndication.pushes").Select(c => c.LastSequence).FirstOrDefaultAsync() >= last) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("发件箱未处理完。");
    }

    /// <summary>Takes push steps for the item until none is pending, each in a fresh scope (a new worker, as after a restart).</summary>
    protected async Task<List<ChannelPush>> DriveAsync(int itemId, int maxSteps = 80)
    {
        for (var step = 0; step < maxSteps; step++)
        {
            List<long> pending;
            await using (var scope = Factory.Scope())
                pending = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ChannelPushes.AsNoTracking()
                    .Where(p => p.ContentItemId == itemId && p.State == PushState.Pending).Select(p => p.Id).ToListAsync();
            if (pending.Count == 0) break;
            foreach (var id in pending) await StepAsync(id);
        }
        return await PushesAsync(itemId);
    }

    /// <summary>One step of one push by a new processor (a fresh scope, as after a restart) on the simulated clock.</summary>
    protected async Task StepAsync(long pushId)
    {
        Clock.Advance(StepInterval);
        await using var scope = Factory.Scope();
        await ActivatorUtilities.CreateInstance<PushProcessor>(scope.ServiceProvider, (TimeProvider)Clock).StepAsync(pushId, default);
    }

    protected async Task<List<ChannelPush>> PushesAsync(int itemId)
    {
        await using var scope = Factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ChannelPushes.AsNoTracking().Where(p => p.ContentItemId == itemId).OrderBy(p => p.Id).ToListAsync();
    }
}
