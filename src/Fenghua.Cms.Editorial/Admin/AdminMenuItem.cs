using Fenghua.Cms.Core.Security;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// An entry of the admin's navigation. Editorial registers its own; feature modules (media, channels) add theirs
/// with <c>services.AddSingleton(new AdminMenuItem(...))</c>, so the admin shell does not know them. An entry is
/// shown only to users who hold <paramref name="Requires"/> on the current site (see <see cref="AdminMenu"/>).
/// </summary>
/// <param name="Path">Path under the site's base, e.g. "/admin/media".</param>
/// <param name="DistrictOnly">Only district administrators (站群管理).</param>
public sealed record AdminMenuItem(string Path, string Label, int Order, Permission Requires = Permission.ViewAdmin, bool DistrictOnly = false);
