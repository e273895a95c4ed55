namespace Fenghua.Cms.Core.Content;

/// <summary>Government pages show Beijing time (UTC+8, no daylight saving).</summary>
public static class ShanghaiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToLocal(DateTimeOffset t) => t.ToOffset(Offset);

    /// <summary>The PubDate meta format: YYYY-MM-DD HH:MM.</summary>
    public static string PubDate(DateTimeOffset t) => ToLocal(t).ToString("yyyy-MM-dd HH:mm");

    public static string Date(DateTimeOffset t) => ToLocal(t).ToString("yyyy-MM-dd");

    /// <summary>2018年07月31日, as government article pages print dates.</summary>
    public static string ChineseDate(DateTimeOffset t) => ToLocal(t).ToString("yyyy年MM月dd日");
}
