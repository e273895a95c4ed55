namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>The steps of a push, in order. Each step's platform result is stored before the next starts.</summary>
public static class PushSteps
{
    /// <summary>Checks limits before anything is sent (too long → fails at once, nothing posted).</summary>
    public const string Check = "check";
    /// <summary>WeChat: re-hosts body images one at a time (media/uploadimg).</summary>
    public const string Images = "images";
    /// <summary>WeChat: uploads the cover (material/add_material).</summary>
    public const string Cover = "cover";
    /// <summary>WeChat: creates the draft (draft/add).</summary>
    public const string Draft = "draft";
    /// <summary>WeChat freepublish/submit or Weibo statuses/share.json: the step that makes something public.</summary>
    public const string Publish = "publish";
    /// <summary>WeChat: polls freepublish/get until a final status.</summary>
    public const string Poll = "poll";
    public const string Done = "done";
}
