using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fenghua.Cms.Web.Tests.Syndication.Doubles;

/// <summary>
/// The WeChat official-account API as documented: stable_token, media/uploadimg, material/add_material,
/// draft/add, freepublish/submit|get|batchget, with their error codes and limits, plus injected faults.
/// </summary>
public sealed class WeChatDouble(string appId, string secret) : DoubleHost
{
    private readonly object _lock = new();
    private readonly Dictionary<string, bool> _tokens = []; // token → expired
    private string? _current;
    private int _counter;

    public int TokenFetches { get; private set; }

    /// <summary>The account's AppSecret on the platform: resetting it (as an administrator does before rotating it in the CMS) refuses the old one.</summary>
    public string Secret { get; set; } = secret;

    /// <summary>Every secret a stable_token call presented, in order.</summary>
    public List<string> SecretsSeen { get; } = [];
    public List<byte[]> BodyImages { get; } = [];
    public List<byte[]> Covers { get; } = [];
    public ConcurrentDictionary<string, JsonObject> Drafts { get; } = new();
    public List<Publication> Publications { get; } = [];

    /// <summary>The final status the next submitted publication ends in (0 ok, 4 rejected by review...).</summary>
    public int NextFinalStatus { get; set; }

    /// <summary>How many freepublish/get calls answer 1 (publishing) before the final status.</summary>
    public int PollsBeforeFinal { get; set; } = 1;

    /// <summary>Articles that went public (status 0): what readers of the account see.</summary>
    public List<Publication> Articles { get { lock (_lock) return Publications.Where(p => p.FinalStatus == 0).ToList(); } }

    public sealed record Publication(string PublishId, string DraftMediaId, int FinalStatus, string ArticleId, string Url, JsonObject Article)
    {
        public int Polls { get; set; }
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/cgi-bin/stable_token", http => HandleAsync(http, "stable_token", needsToken: false, async () =>
        {
            var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            if ((string?)body["grant_type"] != "client_credential") return Error(40002, "invalid grant_type");
            if ((string?)body["appid"] != appId) return Error(40013, "invalid appid");
            lock (_lock)
            {
                SecretsSeen.Add((string?)body["secret"] ?? "");
                if ((string?)body["secret"] != Secret) return Error(40125, "invalid appsecret");
                TokenFetches++;
                if (_current is null || _tokens[_current] || body["force_refresh"]?.GetValue<bool>() == true)
                {
                    _current = $"TOKEN_{++_counter}_{Guid.NewGuid():N}";
                    _tokens[_current] = false;
                }
                return new JsonObject { ["access_token"] = _current, ["expires_in"] = 7200 };
            }
        }));

        app.MapPost("/cgi-bin/media/uploadimg", http => HandleAsync(http, "uploadimg", needsToken: true, async () =>
        {
            var file = (await http.Request.ReadFormAsync()).Files["media"];
            if (file is null) return Error(41005, "media data missing");
            var bytes = await ReadAsync(file);
            if (bytes.Length >= 1024 * 1024) return Error(40009, "invalid image size");
            if (!IsJpeg(bytes) && !IsPng(bytes)) return Error(40005, "invalid file type");
            lock (_lock)
            {
                BodyImages.Add(bytes);
                return new JsonObject { ["url"] = $"http://mmbiz.qpic.cn/mmbiz_png/IMG{BodyImages.Count}/0?wx_fmt=png" };
            }
        }));

        app.MapPost("/cgi-bin/material/add_material", http => HandleAsync(http, "add_material", needsToken: true, async () =>
        {
            var type = http.Request.Query["type"].ToString();
            if (type != "image" && type != "thumb") return Error(40004, "invalid media type");
            var file = (await http.Request.ReadFormAsync()).Files["media"];
            if (file is null) return Error(41005, "media data missing");
            var bytes = await ReadAsync(file);
            if (bytes.Length > 10 * 1024 * 1024) return Error(40009, "invalid image size");
            if (!IsJpeg(bytes) && !IsPng(bytes)) return Error(40005, "invalid file type");
            lock (_lock)
            {
                Covers.Add(bytes);
                return new JsonObject { ["media_id"] = $"COVER_{Covers.Count}", ["url"] = $"http://mmbiz.qpic.cn/cover/{Covers.Count}" };
            }
        }));

        app.MapPost("/cgi-bin/draft/add", http => HandleAsync(http, "draft/add", needsToken: true, async () =>
        {
            var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            if (body["articles"] is not JsonArray { Count: > 0 } articles) return Error(44003, "empty news data");
            var a = articles[0]!.AsObject();
            var title = (string?)a["title"] ?? "";
            var content = (string?)a["content"] ?? "";
            if (title.Length is 0 or > 32) return Error(45003, "title size out of limit");
            if (((string?)a["author"] ?? "").Length > 16) return Error(45110, "author size out of limit");
            if (((string?)a["digest"] ?? "").Length > 128) return Error(45004, "description size out of limit");
            if (content.Length >= 20000 || System.Text.Encoding.UTF8.GetByteCount(content) >= 1024 * 1024) return Error(45002, "content size out of limit");
            if (content.Contains("<script", StringComparison.OrdinalIgnoreCase)) return Error(45166, "invalid content");
            lock (_lock)
                if (!Covers.Select((_, i) => $"COVER_{i + 1}").Contains((string?)a["thumb_media_id"])) return Error(40007, "invalid media_id");
            var id = $"DRAFT_{Interlocked.Increment(ref _counter)}";
            Drafts[id] = a;
            return new JsonObject { ["media_id"] = id };
        }));

        app.MapPost("/cgi-bin/freepublish/submit", http => HandleAsync(http, "freepublish/submit", needsToken: true, async () =>
        {
            var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            var draft = (string?)body["media_id"];
            if (draft is null || !Drafts.TryGetValue(draft, out var article)) return Error(40007, "invalid media_id");
            lock (_lock)
            {
                var n = Publications.Count + 1;
                var publication = new Publication($"{2247483647 + n}", draft, NextFinalStatus, $"ARTICLE_{n}", $"https://mp.weixin.qq.com/s/ARTICLE_{n}", article);
                Publications.Add(publication);
                return new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["publish_id"] = publication.PublishId, ["msg_data_id"] = 2247483647 + n };
            }
        }));

        app.MapPost("/cgi-bin/freepublish/get", http => HandleAsync(http, "freepublish/get", needsToken: true, async () =>
        {
            var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            var id = body["publish_id"]?.ToString();
            Publication? p;
            lock (_lock) p = Publications.FirstOrDefault(x => x.PublishId == id);
            if (p is null) return Error(40007, "invalid publish_id");
            var status = p.Polls++ < PollsBeforeFinal ? 1 : p.FinalStatus;
            var result = new JsonObject { ["publish_id"] = p.PublishId, ["publish_status"] = status };
            if (status == 0)
            {
                result["article_id"] = p.ArticleId;
                result["article_detail"] = new JsonObject { ["count"] = 1, ["item"] = new JsonArray(new JsonObject { ["idx"] = 1, ["article_url"] = p.Url }) };
            }
            if (status is 2 or 4) result["fail_idx"] = new JsonArray(1);
            return result;
        }));

        // Lists successful publications only, as the platform does: one still publishing (its first
        // PollsBeforeFinal observations, by get or by this list) is not there yet.
        app.MapPost("/cgi-bin/freepublish/batchget", http => HandleAsync(http, "freepublish/batchget", needsToken: true, () =>
        {
            lock (_lock)
            {
                var finished = Publications.Where(p => p.Polls++ >= PollsBeforeFinal && p.FinalStatus == 0).ToList();
                var items = new JsonArray(finished.AsEnumerable().Reverse().Select(p => (JsonNode)new JsonObject
                {
                    ["article_id"] = p.ArticleId,
                    ["content"] = new JsonObject
                    {
                        ["news_item"] = new JsonArray(new JsonObject
                        {
                            ["title"] = (string?)p.Article["title"], ["content_source_url"] = (string?)p.Article["content_source_url"],
                            ["url"] = p.Url, ["is_deleted"] = false,
                        }),
                    },
                }).ToArray());
                return Task.FromResult<JsonObject>(new JsonObject { ["total_count"] = items.Count, ["item_count"] = items.Count, ["item"] = items });
            }
        }));
    }

    private async Task HandleAsync(HttpContext http, string endpoint, bool needsToken, Func<Task<JsonObject>> work)
    {
        var fault = Faults.Take(endpoint);
        switch (fault)
        {
            case Fault.ServerError: http.Response.StatusCode = 502; await http.Response.WriteAsync("Bad Gateway"); return;
            case Fault.Busy: await WriteAsync(http, Error(-1, "system error")); return;
            case Fault.Quota: await WriteAsync(http, Error(45009, "reach max api daily quota limit")); return;
            case Fault.TokenExpired: lock (_lock) if (_current is not null) _tokens[_current] = true; break;
        }
        if (needsToken)
        {
            var token = http.Request.Query["access_token"].ToString();
            bool expired;
            lock (_lock) { if (!_tokens.TryGetValue(token, out expired)) { expired = false; token = ""; } }
            if (token.Length == 0) { await WriteAsync(http, Error(40001, "invalid credential, access_token is invalid or not latest")); return; }
            if (expired) { await WriteAsync(http, Error(42001, "access_token expired")); return; }
        }
        var result = await work();
        if (fault == Fault.DropAfterWork) { http.Abort(); return; }
        if (fault == Fault.SlowAfterWork) await Task.Delay(SlowDelay);
        try { await WriteAsync(http, result); } catch (Exception) when (http.RequestAborted.IsCancellationRequested) { }
    }

    private static JsonObject Error(int code, string message) => new() { ["errcode"] = code, ["errmsg"] = message };

    private static Task WriteAsync(HttpContext http, JsonObject json)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(json.ToJsonString());
    }

    private static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms);
        return ms.ToArray();
    }

    internal static bool IsJpeg(byte[] b) => b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;

    internal static bool IsPng(byte[] b) => b.Length > 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47;
}
