using Fenghua.Cms.Editorial.Admin;

namespace Fenghua.Cms.Syndication.Admin;

/// <summary>The module's admin pages on the signed-in /admin group: channels, push records, sharing.</summary>
public static class SyndicationAdmin
{
    public static readonly AdminMenuItem[] Menu =
    [
        new("/admin/channels", "新媒体渠道", 40, Core.Security.Permission.ManageChannels),
        new("/admin/pushes", "推送记录", 45),
        new("/admin/shares", "信息报送", 50),
    ];

    public static void Map(WebApplication app)
    {
        var admin = AdminEndpoints.Group(app);
        admin.MapGet("/channels", ChannelsPage.ShowAsync);
        admin.MapPost("/channels", ChannelsPage.AddAsync);
        admin.MapGet("/channels/{id:int}", ChannelEditPage.ShowAsync);
        admin.MapPost("/channels/{id:int}", ChannelEditPage.UpdateAsync);
        admin.MapPost("/channels/{id:int}/enabled", ChannelEditPage.SetEnabledAsync);
        admin.MapPost("/channels/{id:int}/secret", ChannelEditPage.RotateSecretAsync);
        admin.MapGet("/pushes", PushesPage.ShowAsync);
        admin.MapPost("/pushes/{id:long}/retry", PushesPage.RetryAsync);
        admin.MapGet("/shares", SharesPage.ShowAsync);
        admin.MapGet("/shares/new", ShareSubmitPage.ShowAsync);
        admin.MapPost("/shares/new", ShareSubmitPage.SubmitAsync);
        admin.MapPost("/shares/{id:int}/decide", SharesPage.DecideAsync);
        admin.MapGet("/content/{id:int}/channels", PushSettingsPage.ShowAsync);
        admin.MapPost("/content/{id:int}/channels", PushSettingsPage.SaveAsync);
    }
}
