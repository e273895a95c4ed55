using System.Security.Claims;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Syndication.Channels;
using Fenghua.Cms.Syndication.Pushes;
using Fenghua.Cms.Syndication.Sharing;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Fenghua.Cms.Theming.Http;

namespace Fenghua.Cms.Syndication.Api;

/// <summary>
/// /api/v1/sites/{site}/…: channels (register, list), push status and retry, sharing between sites.
/// Bearer tokens only (the Editorial module's ApiToken scheme); each call is checked against the
/// site it acts on.
/// </summary>
public static class SyndicationApi
{
    public const string TokenScheme = "ApiToken";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/sites/{site}").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = TokenScheme })
            .DisableAntiforgery().AddEndpointFilter(async (ctx, next) =>
            {
                try { return await next(ctx); }
                catch (ValidationException e) { return ApiProblem.Invalid(e); }
            });

        api.MapGet("/channels", (string site, HttpContext http, SiteAccess access, ChannelService channels) =>
            WithSiteAsync(http, access, site, Permission.ManageChannels, s => channels.ListAsync(s, http.RequestAborted)));

        api.MapPost("/channels", (string site, HttpContext http, SiteAccess access, ChannelService channels) =>
            WithSiteAsync(http, access, site, Permission.ManageChannels, async s =>
            {
                var body = await JsonBody.ReadAsync(http.Request, http.RequestAborted);
                var view = await channels.AddAsync(s, new ChannelInput(JsonBody.Str(body, "kind"), JsonBody.Str(body, "name"), JsonBody.Str(body, "appId"),
                    JsonBody.Str(body, "secret"), JsonBody.Str(body, "safeDomain"), JsonBody.Str(body, "apiBaseUrl")), ActorOf(http), http.RequestAborted);
                return Created(http, $"/api/v1/sites/{site}/channels/{view.Id}", view);
            }));

        // Changes to one registered account. The channel must belong to the URL's site: another site's channel is 404
        // for everyone (even a district administrator uses that channel's own site in the URL), so nobody learns or
        // touches another body's accounts through their own site's address.
        api.MapMethods("/channels/{channelId:int}", ["PATCH"], (string site, int channelId, HttpContext http, SiteAccess access, ChannelService channels) =>
            WithSiteAsync(http, access, site, Permission.ManageChannels, async s =>
            {
                var current = await channels.GetAsync(s, channelId, http.RequestAborted);
                if (current is null) return NoChannel(site, channelId);
                var body = await JsonBody.ReadAsync(http.Request, http.RequestAborted);
                var edit = ChannelPatch.Apply(current, body);
                return (object)await channels.UpdateAsync(s, channelId, edit, ActorOf(http), http.RequestAborted);
            }));

        api.MapPost("/channels/{channelId:int}/enable", (string site, int channelId, HttpContext http, SiteAccess access, ChannelService channels) =>
            SetEnabledAsync(http, access, channels, site, channelId, true));

        api.MapPost("/channels/{channelId:int}/disable", (string site, int channelId, HttpContext http, SiteAccess access, ChannelService channels) =>
            SetEnabledAsync(http, access, channels, site, channelId, false));

        api.MapPost("/channels/{channelId:int}/secret", (string site, int channelId, HttpContext http, SiteAccess access, ChannelService channels) =>
            WithSiteAsync(http, access, site, Permission.ManageChannels, async s =>
            {
                if (await channels.GetAsync(s, channelId, http.RequestAborted) is null) return NoChannel(site, channelId);
                var body = await JsonBody.ReadAsync(http.Request, http.RequestAborted);
                // The answer is the channel as listed: never the secret.
                return (object)await channels.RotateSecretAsync(s, channelId, JsonBody.Str(body, "secret"), ActorOf(http), http.RequestAborted);
            }));

        api.MapGet("/pushes", (string site, string? state, HttpContext http, SiteAccess access, PushService pushes) =>
            WithSiteAsync(http, access, site, Permission.ViewAdmin, async s =>
            {
                PushState? filter = null;
                if (state is not null)
                {
                    if (!Enum.TryParse<PushState>(state, true, out var parsed) || !Enum.IsDefined(parsed))
                        throw new ValidationException([new("state", $"状态“{state}”无效：应为 Pending、Succeeded 或 Failed。")]);
                    filter = parsed;
                }
                var paging = ApiPaging.Of(http.Request);
                return ApiPaging.Answer(http, await pushes.PageAsync(s, filter, paging.Request, http.RequestAborted), paging.Asked, Json);
            }));

        api.MapGet("/content/{itemId:int}/pushes", (string site, int itemId, HttpContext http, SiteAccess access, PushService pushes) =>
            WithSiteAsync(http, access, site, Permission.ViewAdmin, s => pushes.ForItemAsync(s, itemId, http.RequestAborted)));

        api.MapPost("/pushes/{pushId:long}/retry", (string site, long pushId, HttpContext http, SiteAccess access, PushService pushes) =>
            WithSiteAsync(http, access, site, Permission.Publish, s => pushes.RetryAsync(s, pushId, ActorOf(http), http.RequestAborted)));

        // 信息报送: the source site's authors submit; the receiving site's reviewers decide.
        api.MapPost("/shares", (string site, HttpContext http, SiteAccess access, ShareService shares) =>
            WithSiteAsync(http, access, site, Permission.SubmitForReview, async s =>
            {
                var body = await JsonBody.ReadAsync(http.Request, http.RequestAborted);
                if (JsonBody.Int(body, "itemId") is not { } itemId) throw new ValidationException([new("itemId", "必须提供要报送的稿件编号 itemId。")]);
                var view = await shares.SubmitAsync(s, itemId, JsonBody.Str(body, "targetSite"), JsonBody.Str(body, "columnPath"), ActorOf(http), http.RequestAborted);
                return Created(http, $"/api/v1/sites/{view.TargetSite}/shares/{view.Id}", view);
            }));

        api.MapGet("/shares/outgoing", (string site, HttpContext http, SiteAccess access, ShareService shares) =>
            WithSiteAsync(http, access, site, Permission.ViewAdmin, async s =>
            {
                var paging = ApiPaging.Of(http.Request);
                return ApiPaging.Answer(http, await shares.OutgoingPageAsync(s, paging.Request, http.RequestAborted), paging.Asked, Json);
            }));

        api.MapGet("/shares/incoming", (string site, string? state, HttpContext http, SiteAccess access, ShareService shares) =>
            WithSiteAsync(http, access, site, Permission.Review, async s =>
            {
                ShareState? filter = null;
                if (state is not null)
                {
                    if (!Enum.TryParse<ShareState>(state, true, out var parsed) || !Enum.IsDefined(parsed))
                        throw new ValidationException([new("state", $"状态“{state}”无效：应为 Submitted、Accepted 或 Declined。")]);
                    filter = parsed;
                }
                var paging = ApiPaging.Of(http.Request);
                return ApiPaging.Answer(http, await shares.IncomingPageAsync(s, filter, paging.Request, waitingFirst: false, http.RequestAborted), paging.Asked, Json);
            }));

        api.MapPost("/shares/{shareId:int}/accept", (string site, int shareId, HttpContext http, SiteAccess access, ShareService shares) =>
            WithSiteAsync(http, access, site, Permission.Review, async s =>
                await shares.AcceptAsync(s, shareId, await CommentAsync(http), ActorOf(http), http.RequestAborted)));

        api.MapPost("/shares/{shareId:int}/decline", (string site, int shareId, HttpContext http, SiteAccess access, ShareService shares) =>
            WithSiteAsync(http, access, site, Permission.Review, async s =>
                await shares.DeclineAsync(s, shareId, await CommentAsync(http), ActorOf(http), http.RequestAborted)));
    }

    /// <summary>Enables or disables a channel; the answer is the channel plus how many pending pushes the disabling stopped.</summary>
    private static Task<IResult> SetEnabledAsync(HttpContext http, SiteAccess access, ChannelService channels, string site, int channelId, bool enabled) =>
        WithSiteAsync(http, access, site, Permission.ManageChannels, async s =>
        {
            if (await channels.GetAsync(s, channelId, http.RequestAborted) is null) return NoChannel(site, channelId);
            var (view, stopped) = await channels.SetEnabledAsync(s, channelId, enabled, ActorOf(http), http.RequestAborted);
            var answer = (JsonObject)JsonSerializer.SerializeToNode(view, Json)!;
            answer["stoppedPushes"] = stopped;
            return Results.Json(answer, Json);
        });

    private static IResult NoChannel(string site, int channelId) =>
        new ApiProblem(404, "渠道不存在", $"渠道 {channelId} 不存在或不属于站点“{site}”。", "channelId");

    private static async Task<IResult> WithSiteAsync<T>(HttpContext http, SiteAccess access, string key, Permission permission, Func<int, Task<T>> action)
    {
        var site = await access.SiteAsync(key, http.RequestAborted);
        if (site is null) return Problem.NoSite(key);
        if (!await access.HasAsync(http.User, site.Id, permission, http.RequestAborted)) return Problem.Forbidden(key);
        var result = await action(site.Id);
        return result as IResult ?? Results.Json(result, Json);
    }

    /// <summary>Enums as their names (State: "Failed"), camelCase members.</summary>
    internal static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static IResult Created(HttpContext http, string location, object value)
    {
        http.Response.Headers.Location = location;
        return Results.Json(value, Json, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<string?> CommentAsync(HttpContext http) =>
        http.Request.ContentLength == 0 || (http.Request.ContentLength is null && !http.Request.HasJsonContentType())
            ? null : JsonBody.Str(await JsonBody.ReadAsync(http.Request, http.RequestAborted), "comment");

    private static Actor ActorOf(HttpContext http) =>
        new(http.User.FindFirstValue(ClaimTypes.Name) ?? "api", http.Connection.RemoteIpAddress?.ToString());
}
