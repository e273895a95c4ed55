using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fenghua.Cms.Data.Syndication;

namespace Fenghua.Cms.Syndication.Platforms;

/// <summary>
/// The WeChat official-account calls a push needs. Each call asks the shared token cache for a token
/// and, on 40001/42001, refreshes it once and repeats the call.
/// </summary>
public sealed class WeChatClient(IHttpClientFactory clients, WeChatTokenCache tokens)
{
    public const string HttpClientName = "fenghua-wechat";

    public async Task<string> UploadImageAsync(Channel channel, string secret, byte[] image, string fileName, CancellationToken ct)
    {
        var json = await CallAsync(channel, secret, "上传正文图片", token => Multipart($"cgi-bin/media/uploadimg?access_token={token}", channel, image, fileName), ct);
        return json["url"]?.GetValue<string>() ?? throw PushFailure.Transient("上传正文图片：响应缺少 url");
    }

    public async Task<string> AddCoverAsync(Channel channel, string secret, byte[] image, string fileName, CancellationToken ct)
    {
        var json = await CallAsync(channel, secret, "上传封面", token => Multipart($"cgi-bin/material/add_material?access_token={token}&type=image", channel, image, fileName), ct);
        return json["media_id"]?.GetValue<string>() ?? throw PushFailure.Transient("上传封面：响应缺少 media_id");
    }

    public async Task<string> AddDraftAsync(Channel channel, string secret, WeChatArticle a, CancellationToken ct)
    {
        var body = new
        {
            articles = new[]
            {
                new { title = a.Title, author = a.Author, digest = a.Digest, content = a.Content, content_source_url = a.ContentSourceUrl,
                      thumb_media_id = a.ThumbMediaId, need_open_comment = 0, only_fans_can_comment = 0 },
            },
        };
        var json = await CallAsync(channel, secret, "新建草稿", token => new HttpRequestMessage(HttpMethod.Post, $"{channel.ApiBaseUrl}cgi-bin/draft/add?access_token={token}")
            { Content = JsonContent.Create(body) }, ct);
        return json["media_id"]?.GetValue<string>() ?? throw PushFailure.Transient("新建草稿：响应缺少 media_id");
    }

    public async Task<string> SubmitAsync(Channel channel, string secret, string draftMediaId, CancellationToken ct)
    {
        var json = await CallAsync(channel, secret, "提交发布", token => new HttpRequestMessage(HttpMethod.Post, $"{channel.ApiBaseUrl}cgi-bin/freepublish/submit?access_token={token}")
            { Content = JsonContent.Create(new { media_id = draftMediaId }) }, ct);
        return json["publish_id"]?.ToString() ?? throw PushFailure.Transient("提交发布：响应缺少 publish_id");
    }

    public async Task<WeChatPublishStatus> GetPublishAsync(Channel channel, string secret, string publishId, CancellationToken ct)
    {
        var json = await CallAsync(channel, secret, "查询发布状态", token => new HttpRequestMessage(HttpMethod.Post, $"{channel.ApiBaseUrl}cgi-bin/freepublish/get?access_token={token}")
            { Content = JsonContent.Create(new { publish_id = publishId }) }, ct);
        var status = json["publish_status"]?.GetValue<int>() ?? throw PushFailure.Transient("查询发布状态：响应缺少 publish_status");
        var url = (json["article_detail"]?["item"] as JsonArray)?.FirstOrDefault()?["article_url"]?.GetValue<string>();
        return new WeChatPublishStatus(status, json["article_id"]?.GetValue<string>(), url, json["fail_idx"]?.ToJsonString());
    }

    /// <summary>
    /// Looks through the account's recent publications (cgi-bin/freepublish/batchget) for the article with
    /// this original-page URL and title that no other push has claimed: a submit whose answer was lost.
    /// </summary>
    public async Task<(string ArticleId, string Url)?> FindPublishedAsync(Channel channel, string secret, string sourceUrl, string title, IReadOnlySet<string> claimed, CancellationToken ct)
    {
        var json = await CallAsync(channel, secret, "核对已发布文章", token => new HttpRequestMessage(HttpMethod.Post, $"{channel.ApiBaseUrl}cgi-bin/freepublish/batchget?access_token={token}")
            { Content = JsonContent.Create(new { offset = 0, count = 20, no_content = 1 }) }, ct);
        foreach (var item in (json["item"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var articleId = item["article_id"]?.GetValue<string>();
            if (articleId is null || claimed.Contains(articleId)) continue;
            var news = (item["content"]?["news_item"] as JsonArray)?.FirstOrDefault();
            if (news?["content_source_url"]?.GetValue<string>() == sourceUrl && news["title"]?.GetValue<string>() == title)
                return (articleId, news["url"]?.GetValue<string>() ?? "");
        }
        return null;
    }

    private async Task<JsonObject> CallAsync(Channel channel, string secret, string what, Func<string, HttpRequestMessage> request, CancellationToken ct)
    {
        var http = clients.CreateClient(HttpClientName);
        var token = await tokens.GetAsync(channel, secret, ct);
        for (var attempt = 0; ; attempt++)
        {
            var json = await PlatformHttp.SendAsync(http, () => request(token), what, ct);
            var code = json["errcode"]?.GetValue<int>() ?? 0;
            if (code == 0) return json;
            if (WeChatErrors.IsTokenProblem(code) && attempt == 0)
            {
                token = await tokens.GetAsync(channel, secret, ct, rejected: token);
                continue;
            }
            throw WeChatErrors.ToFailure(what, code, json["errmsg"]?.GetValue<string>());
        }
    }

    private static HttpRequestMessage Multipart(string pathAndQuery, Channel channel, byte[] image, string fileName)
    {
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(ImageBytes.MediaType(image));
        var form = new MultipartFormDataContent { { file, "media", fileName } };
        return new HttpRequestMessage(HttpMethod.Post, channel.ApiBaseUrl + pathAndQuery) { Content = form };
    }
}
