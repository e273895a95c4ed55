using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Media.Imaging;

namespace Fenghua.Cms.Media.Detection;

/// <summary>The type of an upload as its content shows it.</summary>
public sealed record DetectedMedia(MediaKind Kind, string ContentType, string Extension, ImageFormatKind? ImageFormat = null);
