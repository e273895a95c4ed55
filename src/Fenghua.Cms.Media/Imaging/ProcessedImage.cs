namespace Fenghua.Cms.Media.Imaging;

/// <summary>The image's size after its orientation was fixed (width and height swap for a rotated photo).</summary>
public sealed record ProcessedImage(int Width, int Height);
