using System.Net;
using System.Text.Json.Nodes;

namespace Fenghua.Cms.Syndication.Platforms;

/// <summary>Sends a platform request and turns transport problems into transient failures.</summary>
internal static class PlatformHttp
{
    public static async Task<JsonObject> SendAsync(HttpClient http, Func<HttpRequestMessage> request, string what, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request(), ct);
        }
        catch (HttpRequestException e) { throw PushFailure.Transient($"{what}：网络错误（{e.Message}）", e); }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested) { throw PushFailure.Transient($"{what}：平台响应超时", e); }
        using (response)
        {
            string body;
            try { body = await response.Content.ReadAsStringAsync(ct); }
            catch (HttpRequestException e) { throw PushFailure.Transient($"{what}：读取响应时网络中断", e); }
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
                throw PushFailure.Transient($"{what}：平台返回 HTTP {(int)response.StatusCode}");
            try
            {
                return JsonNode.Parse(body) as JsonObject ?? throw PushFailure.Transient($"{what}：平台响应不是 JSON 对象");
            }
            catch (System.Text.Json.JsonException)
            {
                if (!response.IsSuccessStatusCode) throw PushFailure.Stop($"{what}：平台返回 HTTP {(int)response.StatusCode}");
                throw PushFailure.Transient($"{what}：平台响应无法解析");
            }
        }
    }
}
