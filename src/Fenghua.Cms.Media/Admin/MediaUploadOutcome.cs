using Fenghua.Cms.Data.Media;

namespace Fenghua.Cms.Media.Admin;

/// <summary>What became of each file of one upload form: stored, or refused with the library's reason (which names the file).</summary>
public sealed record MediaUploadOutcome(IReadOnlyList<MediaFile> Stored, IReadOnlyList<string> Refused)
{
    /// <summary>"已上传 2 个（a.png、b.pdf），1 个被拒。"</summary>
    public string Summary
    {
        get
        {
            var stored = Stored.Count == 0 ? "没有文件上传成功" : $"已上传 {Stored.Count} 个（{string.Join("、", Stored.Select(f => f.OriginalName))}）";
            return Refused.Count == 0 ? stored + "。" : $"{stored}，{Refused.Count} 个被拒。";
        }
    }

    /// <summary>The summary followed by every reason, for a one-line message.</summary>
    public string SummaryWithReasons => Refused.Count == 0 ? Summary : Summary.TrimEnd('。') + "：" + string.Join(" ", Refused);
}
