namespace Fenghua.Cms.Media;

/// <summary>An upload as it arrives: the name the user's computer gave it and its bytes (not yet trusted).</summary>
public sealed record MediaUpload(string FileName, Stream Content, string? Folder = null, bool IsPublic = false, string? AltText = null);
