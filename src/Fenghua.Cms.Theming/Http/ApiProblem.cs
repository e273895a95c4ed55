using System.Text.Json;

namespace Fenghua.Cms.Theming.Http;

/// <summary>
/// The one shape of API errors across modules: RFC 9457 application/problem+json naming the
/// parameter or field at fault, with optional per-field errors.
/// </summary>
public sealed class ApiProblem(int status, string title, string detail, string? parameter, object? errors = null) : IResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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
