using System.Security.Cryptography;
using Fenghua.Cms.Core;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>
/// The printed issues' PDFs, kept under {DataPath}/gazette/{site}/{year}/{issue}.pdf — outside the web
/// root, served by the gazette endpoint. Files are checked by content (%PDF-), not by name.
/// </summary>
public sealed class GazettePdfStore(ProductPaths paths)
{
    public const long MaxBytes = 200L * 1024 * 1024;

    public string PathOf(string siteKey, int year, int issue) =>
        Path.Combine(paths.DataPath, "gazette", siteKey, year.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{issue}.pdf");

    /// <summary>Site-relative URL the public endpoint answers for an issue's PDF.</summary>
    public static string UrlOf(int year, int issue) => $"/gazette/{year}/{issue}/gazette-{year}-{issue}.pdf";

    public static bool LooksLikePdf(ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8);

    /// <summary>Stores the file unless an identical one is there; returns whether anything was written.</summary>
    public async Task<bool> SaveAsync(string siteKey, int year, int issue, string sourceFile, CancellationToken ct)
    {
        var info = new FileInfo(sourceFile);
        if (!info.Exists) throw new FileNotFoundException($"找不到 PDF 文件 {sourceFile}。", sourceFile);
        if (info.Length > MaxBytes) throw new InvalidDataException($"PDF 文件 {sourceFile} 过大：{info.Length} 字节，最多 {MaxBytes} 字节。");
        var bytes = await File.ReadAllBytesAsync(sourceFile, ct);
        if (!LooksLikePdf(bytes)) throw new InvalidDataException($"文件 {sourceFile} 不是 PDF（内容不以 %PDF- 开头）。");
        var target = PathOf(siteKey, year, issue);
        if (File.Exists(target) && SHA256.HashData(await File.ReadAllBytesAsync(target, ct)).AsSpan().SequenceEqual(SHA256.HashData(bytes)))
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, target, overwrite: true);
        return true;
    }

    public FileInfo? Find(string siteKey, int year, int issue)
    {
        var f = new FileInfo(PathOf(siteKey, year, issue));
        return f.Exists ? f : null;
    }
}
