namespace Fenghua.Cms.Media.Imaging;

/// <summary>What an image's header declares, read without decoding its pixels.</summary>
public sealed record ImageHeader(int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}
