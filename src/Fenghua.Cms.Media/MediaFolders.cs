using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Media;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Media;

/// <summary>
/// The current site's media folders: find, create (with missing parents), rename (a folder's path is its name,
/// so its subfolders are renamed with it) and delete when empty. Each change is audited in the same save.
/// Another site's folder is never found.
/// </summary>
public sealed class MediaFolders(CmsDbContext db, SiteContext siteContext, AuditLog audit, TimeProvider clock)
{
    private Site Site => siteContext.Site ?? throw new InvalidOperationException("媒体库操作需要先确定站点。");

    public async Task<MediaFolder?> FindAsync(int id, CancellationToken ct) =>
        await db.MediaFolders.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.SiteId == Site.Id, ct);

    public async Task<MediaFolder?> FindAsync(string path, CancellationToken ct) =>
        await db.MediaFolders.AsNoTracking().FirstOrDefaultAsync(f => f.SiteId == Site.Id && f.Path == path, ct);

    /// <summary>How many files the folder holds directly and how many folders lie below it.</summary>
    public async Task<(int Files, int Subfolders)> ContentsAsync(MediaFolder folder, CancellationToken ct)
    {
        var site = Site;
        var below = folder.Path + "/";
        var files = await db.MediaFiles.CountAsync(f => f.SiteId == site.Id && f.FolderId == folder.Id, ct);
        var subfolders = await db.MediaFolders.CountAsync(f => f.SiteId == site.Id && f.Path.StartsWith(below), ct);
        return (files, subfolders);
    }

    /// <summary>Finds the folder, creating it and its parents (each audited) when missing; joins the caller's unit of work.</summary>
    public async Task<MediaFolder> EnsureAsync(string path, Actor actor, CancellationToken ct)
    {
        var site = Site;
        MediaFolder? folder = null;
        var segments = path.Split('/');
        for (var i = 1; i <= segments.Length; i++)
        {
            var partial = string.Join('/', segments[..i]);
            folder = await db.MediaFolders.FirstOrDefaultAsync(f => f.SiteId == site.Id && f.Path == partial, ct)
                ?? db.MediaFolders.Local.FirstOrDefault(f => f.SiteId == site.Id && f.Path == partial);
            if (folder is not null) continue;
            folder = new MediaFolder { SiteId = site.Id, Path = partial, CreatedBy = actor.Name, CreatedUtc = clock.GetUtcNow() };
            db.MediaFolders.Add(folder);
            await audit.AppendAsync(db, actor, "media.folder.create", $"media-folder/{partial}", site.Id, partial, ct);
        }
        await db.SaveChangesAsync(ct);
        return folder!;
    }

    /// <summary>
    /// Gives the folder a new path ("通知公告/2025" → "通知公告/2025年"), its subfolders following; missing parents of
    /// the new path are created. Files keep their folder (by id), so they move with it. Refused (field "path") when
    /// the path or a subfolder's new path is taken, too deep or too long, or lies inside the folder itself.
    /// Returns null when the folder is not the site's.
    /// </summary>
    public async Task<MediaFolder?> RenameAsync(int id, string? typed, Actor actor, CancellationToken ct)
    {
        var site = Site;
        var folder = await db.MediaFolders.FirstOrDefaultAsync(f => f.Id == id && f.SiteId == site.Id, ct);
        if (folder is null) return null;
        var path = MediaFolderPath.Normalize(typed, "path") ?? throw Refuse("新名称不能为空；请填写文件夹路径，如“通知公告/2026”。");
        var old = folder.Path;
        if (path == old) return folder;
        if (path.StartsWith(old + "/", StringComparison.Ordinal))
            throw Refuse($"不能把文件夹“{old}”移到它自己的子文件夹“{path}”中。");

        var below = await db.MediaFolders.Where(f => f.SiteId == site.Id && f.Path.StartsWith(old + "/")).ToListAsync(ct);
        var renamed = below.Select(f => (Folder: f, Path: path + f.Path[old.Length..])).Prepend((Folder: folder, Path: path)).ToList();
        foreach (var (_, p) in renamed)
        {
            if (p.Count(c => c == '/') + 1 > MediaFolderPath.MaxDepth)
                throw Refuse($"改名后子文件夹“{p}”超过 {MediaFolderPath.MaxDepth} 层。");
            if (p.Length > MediaFolderPath.MaxLength)
                throw Refuse($"改名后子文件夹“{p}”的路径超过 {MediaFolderPath.MaxLength} 个字符。");
        }
        var targets = renamed.Select(r => r.Path).ToList();
        if (await db.MediaFolders.Where(f => f.SiteId == site.Id && targets.Contains(f.Path)).Select(f => f.Path).FirstOrDefaultAsync(ct) is { } taken)
            throw Refuse($"文件夹“{taken}”已存在；请换一个名称，或先把其中的文件移走后删除它。");

        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        if (path.LastIndexOf('/') is var slash and > 0) await EnsureAsync(path[..slash], actor, ct);
        foreach (var (f, p) in renamed) f.Path = p;
        await audit.AppendAsync(db, actor, "media.folder.rename", $"media-folder/{old}", site.Id,
            $"{old} → {path}{(below.Count > 0 ? $"（含 {below.Count} 个子文件夹）" : "")}", ct);
        await db.SaveChangesAsync(ct);
        await uow.CommitAsync(ct);
        return folder;
    }

    /// <summary>Deletes an empty folder; refused with the counts (<see cref="MediaFolderNotEmptyException"/>) otherwise. False when not the site's.</summary>
    public async Task<bool> DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        var site = Site;
        var folder = await db.MediaFolders.FirstOrDefaultAsync(f => f.Id == id && f.SiteId == site.Id, ct);
        if (folder is null) return false;
        var (files, subfolders) = await ContentsAsync(folder, ct);
        if (files > 0 || subfolders > 0) throw new MediaFolderNotEmptyException(folder, files, subfolders);
        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        db.MediaFolders.Remove(folder);
        await audit.AppendAsync(db, actor, "media.folder.delete", $"media-folder/{folder.Path}", site.Id, folder.Path, ct);
        await db.SaveChangesAsync(ct);
        await uow.CommitAsync(ct);
        return true;
    }

    private static ValidationException Refuse(string message) => new([new ValidationError("path", message)]);
}
