using Fenghua.Cms.Data.Outbox;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Syndication.Admin;
using Fenghua.Cms.Syndication.Api;
using Fenghua.Cms.Syndication.Channels;
using Fenghua.Cms.Syndication.Feeds;
using Fenghua.Cms.Syndication.Platforms;
using Fenghua.Cms.Syndication.Pushes;
using Fenghua.Cms.Syndication.Sharing;

namespace Fenghua.Cms.Syndication;

/// <summary>Feeds, WeChat/Weibo-style channels and sharing between sites.</summary>
public static class SyndicationModule
{
    public static IServiceCollection AddSyndication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Fenghua:Syndication").Get<PushOptions>() ?? new PushOptions();
        services.AddSingleton(options);
        services.AddScoped<FeedReader>();

        services.AddSingleton<ChannelSecretProtector>();
        services.AddScoped<ChannelService>();
        services.AddScoped<SiteAccess>();

        var timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
        services.AddHttpClient(WeChatClient.HttpClientName, c => c.Timeout = timeout);
        services.AddHttpClient(WeiboClient.HttpClientName, c => c.Timeout = timeout);
        services.AddHttpClient(PushProcessor.ImageClientName, c => { c.Timeout = timeout; c.MaxResponseContentBufferSize = 6 * 1024 * 1024; });
        services.AddSingleton<WeChatTokenCache>();
        services.AddSingleton<WeChatClient>();
        services.AddSingleton<WeiboClient>();
        services.AddScoped<IOutboxConsumer, PushScheduler>();
        services.AddScoped<PushNotifier>();
        services.AddScoped<ChannelStopNotifier>();
        services.AddScoped<PushProcessor>();
        services.AddScoped<PushService>();
        services.AddSingleton<PushWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PushWorker>());

        services.AddScoped<ShareService>();
        services.AddScoped<ShareTargets>();

        foreach (var item in SyndicationAdmin.Menu) services.AddSingleton(item);
        services.AddScoped<IContentEditorPanel, SyndicationEditorPanel>();
        return services;
    }

    public static WebApplication MapSyndication(this WebApplication app)
    {
        FeedEndpoints.Map(app);
        SearchFeedEndpoint.Map(app);
        AppContentApi.Map(app);
        SyndicationApi.Map(app);
        SyndicationAdmin.Map(app);
        return app;
    }
}
