using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data.Media;

namespace Fenghua.Cms.Media.Admin;

/// <summary>
/// The files of one admin upload form, each stored (and audited) on its own: a refused file costs only
/// itself, never the others or anything stored before.
/// </summary>
public static class MediaBatchUpload
{
    /// <summary>The chosen files; a browser sends an empty part for a file input left empty.</summary>
    public static IReadOnlyList<IFormFile> Chosen(IFormCollection form) =>
        form.Files.GetFiles("files").Where(f => f.FileName.Length > 0 || f.Length > 0).ToList();

    /// <summary>The form's files, or the reason it cannot be taken at all (field "files").</summary>
    public static ValidationError? Check(IReadOnlyList<IFormFile> files, MediaOptions options) => files.Count switch
    {
        0 => new ValidationError("files", "请选择要上传的文件。"),
        var n when n > options.MaxFilesPerUpload => new ValidationError("files", $"一次最多上传 {options.MaxFilesPerUpload} 个文件，本次选择了 {n} 个；请分批上传。"),
        _ => null,
    };

    public static async Task<MediaUploadOutcome> RunAsync(MediaLibrary library, IReadOnlyList<IFormFile> files, string? folder, bool isPublic, Actor actor, CancellationToken ct, string? altText = null)
    {
        var stored = new List<MediaFile>();
        var refused = new List<string>();
        foreach (var file in files)
        {
            try
            {
                await using var content = file.OpenReadStream();
                stored.Add(await library.UploadAsync(new MediaUpload(file.FileName, content, folder, isPublic, altText), actor, ct));
            }
            catch (ValidationException e)
            {
                refused.Add(e.Errors[0].Message);
            }
        }
        return new MediaUploadOutcome(stored, refused);
    }
}
