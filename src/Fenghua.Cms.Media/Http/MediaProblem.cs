using Fenghua.Cms.Core;
using Fenghua.Cms.Theming.Http;

namespace Fenghua.Cms.Media.Http;

/// <summary>Media API errors in the shared problem+json shape.</summary>
public static class MediaProblem
{
    public static ApiProblem From(ValidationException e) =>
        new(400, "输入有误", e.Errors[0].Message, e.Errors[0].Field, e.Errors.Select(x => new { field = x.Field, message = x.Message }));
}
