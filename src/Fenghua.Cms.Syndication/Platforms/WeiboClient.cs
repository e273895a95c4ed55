using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Fenghua.Cms.Data.Syndication;

namespace Fenghua.Cms.Syndication.Platforms;

/// <summary>Weibo's statuses/share.json (text with a link on the safe domain, optional picture) and the timeline to check a lost answer.</summary>
public sealed class WeiboClient(IHttpClientFactory clients)
{
    public const string HttpClientName = "fenghua-weibo";

    public async Task<string> ShareAsync(Channel channel, string token, string text, byte[]? picture, CancellationToken ct)
    {
        var http = clients.CreateClient(HttpClientName);
        var json = await PlatformHttp.SendAsync(http, () =>
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "access_token" },
                { new StringContent(text), "status" },
            };
            if (picture is not null)
            {
                var pic = new ByteArrayContent(picture);
                pic.Headers.ContentType = new MediaTypeHeaderValue(ImageBytes.MediaType(picture));
                form.Add(pic, "pic", "cover" + ImageBytes.Extension(picture));
            }
            return new HttpRequestMessage(HttpMethod.Post, channel.ApiBaseUrl + "statuses/share.json") { Content = form };
        }, "发布微博", ct);
        ThrowOnError(json);
        return json["idstr"]?.GetValue<string>() ?? json["id"]?.ToString() ?? throw PushFailure.Transient("发布微博：响应缺少 id");
    }

    /// <summary>The id of a recent status of the account with exactly this text that no other push claimed.</summary>
    public async Task<string?> FindRecentAsync(Channel channel, string token, string text, IReadOnlySet<string> claimed, CancellationToken ct)
    {
        var http = clients.CreateClient(HttpClientName);
        var json = await PlatformHttp.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get,
            $"{channel.ApiBaseUrl}statuses/user_timeline.json?access_token={Uri.EscapeDataString(token)}&count=20"), "核对已发微博", ct);
        ThrowOnError(json);
        return (json["statuses"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(s => s["text"]?.GetValue<string>() == text)
            .Select(s => s["idstr"]?.GetValue<string>() ?? s["id"]?.ToString())
            .FirstOrDefault(id => id is not null && !claimed.Contains(id));
    }

    private static void ThrowOnError(JsonObject json)
    {
        if (json["error_code"]?.GetValue<int>() is not { } code) return;
        var message = json["error"]?.GetValue<string>();
        throw code switch
        {
            20016 => PushFailure.Transient("发布微博：发布过于频繁（20016）"),
            10017 => PushFailure.Stop("发布微博：正文中没有应用绑定的安全域名链接（10017），请核对渠道的安全域名"),
            20017 or 20019 => PushFailure.Stop($"发布微博：与已发微博内容相同或相似（{code}）"),
            20021 => PushFailure.Stop("发布微博：内容被平台判定为违规（20021），请修改后再推送"),
            21315 or 21327 => PushFailure.Stop($"发布微博：访问令牌已过期（{code}），请管理员更新渠道的令牌"),
            >= 10001 and <= 10014 => PushFailure.Transient($"发布微博：平台系统错误 {code} {message}"),
            _ => PushFailure.Stop($"发布微博：微博返回错误 {code} {message}"),
        };
    }
}
