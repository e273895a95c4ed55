using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Media;

/// <summary>
/// The day-two pieces of the library: a file's edit page (description/alt text, folder, public), alt text at
/// upload, folder rename and delete, the delete confirmation page and PATCH /api/v1/media/{id}; each checked
/// for field-named refusals that keep what was typed, per-site isolation by id and the audit trail.
/// </summary>
public abstract partial class MediaAdminTests
{
    private async Task<MediaFolder?> FolderAsync(string path)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().MediaFolders.AsNoTracking().FirstOrDefaultAsync(f => f.Path == path);
    }

    private async Task<MediaFile> UploadOneAsync(HttpClient client, string name, byte[] bytes, string tag)
    {
        await UploadOkAsync(client, "/czj", (name, bytes));
        return (await FilesAsync(tag)).Single(f => f.OriginalName == name);
    }

    private async Task<MediaFolder> NewFolderAsync(HttpClient client, string path)
    {
        var r = await PostFormAsync(client, "/czj/admin/media/folders", await AfAsync(client, "/czj/admin/media"), new() { ["path"] = path });
        Assert.True(r.Status == HttpStatusCode.Redirect, $"{r.Status}: {r.Html}");
        return (await FolderAsync(path))!;
    }

    [SkippableFact]
    public async Task Alt_text_edited_on_the_files_page_is_what_the_pickers_Markdown_line_carries_and_the_change_is_audited_before_to_after()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var item = await h.CreateAsync(editor, "czj", "Notice", "tzgg", $"大楼通知{tag}", "正文");
        var png = await UploadOneAsync(client, $"大楼{tag}.png", TestFiles.Png(640, 480), tag);

        // The library row leads to the edit page and to the delete confirmation, both plain links.
        var (_, list) = await h.GetAsync($"/czj/admin/media?q={tag}", client);
        Assert.Contains($"<a href=\"/czj/admin/media/{png.Id}?q={tag}\" aria-label=\"编辑 大楼{tag}.png\">编辑</a>", list);
        Assert.Contains($"<a href=\"/czj/admin/media/{png.Id}/delete?q={tag}\" class=\"reject\" aria-label=\"删除 大楼{tag}.png\">删除</a>", list);
        Assert.DoesNotContain($"action=\"/czj/admin/media/{png.Id}/delete\"", list);

        var (status, page) = await h.GetAsync($"/czj/admin/media/{png.Id}?q={tag}", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<strong class=\"media-name\">大楼{tag}.png</strong>", page);
        Assert.Contains($"<form method=\"post\" action=\"/czj/admin/media/{png.Id}\" class=\"media-edit\">", page);
        Assert.Contains("最多 500 个字符", page);
        Assert.Contains("id=\"media-alt\" name=\"altText\" value=\"\" maxlength=\"500\"", page);

        var saved = await PostFormAsync(client, $"/czj/admin/media/{png.Id}", Af(page),
            new() { ["altText"] = "  区政府大楼[正门]\r\n夜景 ", ["folder"] = "", ["public"] = "on", ["q"] = tag });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"{saved.Status}: {saved.Html}");
        Assert.StartsWith($"/czj/admin/media?q={tag}&msg=", saved.Location);
        Assert.Equal("区政府大楼[正门] 夜景", Assert.Single(await FilesAsync(tag)).AltText);
        var entry = (await AuditAsync($"media/{png.Id}")).Last();
        Assert.Equal(("media.describe", editor.Name, await SiteIdAsync("czj")), (entry.Action, entry.Actor, entry.SiteId));
        Assert.Equal($"大楼{tag}.png：说明：（空） → “区政府大楼[正门] 夜景”", entry.Details);

        var (_, editorPage) = await h.GetAsync($"/czj/admin/content/{item}?media={tag}", client);
        var line = $"![区政府大楼\\[正门\\] 夜景](/czj/media/{png.Id}/{Hash(png)}/w960.webp)";
        Assert.Contains(line, Regex.Matches(editorPage, "<code class=\"pick-line\">([^<]*)</code>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Contains(line, Regex.Matches(editorPage, "data-insert-into=\"f-MarkdownBody-markdown\" data-text=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));

        // Saving again without a change adds nothing to the trail.
        var again = await PostFormAsync(client, $"/czj/admin/media/{png.Id}", Af(page), new() { ["altText"] = "区政府大楼[正门] 夜景", ["public"] = "on" });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Contains(Uri.EscapeDataString("没有改动"), again.Location);
        Assert.Equal(["media.upload", "media.describe"], (await AuditAsync($"media/{png.Id}")).Select(a => a.Action));
    }

    [SkippableFact]
    public async Task Too_long_alt_text_and_an_unknown_folder_are_refused_naming_each_field_keeping_what_was_typed_and_saving_nothing()
    {
        SkipWithoutStore();
        var (client, _) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var pdf = await UploadOneAsync(client, $"规划{tag}.pdf", [.. Pdf, .. Encoding.ASCII.GetBytes(tag)], tag);
        var af = await AfAsync(client, $"/czj/admin/media/{pdf.Id}");
        var longAlt = "长" + new string('说', 500);

        var bad = await PostFormAsync(client, $"/czj/admin/media/{pdf.Id}", af, new() { ["altText"] = longAlt, ["folder"] = $"没有这个{tag}", ["public"] = "on" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("<li data-field=\"altText\">说明（替代文本）不能超过 500 个字符，现有 501 个。</li>", bad.Html);
        Assert.Contains($"<li data-field=\"folder\">文件夹“没有这个{tag}”不存在；请从已有的文件夹中选择，或先在媒体库中新建。</li>", bad.Html);
        Assert.Contains($"name=\"altText\" value=\"{longAlt}\" maxlength=\"500\" aria-invalid=\"true\"", bad.Html);
        Assert.Contains($"name=\"folder\" list=\"media-folder-list\" value=\"没有这个{tag}\" placeholder=\"留空表示不放入文件夹\" aria-invalid=\"true\"", bad.Html);
        Assert.Contains("name=\"public\" value=\"on\" checked", bad.Html);

        var after = Assert.Single(await FilesAsync(tag));
        Assert.Equal(("", (int?)null, true), (after.AltText, after.FolderId, after.IsPublic));
        Assert.Equal(["media.upload"], (await AuditAsync($"media/{pdf.Id}")).Select(a => a.Action));
        Assert.Null(await FolderAsync($"没有这个{tag}"));
    }

    [SkippableFact]
    public async Task A_file_moves_to_another_folder_and_back_from_its_edit_page_with_each_move_audited()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var target = await NewFolderAsync(client, $"归档{tag}/2026");
        var pdf = await UploadOneAsync(client, $"年报{tag}.pdf", [.. Pdf, .. Encoding.ASCII.GetBytes(tag)], tag);
        var af = await AfAsync(client, $"/czj/admin/media/{pdf.Id}");

        var moved = await PostFormAsync(client, $"/czj/admin/media/{pdf.Id}", af, new() { ["altText"] = "", ["folder"] = $" 归档{tag} / 2026 ", ["public"] = "on" });
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Equal(target.Id, Assert.Single(await FilesAsync(tag)).FolderId);
        var (_, page) = await h.GetAsync($"/czj/admin/media/{pdf.Id}", client);
        Assert.Contains($"value=\"归档{tag}/2026\"", page);
        var (_, folderList) = await h.GetAsync($"/czj/admin/media?folder={Uri.EscapeDataString($"归档{tag}/2026")}", client);
        Assert.Contains($"<strong class=\"media-name\">年报{tag}.pdf</strong>", folderList);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/czj/admin/media/{pdf.Id}", af, new() { ["folder"] = "", ["public"] = "on" })).Status);
        Assert.Null(Assert.Single(await FilesAsync(tag)).FolderId);

        var moves = (await AuditAsync($"media/{pdf.Id}")).Where(a => a.Action == "media.move").ToList();
        Assert.Equal([$"年报{tag}.pdf：文件夹：（不在文件夹中） → 归档{tag}/2026", $"年报{tag}.pdf：文件夹：归档{tag}/2026 → （不在文件夹中）"], moves.Select(a => a.Details));
        Assert.All(moves, a => Assert.Equal(editor.Name, a.Actor));
    }

    [SkippableFact]
    public async Task Alt_text_can_be_given_at_upload_for_one_file_and_is_refused_for_several_keeping_the_form()
    {
        SkipWithoutStore();
        var (client, _) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var af = await AfAsync(client, "/czj/admin/media");
        var one = await PostFilesAsync(client, "/czj/admin/media/upload", af, [($"航拍{tag}.png", TestFiles.Png(80, 60))], new() { ["altText"] = "城区航拍图", ["public"] = "on" });
        Assert.Equal(HttpStatusCode.Redirect, one.Status);
        Assert.Equal("城区航拍图", Assert.Single(await FilesAsync(tag)).AltText);

        var several = await PostFilesAsync(client, "/czj/admin/media/upload", af,
            [($"甲{tag}.png", TestFiles.Png(20, 20)), ($"乙{tag}.pdf", Pdf)], new() { ["altText"] = "同一段说明", ["folder"] = $"批量{tag}" });
        Assert.Equal(HttpStatusCode.BadRequest, several.Status);
        Assert.Contains("<li data-field=\"altText\">说明（替代文本）只能在上传单个文件时填写，本次选择了 2 个文件", several.Html);
        Assert.Contains("id=\"upload-alt\" name=\"altText\" value=\"同一段说明\"", several.Html);
        Assert.Contains($"id=\"upload-folder\" name=\"folder\" list=\"media-folder-list\" value=\"批量{tag}\"", several.Html);
        Assert.Single(await FilesAsync(tag));
        Assert.Null(await FolderAsync($"批量{tag}"));
    }

    [SkippableFact]
    public async Task Renaming_a_folder_takes_its_subfolders_along_keeps_its_files_and_refuses_a_taken_name()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var child = await NewFolderAsync(client, $"旧名{tag}/2026");
        var parent = (await FolderAsync($"旧名{tag}"))!;
        await NewFolderAsync(client, $"占用{tag}");
        var af = await AfAsync(client, "/czj/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFilesAsync(client, "/czj/admin/media/upload", af, [($"纪要{tag}.pdf", Pdf)], new() { ["folder"] = $"旧名{tag}/2026" })).Status);

        var (_, listed) = await h.GetAsync($"/czj/admin/media?folder={Uri.EscapeDataString($"旧名{tag}")}", client);
        Assert.Contains($"<a href=\"/czj/admin/media/folders/{parent.Id}\">改名或删除文件夹“旧名{tag}”</a>", listed);
        var (status, page) = await h.GetAsync($"/czj/admin/media/folders/{parent.Id}", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"文件夹“旧名{tag}”中有 0 个文件、1 个子文件夹。", page);

        var taken = await PostFormAsync(client, $"/czj/admin/media/folders/{parent.Id}/rename", Af(page), new() { ["path"] = $"占用{tag} " });
        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        Assert.Contains($"<li data-field=\"path\">文件夹“占用{tag}”已存在", taken.Html);
        Assert.Contains($"id=\"folder-path\" name=\"path\" value=\"占用{tag} \" required aria-invalid=\"true\"", taken.Html);
        var inside = await PostFormAsync(client, $"/czj/admin/media/folders/{parent.Id}/rename", Af(page), new() { ["path"] = $"旧名{tag}/2026/子" });
        Assert.Equal(HttpStatusCode.BadRequest, inside.Status);
        Assert.Contains("<li data-field=\"path\">不能把文件夹", inside.Html);
        Assert.Equal($"旧名{tag}", (await FolderAsync($"旧名{tag}"))!.Path);

        var renamed = await PostFormAsync(client, $"/czj/admin/media/folders/{parent.Id}/rename", Af(page), new() { ["path"] = $"新名{tag}" });
        Assert.True(renamed.Status == HttpStatusCode.Redirect, $"{renamed.Status}: {renamed.Html}");
        Assert.StartsWith($"/czj/admin/media?folder={Uri.EscapeDataString($"新名{tag}")}&msg=", renamed.Location);
        Assert.Equal(parent.Id, (await FolderAsync($"新名{tag}"))!.Id);
        Assert.Equal(child.Id, (await FolderAsync($"新名{tag}/2026"))!.Id);
        Assert.Null(await FolderAsync($"旧名{tag}"));
        Assert.Null(await FolderAsync($"旧名{tag}/2026"));
        Assert.Equal(child.Id, Assert.Single(await FilesAsync(tag)).FolderId);
        var entry = Assert.Single(await AuditAsync($"media-folder/旧名{tag}"), a => a.Action == "media.folder.rename");
        Assert.Equal((editor.Name, $"旧名{tag} → 新名{tag}（含 1 个子文件夹）"), (entry.Actor, entry.Details));
    }

    [SkippableFact]
    public async Task A_folder_is_deleted_only_when_empty_and_the_refusal_gives_the_counts()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var child = await NewFolderAsync(client, $"清理{tag}/旧稿");
        var parent = (await FolderAsync($"清理{tag}"))!;
        var af = await AfAsync(client, "/czj/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFilesAsync(client, "/czj/admin/media/upload", af, [($"旧稿{tag}.pdf", Pdf)], new() { ["folder"] = $"清理{tag}/旧稿", ["public"] = "on" })).Status);
        var file = Assert.Single(await FilesAsync(tag));

        var (_, childPage) = await h.GetAsync($"/czj/admin/media/folders/{child.Id}", client);
        Assert.Contains("只能删除空文件夹：请先把其中的 1 个文件、0 个子文件夹移到别处或删除。", childPage);
        Assert.DoesNotContain($"action=\"/czj/admin/media/folders/{child.Id}/delete\"", childPage);
        var refused = await PostFormAsync(client, $"/czj/admin/media/folders/{child.Id}/delete", af);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains($"<li data-field=\"delete\">文件夹“清理{tag}/旧稿”不是空的：其中还有 1 个文件、0 个子文件夹，不能删除", refused.Html);
        var parentRefused = await PostFormAsync(client, $"/czj/admin/media/folders/{parent.Id}/delete", af);
        Assert.Equal(HttpStatusCode.Conflict, parentRefused.Status);
        Assert.Contains("其中还有 0 个文件、1 个子文件夹", parentRefused.Html);
        Assert.NotNull(await FolderAsync($"清理{tag}/旧稿"));

        // Move the file out; then the folder is empty and goes, audited.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/czj/admin/media/{file.Id}", af, new() { ["folder"] = "", ["public"] = "on" })).Status);
        var (_, emptyPage) = await h.GetAsync($"/czj/admin/media/folders/{child.Id}", client);
        Assert.Contains($"action=\"/czj/admin/media/folders/{child.Id}/delete\"", emptyPage);
        var deleted = await PostFormAsync(client, $"/czj/admin/media/folders/{child.Id}/delete", af);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Null(await FolderAsync($"清理{tag}/旧稿"));
        Assert.NotNull(await FolderAsync($"清理{tag}"));
        var entry = Assert.Single(await AuditAsync($"media-folder/清理{tag}/旧稿"), a => a.Action == "media.folder.delete");
        Assert.Equal((editor.Name, await SiteIdAsync("czj")), (entry.Actor, entry.SiteId));
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/czj/admin/media/folders/{child.Id}", client)).Status);
    }

    [SkippableFact]
    public async Task The_delete_confirmation_names_the_file_its_folder_and_the_items_linking_it_and_deletes_only_on_its_POST()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        await NewFolderAsync(client, $"附件{tag}");
        var af = await AfAsync(client, "/czj/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFilesAsync(client, "/czj/admin/media/upload", af,
            [($"在用{tag}.pdf", Pdf), ($"无用{tag}.pdf", [.. Pdf, .. Encoding.ASCII.GetBytes(tag)])], new() { ["folder"] = $"附件{tag}", ["public"] = "on" })).Status);
        var files = await FilesAsync(tag);
        var (linked, idle) = (files[0], files[1]);
        var item = await h.CreateAsync(editor, "czj", "Notice", "tzgg", $"引用通知{tag}", "见附件。", new JsonObject
        {
            ["Attachments"] = new JsonObject { ["files"] = new JsonArray(new JsonObject { ["name"] = linked.OriginalName, ["url"] = FileUrl("/czj", linked) }) },
        });

        var (status, linkedPage) = await h.GetAsync($"/czj/admin/media/{linked.Id}/delete", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"要删除的文件：<strong>在用{tag}.pdf</strong>，位于文件夹“附件{tag}”。", linkedPage);
        Assert.Contains($"<a href=\"/czj/admin/content/{item}\">稿件 {item}《引用通知{tag}》</a>", linkedPage);
        Assert.Contains("此文件正被 1 篇稿件引用，不能删除", linkedPage);
        Assert.DoesNotContain($"action=\"/czj/admin/media/{linked.Id}/delete\"", linkedPage);
        var refused = await PostFormAsync(client, $"/czj/admin/media/{linked.Id}/delete", af);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains($"<li data-field=\"delete\">文件“在用{tag}.pdf”正被 1 篇稿件引用", refused.Html);

        var (_, idlePage) = await h.GetAsync($"/czj/admin/media/{idle.Id}/delete?q={tag}", client);
        Assert.Contains("没有稿件引用此文件。", idlePage);
        Assert.Contains($"<form method=\"post\" action=\"/czj/admin/media/{idle.Id}/delete\"><input type=\"hidden\" name=\"__af\"", idlePage);
        Assert.Contains($"<input type=\"hidden\" name=\"q\" value=\"{tag}\"><button type=\"submit\" class=\"reject\">确认删除“无用{tag}.pdf”</button>", idlePage);
        Assert.Equal(2, (await FilesAsync(tag)).Count); // showing the page deletes nothing
        var deleted = await PostFormAsync(client, $"/czj/admin/media/{idle.Id}/delete", Af(idlePage), new() { ["q"] = tag });
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal([linked.Id], (await FilesAsync(tag)).Select(f => f.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/czj/admin/media/{idle.Id}/delete", client)).Status);
    }

    [SkippableFact]
    public async Task Another_sites_editor_gets_403_or_404_on_edit_move_rename_and_delete_even_by_id_and_nothing_changes()
    {
        SkipWithoutStore();
        var (czj, _) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var folder = await NewFolderAsync(czj, $"内部{tag}");
        var af = await AfAsync(czj, "/czj/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFilesAsync(czj, "/czj/admin/media/upload", af, [($"内部资料{tag}.pdf", Pdf)], new() { ["folder"] = $"内部{tag}" })).Status);
        var file = Assert.Single(await FilesAsync(tag));

        var (fgj, fgjUser) = await SignInAsync("Editor", "fgj");
        var fgjAf = await AfAsync(fgj, "/fgj/admin/media");
        var edit = new Dictionary<string, string> { ["altText"] = "越权修改", ["folder"] = "", ["public"] = "on" };
        // Under the file's own site the URL is refused: fgj's editor has no role there.
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync($"/czj/admin/media/{file.Id}", fgj)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(fgj, $"/czj/admin/media/{file.Id}", fgjAf, edit)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync($"/czj/admin/media/{file.Id}/delete", fgj)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync($"/czj/admin/media/folders/{folder.Id}", fgj)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(fgj, $"/czj/admin/media/folders/{folder.Id}/rename", fgjAf, new() { ["path"] = $"改{tag}" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(fgj, $"/czj/admin/media/folders/{folder.Id}/delete", fgjAf)).Status);
        // Under their own site the czj ids are simply not there.
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/fgj/admin/media/{file.Id}", fgj)).Status);
        var post = await PostFormAsync(fgj, $"/fgj/admin/media/{file.Id}", fgjAf, edit);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.Contains($"本站点的媒体库中没有编号为 {file.Id} 的文件", post.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/fgj/admin/media/{file.Id}/delete", fgj)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync($"/fgj/admin/media/folders/{folder.Id}", fgj)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(fgj, $"/fgj/admin/media/folders/{folder.Id}/rename", fgjAf, new() { ["path"] = $"改{tag}" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(fgj, $"/fgj/admin/media/folders/{folder.Id}/delete", fgjAf)).Status);
        // And by API token.
        var api = await h.ApiAsync(HttpMethod.Patch, $"/fgj/api/v1/media/{file.Id}", fgjUser.Token, new JsonObject { ["altText"] = "越权" });
        Assert.Equal(HttpStatusCode.NotFound, api.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.ApiAsync(HttpMethod.Patch, $"/czj/api/v1/media/{file.Id}", fgjUser.Token, new JsonObject { ["altText"] = "越权" })).Status);

        var after = Assert.Single(await FilesAsync(tag));
        Assert.Equal(("", folder.Id, false), (after.AltText, after.FolderId, after.IsPublic));
        Assert.Equal($"内部{tag}", (await FolderAsync($"内部{tag}"))!.Path);
        Assert.Null(await FolderAsync($"改{tag}"));
        Assert.Equal(["media.upload"], (await AuditAsync($"media/{file.Id}")).Select(a => a.Action));
        Assert.Equal(["media.folder.create"], (await AuditAsync($"media-folder/内部{tag}")).Select(a => a.Action));
    }

    [SkippableFact]
    public async Task PATCH_changes_alt_text_folder_and_public_flag_and_refuses_bad_fields_as_problem_json_naming_them()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var folder = await NewFolderAsync(client, $"接口{tag}");
        var png = await UploadOneAsync(client, $"接口图{tag}.png", TestFiles.Png(50, 40), tag);
        var url = $"/czj/api/v1/media/{png.Id}";

        var ok = await h.ApiAsync(HttpMethod.Patch, url, editor.Token, new JsonObject { ["altText"] = "接口写入的说明", ["folder"] = $"接口{tag}", ["public"] = false });
        Assert.True(ok.Status == HttpStatusCode.OK, ok.Text);
        Assert.Equal(("接口写入的说明", $"接口{tag}", false), (ok.Json!["altText"]!.GetValue<string>(), ok.Json["folder"]!.GetValue<string>(), ok.Json["public"]!.GetValue<bool>()));
        var stored = Assert.Single(await FilesAsync(tag));
        Assert.Equal(("接口写入的说明", folder.Id, false), (stored.AltText, stored.FolderId, stored.IsPublic));
        Assert.Equal(["media.upload", "media.describe", "media.move", "media.unpublish"], (await AuditAsync($"media/{png.Id}")).Select(a => a.Action));

        // Only what is given changes; null folder takes the file out of its folder.
        var partial = await h.ApiAsync(HttpMethod.Patch, url, editor.Token, rawBody: "{\"folder\": null}");
        Assert.True(partial.Status == HttpStatusCode.OK, partial.Text);
        stored = Assert.Single(await FilesAsync(tag));
        Assert.Equal(("接口写入的说明", (int?)null, false), (stored.AltText, stored.FolderId, stored.IsPublic));

        async Task RefusedAsync(string body, string parameter, string detail)
        {
            var r = await h.ApiAsync(HttpMethod.Patch, url, editor.Token, rawBody: body);
            Assert.True(r.Status == HttpStatusCode.BadRequest, $"{body}: {r.Status} {r.Text}");
            Assert.Equal("application/problem+json", r.ContentType);
            Assert.Equal(parameter, r.Json!["parameter"]!.GetValue<string>());
            Assert.Contains(detail, r.Json["detail"]!.GetValue<string>());
        }
        await RefusedAsync($"{{\"altText\": \"{new string('长', 501)}\"}}", "altText", "不能超过 500 个字符");
        await RefusedAsync($"{{\"folder\": \"不存在{tag}\"}}", "folder", $"文件夹“不存在{tag}”不存在");
        await RefusedAsync("{\"public\": \"yes\"}", "public", "应为 true 或 false");
        await RefusedAsync("{\"altText\": 12}", "altText", "应为字符串");
        await RefusedAsync("{\"name\": \"改名.png\"}", "name", "未知字段 name");
        await RefusedAsync("{\"altText\": ", "body", "不是有效的 JSON");
        await RefusedAsync("[1]", "body", "应为 JSON 对象");
        var missing = await h.ApiAsync(HttpMethod.Patch, "/czj/api/v1/media/999999", editor.Token, new JsonObject { ["altText"] = "x" });
        Assert.Equal((HttpStatusCode.NotFound, "id"), (missing.Status, missing.Json!["parameter"]!.GetValue<string>()));

        stored = Assert.Single(await FilesAsync(tag));
        Assert.Equal(("接口写入的说明", (int?)null, false), (stored.AltText, stored.FolderId, stored.IsPublic));
        Assert.Equal(5, (await AuditAsync($"media/{png.Id}")).Count);
        Assert.Null(await FolderAsync($"不存在{tag}"));
    }
}
