using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fenghua.Cms.Web.Tests.Syndication.Doubles;

/// <summary>Weibo's statuses/share.json and statuses/user_timeline.json with their documented error codes, plus injected faults.</summary>
public sealed class WeiboDouble(string token, string safeDomain) : DoubleHost
{
    private readonly object _lock = new();

    public List<Status> Statuses { get; } = [];

    public sealed record Status(long Id, string Text, byte[]? Picture);

    public List<Status> Posted { get { lock (_lock) return [.. Statuses]; } }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/statuses/share.json", async (HttpContext http) =>
        {
            var fault = Faults.Take("share");
            if (fault == Fault.ServerError) { http.Response.StatusCode = 503; await http.Response.WriteAsync("Service Unavailable"); return; }
            if (fault == Fault.Busy) { await ErrorAsync(http, 20016, "out of limit"); return; }
            if (fault == Fault.TokenExpired) { await ErrorAsync(http, 21327, "expired_token"); return; }
            var form = await http.Request.ReadFormAsync();
            if (form["access_token"] != token) { await ErrorAsync(http, 21332, "invalid_access_token"); return; }
            var text = form["status"].ToString();
            if (Length(text) > 140) { await ErrorAsync(http, 20012, "Text too long, please input text less than 140 characters!"); return; }
            if (!text.Contains($"https://{safeDomain}/") && !text.Contains($"http://{safeDomain}/")) { await ErrorAsync(http, 10017, "the domain of the link is not bound to the app"); return; }
            byte[]? picture = null;
            if (form.Files["pic"] is { } pic)
            {
                using var ms = new MemoryStream();
                await pic.CopyToAsync(ms);
                picture = ms.ToArray();
                if (picture.Length >= 5 * 1024 * 1024 || !(WeChatDouble.IsJpeg(picture) || WeChatDouble.IsPng(picture))) { await ErrorAsync(http, 20007, "unsupported picture"); return; }
            }
            Status status;
            lock (_lock)
            {
                if (Statuses.Any(s => s.Text == text)) { status = null!; }
                else { status = new Status(4_900_000_000_000_000 + Statuses.Count + 1, text, picture); Statuses.Add(status); }
            }
            if (status is null) { await ErrorAsync(http, 20019, "repeat content!"); return; }
            if (fault == Fault.DropAfterWork) { http.Abort(); return; }
            if (fault == Fault.SlowAfterWork) await Task.Delay(SlowDelay);
            try { await Results.Json(Json(status)).ExecuteAsync(http); } catch (Exception) when (http.RequestAborted.IsCancellationRequested) { }
        });

        app.MapGet("/statuses/user_timeline.json", async (HttpContext http) =>
        {
            if (Faults.Take("user_timeline") == Fault.ServerError) { http.Response.StatusCode = 502; return; }
            if (http.Request.Query["access_token"] != token) { await ErrorAsync(http, 21332, "invalid_access_token"); return; }
            JsonArray statuses;
            lock (_lock) statuses = new JsonArray(Statuses.AsEnumerable().Reverse().Select(s => (JsonNode)Json(s)).ToArray());
            await Results.Json(new JsonObject { ["statuses"] = statuses, ["total_number"] = statuses.Count }).ExecuteAsync(http);
        });
    }

    /// <summary>Weibo's count: a full-width character is 1, two half-width characters are 1.</summary>
    public static int Length(string s) => (int)Math.Ceiling(s.Sum(c => c < 128 ? 0.5 : 1));

    private static JsonObject Json(Status s) => new()
    {
        ["id"] = s.Id, ["idstr"] = s.Id.ToString(), ["text"] = s.Text, ["created_at"] = DateTimeOffset.UtcNow.ToString("ddd MMM dd HH:mm:ss zzz yyyy"),
        ["user"] = new JsonObject { ["id"] = 1234567890, ["screen_name"] = "奉化发布" },
    };

    private static Task ErrorAsync(HttpContext http, int code, string message) =>
        Results.Json(new JsonObject { ["error_code"] = code, ["error"] = message, ["request"] = http.Request.Path.Value }, statusCode: 400).ExecuteAsync(http);
}
