using Fenghua.Cms.Core;
using Fenghua.Cms.Editorial.Checks;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Theming.Http;

namespace Fenghua.Cms.Editorial.Api;

/// <summary>Errors of the API as RFC 9457 application/problem+json, each naming the parameter or field at fault.</summary>
public static class Problems
{
    public static Task Write(HttpContext http, int status, string title, string detail, string? parameter, object? errors = null) =>
        new ApiProblem(status, title, detail, parameter, errors).ExecuteAsync(http);

    public static IResult Result(int status, string title, string detail, string? parameter, object? errors = null) =>
        new ApiProblem(status, title, detail, parameter, errors);

    public static IResult From(Exception e) => e switch
    {
        ValidationException v => ApiProblem.Invalid(v),
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
}
