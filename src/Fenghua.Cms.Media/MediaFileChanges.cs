namespace Fenghua.Cms.Media;

/// <summary>
/// What an edit of a file asks to change; null leaves a value as it is. <see cref="Folder"/> is a folder path
/// as typed, "" for no folder; the folder must exist already (a typo must not create a folder).
/// </summary>
public sealed record MediaFileChanges(string? AltText = null, string? Folder = null, bool? IsPublic = null);
