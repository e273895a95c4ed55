using Fenghua.Cms.Core;

namespace Fenghua.Cms.Syndication.Api;

/// <summary>API errors as application/problem+json naming the parameter at fault.</summary>
public static class Problem
{
    public static IResult Of(int status, string title, string detail, string? parameter = null, object? errors = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"https://fh.gov.cn/problems/{status}", ["title"] = title, ["status"] = status, ["detail"] = detail,
        };
        if (parameter is not null) body["parameter"] = parameter;
        if (errors is not null) body["errors"] = errors;
        return Results.Json(body, statusCode: status, contentType: "application/problem+json; charset=utf-8");
    }

    public static IResult From(ValidationException e) =>
        Of(400, "输入有误", e.Errors[0].Message, e.Errors[0].Field, e.Errors.Select(x => new { field = x.Field, message = x.Message }));

    public static IResult Forbidden(string site) => Of(403, "无权操作", $"当前用户在站点“{site}”没有此项权限。");

    public static IResult NoSite(string site) => Of(404, "站点不存在", $"站点“{site}”不存在。", "site");
}
