using System.Text.Json;
using Fenghua.Cms.Core;

namespace Fenghua.Cms.Media.Http;

/// <summary>API errors as RFC 9457 application/problem+json naming the parameter at fault (the shape the content API uses).</summary>
public sealed class MediaProblem(int status, string title, string detail, string? parameter, object? errors = null) : IResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static MediaProblem From(ValidationException e) =>
        new(400, "输入有误", e.Errors[0].Message, e.Errors[0].Field, e.Errors.Select(x => new { field = x.Field, message = x.Message }));

    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/problem+json; charset=utf-8";
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"https://fh.gov.cn/problems/{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (parameter is not null) body["parameter"] = parameter;
        if (errors is not null) body["errors"] = errors;
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
