using Fenghua.Cms.Core.Security;

namespace Fenghua.Cms.Editorial.Review;

public static class PermissionNames
{
    public static string Of(Permission p) => p switch
    {
        Permission.ViewAdmin => "进入后台",
        Permission.WriteDrafts => "撰写稿件",
        Permission.SubmitForReview => "提交审核",
        Permission.Review => "审核",
        Permission.Publish => "发布",
        Permission.OverrideChecks => "放行检查",
        Permission.ManageMedia => "管理素材",
        Permission.ManageColumns => "管理栏目",
        Permission.ManageChannels => "管理新媒体",
        Permission.ManageSite => "管理站点",
        Permission.ManageUsers => "管理用户",
        Permission.ViewAudit => "查看审计日志",
        _ => p.ToString(),
    };
}
