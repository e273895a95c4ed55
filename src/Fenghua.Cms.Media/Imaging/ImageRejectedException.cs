namespace Fenghua.Cms.Media.Imaging;

/// <summary>The engine could not or would not decode an image (corrupt data, or over its memory limit).</summary>
public sealed class ImageRejectedException(string message, Exception? inner = null) : Exception(message, inner);
