using Microsoft.AspNetCore.Hosting;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>
/// The product with the push worker switched off, so each test drives push steps itself (and can
/// recreate the worker between steps); platform requests time out after 2 s, and retries are due at once.
/// A lost publishing answer is looked for during 5 minutes of the tests' simulated clock (ChannelTestBase.Clock).
/// </summary>
public abstract class ChannelCmsFactory(bool postgres) : CmsFactory(postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Fenghua:Syndication:WorkerEnabled", "false");
        builder.UseSetting("Fenghua:Syndication:RequestTimeoutSeconds", "2");
        builder.UseSetting("Fenghua:Syndication:PublishPollSeconds", "0");
        builder.UseSetting("Fenghua:Syndication:RetryBaseSeconds", "0");
        builder.UseSetting("Fenghua:Syndication:MaxAttempts", "6");
        builder.UseSetting("Fenghua:Syndication:LostAnswerWaitSeconds", "300");
    }
}

public sealed class SqliteChannelCmsFactory() : ChannelCmsFactory(postgres: false);

public sealed class PostgresChannelCmsFactory() : ChannelCmsFactory(postgres: true);
