namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// An entry of the admin's navigation. Editorial registers its own; feature modules (media, channels) add theirs
/// with <c>services.AddSingleton(new AdminMenuItem(...))</c>, so the admin shell does not know them.
/// </summary>
/// <param name="Path">Path under the site's base, e.g. "/admin/media".</param>
public sealed record AdminMenuItem(string Path, string Label, int Order);
