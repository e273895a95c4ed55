namespace Fenghua.Cms.Syndication.Platforms;

/// <summary>WeChat errcodes: which ones a retry can fix.</summary>
public static class WeChatErrors
{
    public const int Busy = -1;
    public const int InvalidToken = 40001;
    public const int ExpiredToken = 42001;
    public const int IpNotWhitelisted = 40164;
    public const int Quota = 45009;

    public static bool IsTokenProblem(int code) => code is InvalidToken or ExpiredToken;

    /// <summary>An errcode is an answer: the call did not take effect (<see cref="PushFailure.Refused"/>).</summary>
    public static PushFailure ToFailure(string what, int code, string? message) => code switch
    {
        Busy => new(false, $"{what}：微信系统繁忙（-1）", refused: true),
        InvalidToken or ExpiredToken => new(false, $"{what}：access_token 失效（{code}）", refused: true),
        Quota => new(true, $"{what}：接口调用次数已达今日上限（45009），请明日重试或联系公众号管理员", refused: true),
        IpNotWhitelisted => new(true, $"{what}：服务器 IP 不在公众号白名单中（40164），请管理员在公众平台添加", refused: true),
        _ => new(true, $"{what}：微信返回错误 {code} {message}", refused: true),
    };
}
