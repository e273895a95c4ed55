using System.Security.Cryptography;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Media.Detection;
using Fenghua.Cms.Media.Imaging;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Media;

/// <summary>
/// The current site's media library: upload (checked by content, size and pixel count), search, folders,
/// publish and delete. Every change is audited in the same transaction as the row. A file that content links
/// to is not deleted (<see cref="MediaInUseException"/>).
/// </summary>
public sealed class MediaLibrary(
    CmsDbContext db, SiteContext siteContext, AuditLog audit, MediaSniffer sniffer, IImageEngine images,
    MediaStore store, MediaOptions options, MediaReferences references, MediaFolders folders, TimeProvider clock)
{
    public const int MaxNameLength = 255;
    public const int MaxAltTextLength = MediaAltText.MaxLength;

    private Site Site => siteContext.Site ?? throw new InvalidOperationException("媒体库操作需要先确定站点。");

    public async Task<MediaFile> UploadAsync(MediaUpload upload, Actor actor, CancellationToken ct)
    {
        var site = Site;
        var name = CleanName(upload.FileName);
        var folderPath = MediaFolderPath.Normalize(upload.Folder);
        var altText = MediaAltText.Clean(upload.AltText);

        var incoming = store.NewIncomingDirectory();
        try
        {
            var received = Path.Combine(incoming, "upload");
            var (size, sha256) = await ReceiveAsync(upload.Content, received, name, ct);
            int? width = null, height = null;
            DetectedMedia detected;
            await using (var file = new FileStream(received, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            {
                detected = sniffer.Detect(file, name);
                if (detected.Kind == MediaKind.Image)
                {
                    var header = images.Identify(file) ?? throw Refuse($"文件“{name}”看起来是图片，但无法读取其尺寸（文件可能已损坏）。");
                    if (header.Pixels > options.MaxImagePixels)
                        throw Refuse($"图片“{name}”为 {header.Width} × {header.Height} 像素（{header.Pixels:N0}），超过上限 {options.MaxImagePixels:N0} 像素（{options.MaxImagePixels / 1_000_000.0:0.#} 百万像素），未解码即拒绝。");
                    file.Position = 0;
                    try
                    {
                        var processed = await images.ProcessAsync(file, detected.ImageFormat!.Value, options.Widths,
                            output => new FileStream(Path.Combine(incoming, output.Width is null ? MediaStore.OriginalName(detected.Extension) : MediaStore.VariantName(output.Width.Value, output.Format)),
                                FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true), ct);
                        (width, height) = (processed.Width, processed.Height);
                    }
                    catch (ImageRejectedException e)
                    {
                        throw Refuse($"图片“{name}”无法处理：{e.Message}");
                    }
                }
            }
            if (detected.Kind == MediaKind.Image) File.Delete(received); // only the cleaned master is kept
            else File.Move(received, Path.Combine(incoming, MediaStore.OriginalName(detected.Extension)));

            await using var uow = await UnitOfWork.BeginAsync(db, ct);
            var folder = folderPath is null ? null : await folders.EnsureAsync(folderPath, actor, ct);
            var row = new MediaFile
            {
                SiteId = site.Id,
                FolderId = folder?.Id,
                OriginalName = name,
                ContentType = detected.ContentType,
                Kind = detected.Kind,
                Extension = detected.Extension,
                Size = size,
                Sha256 = sha256,
                Width = width,
                Height = height,
                AltText = altText,
                IsPublic = upload.IsPublic,
                CreatedBy = actor.Name,
                CreatedUtc = clock.GetUtcNow(),
            };
            db.MediaFiles.Add(row);
            await db.SaveChangesAsync(ct);

            var final = store.FileDirectory(site.Key, row.Id);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            MediaStore.DeleteQuietly(final); // left over from a rolled-back upload that had the same id
            Directory.Move(incoming, final);
            try
            {
                await audit.AppendAsync(db, actor, "media.upload", $"media/{row.Id}", site.Id,
                    $"{name}（{detected.ContentType}，{size} 字节，SHA-256 {sha256}{(width is null ? "" : $"，{width}×{height}")}{(row.IsPublic ? "，公开" : "")}）", ct);
                await db.SaveChangesAsync(ct);
                await uow.CommitAsync(ct);
            }
            catch
            {
                MediaStore.DeleteQuietly(final);
                throw;
            }
            return row;
        }
        finally
        {
            MediaStore.DeleteQuietly(incoming);
        }
    }

    public async Task<MediaFile?> FindAsync(int id, CancellationToken ct) =>
        await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.SiteId == Site.Id, ct);

    public async Task<MediaPage> SearchAsync(MediaQuery query, CancellationToken ct)
    {
        var site = Site;
        if (query.Page < 1) throw new ValidationException([new ValidationError("page", "页码必须是正整数。")]);
        if (query.PageSize is < 1 or > MediaQuery.MaxPageSize)
            throw new ValidationException([new ValidationError("pageSize", $"每页条数必须在 1 到 {MediaQuery.MaxPageSize} 之间。")]);
        var files = db.MediaFiles.AsNoTracking().Where(f => f.SiteId == site.Id);
        if (MediaFolderPath.Normalize(query.Folder) is { } folderPath)
        {
            var folder = await db.MediaFolders.AsNoTracking().FirstOrDefaultAsync(f => f.SiteId == site.Id && f.Path == folderPath, ct);
            if (folder is null) return new MediaPage([], 0, query.Page, query.PageSize);
            files = files.Where(f => f.FolderId == folder.Id);
        }
        if (query.Kind is { } kind) files = files.Where(f => f.Kind == kind);
        if (query.Kinds is { Count: > 0 } kinds)
        {
            var any = kinds.ToArray();
            files = files.Where(f => any.Contains(f.Kind));
        }
        foreach (var word in (query.Text ?? "").Split(' ', '\u3000', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            var pattern = "%" + word.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            files = files.Where(f => EF.Functions.Like(f.OriginalName.ToLower(), pattern, "\\") || EF.Functions.Like(f.AltText.ToLower(), pattern, "\\"));
        }
        var total = await files.CountAsync(ct);
        var items = await files.OrderByDescending(f => f.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new MediaPage(items, total, query.Page, query.PageSize);
    }

    public async Task<IReadOnlyList<MediaFolder>> FoldersAsync(CancellationToken ct)
    {
        var site = Site;
        return await db.MediaFolders.AsNoTracking().Where(f => f.SiteId == site.Id).OrderBy(f => f.Path).ToListAsync(ct);
    }

    /// <summary>How many files each folder holds directly (folders without files are absent).</summary>
    public async Task<IReadOnlyDictionary<int, int>> FolderCountsAsync(CancellationToken ct)
    {
        var site = Site;
        var counts = await db.MediaFiles.AsNoTracking().Where(f => f.SiteId == site.Id && f.FolderId != null)
            .GroupBy(f => f.FolderId!.Value).Select(g => new { Folder = g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Folder, c => c.Count);
    }

    public async Task<MediaFolder> CreateFolderAsync(string? path, Actor actor, CancellationToken ct)
    {
        var normalized = MediaFolderPath.Normalize(path) ?? throw new ValidationException([new ValidationError("path", "文件夹路径不能为空。")]);
        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        var folder = await folders.EnsureAsync(normalized, actor, ct);
        await db.SaveChangesAsync(ct);
        await uow.CommitAsync(ct);
        return folder;
    }

    public async Task<MediaFile?> SetPublicAsync(int id, bool isPublic, Actor actor, CancellationToken ct)
    {
        var site = Site;
        var row = await db.MediaFiles.FirstOrDefaultAsync(f => f.Id == id && f.SiteId == site.Id, ct);
        if (row is null) return null;
        if (row.IsPublic == isPublic) return row;
        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        row.IsPublic = isPublic;
        await audit.AppendAsync(db, actor, isPublic ? "media.publish" : "media.unpublish", $"media/{row.Id}", site.Id, row.OriginalName, ct);
        await db.SaveChangesAsync(ct);
        await uow.CommitAsync(ct);
        return row;
    }

    /// <summary>
    /// Changes a file's description (alternative text), folder and public flag, each change audited with what it
    /// was and what it became, all in one save. Every bad field is reported at once (fields "altText", "folder")
    /// and nothing is saved. Null when the file is not the site's.
    /// </summary>
    public async Task<MediaFileUpdate?> UpdateAsync(int id, MediaFileChanges changes, Actor actor, CancellationToken ct)
    {
        var site = Site;
        var row = await db.MediaFiles.FirstOrDefaultAsync(f => f.Id == id && f.SiteId == site.Id, ct);
        if (row is null) return null;

        var errors = new List<ValidationError>();
        string? altText = null;
        if (changes.AltText is not null)
        {
            try { altText = MediaAltText.Clean(changes.AltText); }
            catch (ValidationException e) { errors.AddRange(e.Errors); }
        }
        MediaFolder? target = null;
        if (changes.Folder is not null)
        {
            try
            {
                if (MediaFolderPath.Normalize(changes.Folder) is { } path)
                    target = await folders.FindAsync(path, ct)
                        ?? throw new ValidationException([new ValidationError("folder", $"文件夹“{path}”不存在；请从已有的文件夹中选择，或先在媒体库中新建。")]);
            }
            catch (ValidationException e) { errors.AddRange(e.Errors); }
        }
        if (errors.Count > 0) throw new ValidationException(errors);

        var said = new List<string>();
        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        if (altText is not null && altText != row.AltText)
        {
            var change = $"说明：{Quoted(row.AltText)} → {Quoted(altText)}";
            row.AltText = altText;
            said.Add(change);
            await audit.AppendAsync(db, actor, "media.describe", $"media/{row.Id}", site.Id, $"{row.OriginalName}：{change}", ct);
        }
        if (changes.Folder is not null && target?.Id != row.FolderId)
        {
            var from = row.FolderId is { } fromId ? (await folders.FindAsync(fromId, ct))?.Path : null;
            var change = $"文件夹：{from ?? "（不在文件夹中）"} → {target?.Path ?? "（不在文件夹中）"}";
            row.FolderId = target?.Id;
            said.Add(change);
            await audit.AppendAsync(db, actor, "media.move", $"media/{row.Id}", site.Id, $"{row.OriginalName}：{change}", ct);
        }
        if (changes.IsPublic is { } isPublic && isPublic != row.IsPublic)
        {
            var change = isPublic ? "公开：否 → 是" : "公开：是 → 否";
            row.IsPublic = isPublic;
            said.Add(change);
            await audit.AppendAsync(db, actor, isPublic ? "media.publish" : "media.unpublish", $"media/{row.Id}", site.Id, $"{row.OriginalName}：{change}", ct);
        }
        await db.SaveChangesAsync(ct);
        await uow.CommitAsync(ct);
        return new MediaFileUpdate(row, said);
    }

    private static string Quoted(string text) => text.Length == 0 ? "（空）" : $"“{text}”";

    public async Task<bool> DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        var site = Site;
        var row = await db.MediaFiles.FirstOrDefaultAsync(f => f.Id == id && f.SiteId == site.Id, ct);
        if (row is null) return false;
        if (await references.FindAsync(row, ct) is { Count: > 0 } linked) throw new MediaInUseException(row, linked);
        await using (var uow = await UnitOfWork.BeginAsync(db, ct))
        {
            db.MediaFiles.Remove(row);
            await audit.AppendAsync(db, actor, "media.delete", $"media/{row.Id}", site.Id, $"{row.OriginalName}（SHA-256 {row.Sha256}）", ct);
            await db.SaveChangesAsync(ct);
            await uow.CommitAsync(ct);
        }
        // After the commit: a failed delete must not leave a row without its bytes.
        MediaStore.DeleteQuietly(store.FileDirectory(site.Key, row.Id));
        return true;
    }

    private async Task<(long Size, string Sha256)> ReceiveAsync(Stream content, string path, string name, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var buffer = new byte[81920];
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += n;
                if (size > options.MaxUploadBytes)
                    throw Refuse($"文件“{name}”超过大小上限 {MediaOptions.FormatBytes(options.MaxUploadBytes)}（{options.MaxUploadBytes:N0} 字节）。");
                hash.AppendData(buffer, 0, n);
                await target.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }
        if (size == 0) throw Refuse($"文件“{name}”是空的。");
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string CleanName(string? typed)
    {
        var name = Path.GetFileName((typed ?? "").Replace('\\', '/')).Trim();
        if (name.Length == 0) throw Refuse("请选择要上传的文件（文件名为空）。");
        if (name.Any(char.IsControl)) throw Refuse($"文件名“{name}”含有控制字符。");
        if (name.Length > MaxNameLength) throw Refuse($"文件名不能超过 {MaxNameLength} 个字符。");
        return name;
    }

    private static ValidationException Refuse(string message) => new([new ValidationError("file", message)]);
}
