using System.Globalization;
using Fenghua.Cms.Core.Content;

namespace Fenghua.Cms.Syndication.Feeds;

/// <summary>Dates as each format wants them, in Beijing time.</summary>
public static class FeedTime
{
    /// <summary>RFC 822 (RSS): Thu, 02 Aug 2018 09:30:00 +0800.</summary>
    public static string Rfc822(DateTimeOffset t) =>
        ShanghaiTime.ToLocal(t).ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0800";

    /// <summary>RFC 3339 (Atom, JSON Feed): 2018-08-02T09:30:00+08:00.</summary>
    public static string Rfc3339(DateTimeOffset t) =>
        ShanghaiTime.ToLocal(t).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
