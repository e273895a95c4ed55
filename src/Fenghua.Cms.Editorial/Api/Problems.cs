using System.Text.Json;
using Fenghua.Cms.Core;
using Fenghua.Cms.Editorial.Checks;
using Fenghua.Cms.Editorial.Review;

namespace Fenghua.Cms.Editorial.Api;

/// <summary>Errors of the API as RFC 9457 application/problem+json, each naming the parameter or field at fault.</summary>
public static class Problems
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task Write(HttpContext http, int status, string title, string detail, string? parameter, object? errors = null)
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

    public static IResult Result(int status, string title, string detail, string? parameter, object? errors = null) =>
        new ProblemResult(status, title, detail, parameter, errors);

    public static IResult From(Exception e) => e switch
    {
        ValidationException v => Result(400, "输入有误", v.Errors[0].Message, v.Errors[0].Field, v.Errors.Select(x => new { field = x.Field, message = x.Message })),
        ChecksBlockedException c => Result(409, "审查未通过", c.Message, c.Findings.FirstOrDefault(f => f.Severity != CheckSeverity.Warning)?.Field, c.Findings.Select(Finding)),
        ForbiddenException f => Result(403, "无权操作", f.Message, null),
        NotFoundException n => Result(404, "不存在", n.Message, null),
        _ => throw e,
    };

    public static object Finding(CheckFinding f) => new
    {
        kind = f.Kind, field = f.Field, line = f.Line, column = f.Column, offset = f.Offset, length = f.Length,
        text = f.Text, message = f.Message, severity = f.Severity.ToString().ToLowerInvariant(),
    };

    private sealed class ProblemResult(int status, string title, string detail, string? parameter, object? errors) : IResult
    {
        public Task ExecuteAsync(HttpContext http) => Write(http, status, title, detail, parameter, errors);
    }
}
