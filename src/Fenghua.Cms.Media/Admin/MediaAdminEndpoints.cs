using Fenghua.Cms.Editorial.Admin;
using Microsoft.AspNetCore.Http.Metadata;

namespace Fenghua.Cms.Media.Admin;

/// <summary>The media library's admin pages, on the admin's route group (signed-in users with the cookie, never an API token).</summary>
public static class MediaAdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var options = app.Services.GetRequiredService<MediaOptions>();
        // Room for a full form of files at the limit; each file's own limit is enforced, and reported, by the library.
        var uploadBody = options.MaxFilesPerUpload * options.MaxUploadBytes + 1024 * 1024;

        var admin = AdminEndpoints.Group(app);
        admin.MapGet("/media", MediaLibraryPage.ShowAsync);
        admin.MapPost("/media/upload", MediaLibraryActions.UploadAsync)
            .WithFormOptions(multipartBodyLengthLimit: uploadBody).WithMetadata(new UploadSizeLimit(uploadBody));
        admin.MapPost("/media/folders", MediaLibraryActions.CreateFolderAsync);
        admin.MapGet("/media/folders/{id:int}", MediaFolderPage.ShowAsync);
        admin.MapPost("/media/folders/{id:int}/rename", MediaFolderPage.RenameAsync);
        admin.MapPost("/media/folders/{id:int}/delete", MediaFolderPage.DeleteAsync);
        admin.MapGet("/media/{id:int}", MediaFilePage.ShowAsync);
        admin.MapPost("/media/{id:int}", MediaFilePage.SaveAsync);
        admin.MapPost("/media/{id:int}/publish", MediaLibraryActions.PublishAsync);
        admin.MapPost("/media/{id:int}/unpublish", MediaLibraryActions.UnpublishAsync);
        admin.MapGet("/media/{id:int}/delete", MediaDeletePage.ShowAsync);
        admin.MapPost("/media/{id:int}/delete", MediaLibraryActions.DeleteAsync);
        admin.MapPost("/media/picker/{itemId:int}/upload", MediaPickerUpload.UploadAsync)
            .WithFormOptions(multipartBodyLengthLimit: uploadBody).WithMetadata(new UploadSizeLimit(uploadBody));
    }

    private sealed record UploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
