namespace Fenghua.Cms.Media.Imaging;

/// <summary>One file the engine writes: the cleaned master (Width null, in its source format) or a width variant.</summary>
public sealed record ImageOutput(int? Width, ImageFormatKind Format);
