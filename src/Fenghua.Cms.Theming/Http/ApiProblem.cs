using System.Text.Json;
using Fenghua.Cms.Core;

namespace Fenghua.Cms.Theming.Http;

/// <summary>
/// The one shape of API errors across modules, and its only writer: RFC 9457 application/problem+json
/// (type https://fh.gov.cn/problems/{status}, title, status, detail) naming the parameter or field at fault.
/// Rejected input (400) also carries <c>errors</c>, always a list of objects with at least <c>field</c> and
/// <c>message</c>, so a client reads one list whether one parameter or several fields were wrong.
/// </summary>
public sealed class ApiProblem(int status, string title, string detail, string? parameter, object? errors = null) : IResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One entry of <c>errors</c>: the field (or query parameter) and what is wrong with it.</summary>
    public sealed record FieldError(string Field, string Message);

    /// <summary>400 for a single bad query or route parameter; <c>errors</c> holds that one entry.</summary>
    public static ApiProblem BadParameter(string title, string detail, string parameter) =>
        new(400, title, detail, parameter, new[] { new FieldError(parameter, detail) });

    /// <summary>400 for input that broke rules: names the first field, lists every error.</summary>
    public static ApiProblem Invalid(ValidationException e) =>
        new(400, "输入有误", e.Errors[0].Message, e.Errors[0].Field, e.Errors.Select(x => new FieldError(x.Field, x.Message)).ToList());

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
