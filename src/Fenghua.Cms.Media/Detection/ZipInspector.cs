using System.IO.Compression;
using System.Xml;
using Fenghua.Cms.Core;
using Fenghua.Cms.Data.Media;

namespace Fenghua.Cms.Media.Detection;

/// <summary>
/// Looks inside a ZIP container without extracting it: refuses bombs (too many entries, too large once
/// expanded, absurd compression ratios, nested archives) and tells DOCX and XLSX apart from a plain data
/// ZIP by the package's [Content_Types].xml.
/// </summary>
public sealed class ZipInspector(MediaOptions options)
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const long RatioCheckFrom = 1024 * 1024;
    private const long ContentTypesMaxBytes = 1024 * 1024;

    private static readonly HashSet<string> Refused = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".dll", ".com", ".bat", ".cmd", ".scr", ".msi", ".ps1", ".vbs", ".js", ".jar", ".sh", ".lnk",
        ".zip", ".7z", ".rar", ".gz", ".tar", ".tgz", ".bz2", ".xz",
    };

    public DetectedMedia Inspect(Stream content, string fileName)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > options.ZipMaxEntries)
                throw Refuse(fileName, $"压缩包含有 {entries.Count} 个条目，超过上限 {options.ZipMaxEntries} 个。");
            long total = 0;
            foreach (var entry in entries)
            {
                total += entry.Length;
                if (total > options.ZipMaxUncompressedBytes)
                    throw Refuse(fileName, $"压缩包解压后超过上限 {MediaOptions.FormatBytes(options.ZipMaxUncompressedBytes)}。");
                if (entry.Length > RatioCheckFrom && entry.Length > (long)options.ZipMaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    throw Refuse(fileName, $"压缩包中的“{entry.FullName}”压缩比超过 {options.ZipMaxCompressionRatio} 倍，疑似压缩炸弹。");
                if (entry.FullName.Contains("..") || entry.FullName.StartsWith('/') || entry.FullName.StartsWith('\\') || entry.FullName.Contains(':'))
                    throw Refuse(fileName, $"压缩包中的路径“{entry.FullName}”不安全。");
                if (entry.Name.Length > 0 && Refused.Contains(Path.GetExtension(entry.Name)))
                    throw Refuse(fileName, $"压缩包中不能含有可执行文件或嵌套压缩包（“{entry.FullName}”）。");
            }

            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null) return new DetectedMedia(MediaKind.Zip, "application/zip", ".zip");
            return Office(types, zip, fileName);
        }
        catch (InvalidDataException)
        {
            throw Refuse(fileName, "ZIP 结构已损坏，无法读取。");
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static DetectedMedia Office(ZipArchiveEntry types, ZipArchive zip, string fileName)
    {
        if (types.Length > ContentTypesMaxBytes) throw Refuse(fileName, "Office 文件的 [Content_Types].xml 过大。");
        var declared = new List<string>();
        using (var reader = XmlReader.Create(types.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = ContentTypesMaxBytes }))
        {
            try
            {
                while (reader.Read())
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "Override" or "Default" && reader.GetAttribute("ContentType") is { } ct)
                        declared.Add(ct);
            }
            catch (XmlException)
            {
                throw Refuse(fileName, "Office 文件的 [Content_Types].xml 无法解析。");
            }
        }
        if (declared.Any(t => t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)) || zip.Entries.Any(e => e.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            throw Refuse(fileName, "不接受含宏的 Office 文件（.docm、.xlsm）。");
        if (declared.Contains(WordMain))
            return new DetectedMedia(MediaKind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
        if (declared.Contains(ExcelMain))
            return new DetectedMedia(MediaKind.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
        throw Refuse(fileName, "这是一种不受支持的 Office 文件；只接受 Word（DOCX）和 Excel（XLSX）。");
    }

    private static ValidationException Refuse(string fileName, string why) =>
        new([new ValidationError("file", $"文件“{fileName}”被拒绝：{why}")]);
}
