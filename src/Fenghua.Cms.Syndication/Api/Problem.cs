using Fenghua.Cms.Theming.Http;

namespace Fenghua.Cms.Syndication.Api;

/// <summary>The channel API's recurring errors, in the shared <see cref="ApiProblem"/> shape.</summary>
public static class Problem
{
    public static IResult Forbidden(string site) => new ApiProblem(403, "无权操作", $"当前用户在站点“{site}”没有此项权限。", null);

    public static IResult NoSite(string site) => new ApiProblem(404, "站点不存在", $"站点“{site}”不存在。", "site");
}
