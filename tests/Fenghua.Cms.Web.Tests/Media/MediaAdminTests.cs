using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Web.Tests.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Media;

/// <summary>
/// The media library's admin page and the editor's picker, signed in with the cookie like a person: upload
/// forms, folders, search, isolation between sites, the picker's lines, delete rules and the audit trail.
/// </summary>
public abstract partial class MediaAdminTests(CmsFactory factory)
{
    private readonly EditorialHarness h = new(factory);

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>The start of a Windows program: "MZ", the DOS stub message, padding.</summary>
    private static readonly byte[] Exe = [.. "MZ\u0090\0\u0003\0\0\0"u8, .. new byte[56], .. "This program cannot be run in DOS mode.\r\n"u8, .. new byte[400]];

    private void SkipWithoutStore() => Skip.If(factory.Unavailable is not null, factory.Unavailable);

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")] private static partial Regex AntiforgeryPattern();

    private static string Af(string html) => AntiforgeryPattern().Match(html).Groups[1].Value;

    /// <summary>One signed-in session per factory, role and site: sign-in is rate-limited per address, as in production.</summary>
    private static readonly ConcurrentDictionary<(CmsFactory, string, string), Task<(HttpClient, EditorialHarness.User)>> Sessions = new();

    private Task<(HttpClient Client, EditorialHarness.User User)> SignInAsync(string role, string site) =>
        Sessions.GetOrAdd((factory, role, site), _ => NewSessionAsync(role, site));

    private async Task<(HttpClient, EditorialHarness.User)> NewSessionAsync(string role, string site)
    {
        var user = await h.UserAsync(role, site);
        var client = h.Client();
        var (_, page) = await h.GetAsync("/admin/login", client);
        var login = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["userName"] = user.Name, ["password"] = EditorialHarness.Password, ["returnUrl"] = "/admin", ["__af"] = Af(page) }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (client, user);
    }

    /// <summary>The antiforgery token of the signed-in user, from any admin page (403 pages carry one too).</summary>
    private async Task<string> AfAsync(HttpClient client, string url)
    {
        var (_, html) = await h.GetAsync(url, client);
        var token = Af(html);
        Assert.False(string.IsNullOrEmpty(token), html);
        return token;
    }

    private static async Task<(HttpStatusCode Status, string Html, string? Location)> PostFilesAsync(HttpClient client, string url, string af,
        (string Name, byte[] Bytes)[] files, Dictionary<string, string>? fields = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(af), "__af" } };
        foreach (var (k, v) in fields ?? []) form.Add(new StringContent(v), k);
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        using var response = await client.PostAsync(url, form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    private static async Task<(HttpStatusCode Status, string Html, string? Location)> PostFormAsync(HttpClient client, string url, string af, Dictionary<string, string>? fields = null)
    {
        var all = new Dictionary<string, string>(fields ?? []) { ["__af"] = af };
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(all));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    private async Task<List<MediaFile>> FilesAsync(string tag)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().MediaFiles.AsNoTracking()
            .Where(f => f.OriginalName.Contains(tag)).OrderBy(f => f.Id).ToListAsync();
    }

    private async Task<List<Fenghua.Cms.Core.Audit.AuditEntry>> AuditAsync(string target)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().AuditTrail.AsNoTracking().Where(a => a.Target == target).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<int> SiteIdAsync(string key)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Sites.Where(s => s.Key == key).Select(s => s.Id).FirstAsync();
    }

    private static string Hash(MediaFile f) => f.Sha256[..16];

    private static string FileUrl(string prefix, MediaFile f) =>
        $"{prefix}/media/{f.Id}/{Hash(f)}/o/{Uri.EscapeDataString(Path.GetFileNameWithoutExtension(f.OriginalName) + f.Extension)}";

    /// <summary>Uploads through the library form and expects every file stored.</summary>
    private async Task UploadOkAsync(HttpClient client, string prefix, params (string Name, byte[] Bytes)[] files)
    {
        var af = await AfAsync(client, $"{prefix}/admin/media");
        var r = await PostFilesAsync(client, $"{prefix}/admin/media/upload", af, files, new() { ["public"] = "on" });
        Assert.True(r.Status == HttpStatusCode.Redirect, $"{r.Status}: {r.Html}");
    }

    [SkippableFact]
    public async Task The_upload_form_stores_a_PNG_and_a_PDF_and_refuses_an_EXE_named_pdf_naming_the_file_and_the_reason()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var (status, page) = await h.GetAsync("/czj/admin/media", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<form method=\"post\" action=\"/czj/admin/media/upload\" enctype=\"multipart/form-data\">", page);
        Assert.Contains("单个文件不超过 20 MB（20,971,520 字节），一次最多 10 个", page);
        Assert.Contains("href=\"/czj/admin/media\">媒体库</a>", page);

        await UploadOkAsync(client, "/czj", ($"早先的文件{tag}.pdf", Pdf));
        var r = await PostFilesAsync(client, "/czj/admin/media/upload", Af(page),
            [($"现场照片{tag}.png", TestFiles.Png(800, 600)), ($"会议通知{tag}.pdf", Pdf), ($"安装程序{tag}.pdf", Exe)],
            new() { ["folder"] = $"专题{tag} / 2026", ["public"] = "on" });

        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Contains($"已上传 2 个（现场照片{tag}.png、会议通知{tag}.pdf），1 个被拒。", r.Html);
        Assert.Contains($"文件“安装程序{tag}.pdf”不是允许的类型（按内容识别为Windows 可执行程序（EXE/DLL））", r.Html);
        Assert.Contains($"value=\"专题{tag} / 2026\"", r.Html);
        Assert.Contains("name=\"public\" value=\"on\" checked", r.Html);

        var files = await FilesAsync(tag);
        Assert.Equal([$"早先的文件{tag}.pdf", $"现场照片{tag}.png", $"会议通知{tag}.pdf"], files.Select(f => f.OriginalName));
        var png = files[1];
        Assert.Equal((MediaKind.Image, "image/png", 800, true), (png.Kind, png.ContentType, png.Width!.Value, png.IsPublic));
        Assert.Equal(MediaKind.Pdf, files[2].Kind);
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "media", "czj", files[0].Id.ToString(), "original.pdf")));
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var folder = await db.MediaFolders.AsNoTracking().SingleAsync(f => f.Path == $"专题{tag}/2026");
            Assert.Equal(folder.Id, png.FolderId);
            Assert.Equal(folder.Id, files[2].FolderId);
        }
        foreach (var f in files.Skip(1))
            Assert.Equal(editor.Name, Assert.Single(await AuditAsync($"media/{f.Id}"), a => a.Action == "media.upload").Actor);

        // The list of the folder shows both, with the detected type, the thumbnail at an allowed width and the link to copy.
        var (_, list) = await h.GetAsync($"/czj/admin/media?folder={Uri.EscapeDataString($"专题{tag}/2026")}", client);
        Assert.Contains($"<img src=\"/czj/media/{png.Id}/{Hash(png)}/w320.webp\"", list);
        Assert.Contains("图片（PNG）", list);
        Assert.Contains("PDF 文档", list);
        Assert.Contains($"value=\"{FileUrl("/czj", files[2])}\"", list);
        Assert.Contains("共 2 个文件", list);
    }

    [SkippableFact]
    public async Task Folders_are_created_and_listed_with_their_counts_and_a_bad_path_is_refused_keeping_what_was_typed()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var af = await AfAsync(client, "/czj/admin/media");
        var created = await PostFormAsync(client, "/czj/admin/media/folders", af, new() { ["path"] = $" 档案{tag} / 2026 /" });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.StartsWith($"/czj/admin/media?folder={Uri.EscapeDataString($"档案{tag}/2026")}&msg=", created.Location);
        Assert.Equal(["media.folder.create"], (await AuditAsync($"media-folder/档案{tag}/2026")).Select(a => a.Action));
        Assert.Equal(editor.Name, (await AuditAsync($"media-folder/档案{tag}")).Single().Actor);

        var listed = await PostFilesAsync(client, "/czj/admin/media/upload", af, [($"归档{tag}.pdf", Pdf)], new() { ["folder"] = $"档案{tag}/2026" });
        Assert.Equal(HttpStatusCode.Redirect, listed.Status);
        var (_, page) = await h.GetAsync("/czj/admin/media", client);
        Assert.Matches($"<li class=\"depth-0\"><a [^>]*title=\"档案{tag}\"[^>]*>档案{tag}</a> <span class=\"count\">（0）</span>", page);
        Assert.Matches($"<li class=\"depth-1\"><a [^>]*title=\"档案{tag}/2026\"[^>]*>2026</a> <span class=\"count\">（1）</span>", page);

        var bad = await PostFormAsync(client, "/czj/admin/media/folders", af, new() { ["path"] = $"坏{tag}/<名称>" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("<li data-field=\"path\">文件夹“坏", bad.Html);
        Assert.Contains("无效：名称中不能含有", bad.Html);
        Assert.Contains($"id=\"folder-path\" name=\"path\" value=\"坏{tag}/&lt;名称&gt;\"", bad.Html);
        await using var scope = factory.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CmsDbContext>().MediaFolders.AnyAsync(f => f.Path.Contains($"坏{tag}")));
    }

    [SkippableFact]
    public async Task Search_finds_files_by_name_and_the_kind_filter_keeps_images_documents_or_archives()
    {
        SkipWithoutStore();
        var (client, _) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        await UploadOkAsync(client, "/czj", ($"预算公开表{tag}.xlsx", TestFiles.Xlsx()), ($"活动照片{tag}.png", TestFiles.Png(64, 48)),
            ($"统计数据{tag}.zip", TestFiles.Zip(("data.csv", Encoding.UTF8.GetBytes("年份,金额\n2026,100\n")))));

        async Task<string> ListAsync(string query)
        {
            var (status, html) = await h.GetAsync("/czj/admin/media" + query, client);
            Assert.Equal(HttpStatusCode.OK, status);
            return html;
        }
        string[] Names(string html) => Regex.Matches(html, $"<strong class=\"media-name\">([^<]*{tag}[^<]*)</strong>").Select(m => m.Groups[1].Value).Order().ToArray();

        Assert.Equal([$"预算公开表{tag}.xlsx"], Names(await ListAsync($"?q={Uri.EscapeDataString("预算公开表" + tag)}")));
        Assert.Equal([$"活动照片{tag}.png"], Names(await ListAsync($"?q={tag}&kind=image")));
        Assert.Equal([$"预算公开表{tag}.xlsx"], Names(await ListAsync($"?q={tag}&kind=document")));
        Assert.Equal([$"统计数据{tag}.zip"], Names(await ListAsync($"?q={tag}&kind=archive")));
        Assert.Equal(3, Names(await ListAsync($"?q={tag}")).Length);

        var (badStatus, bad) = await h.GetAsync($"/czj/admin/media?q={tag}&kind=video", client);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("<li data-field=\"kind\">类型“video”无效", bad);
    }

    [SkippableFact]
    public async Task Another_sites_editor_cannot_see_delete_or_publish_the_file_even_by_posting_its_id()
    {
        SkipWithoutStore();
        var (czj, _) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var af = await AfAsync(czj, "/czj/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFilesAsync(czj, "/czj/admin/media/upload", af, [($"内部材料{tag}.pdf", Pdf)])).Status);
        var file = Assert.Single(await FilesAsync(tag));

        var (fgj, _) = await SignInAsync("Editor", "fgj");
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync("/czj/admin/media", fgj)).Status);
        var fgjAf = await AfAsync(fgj, "/fgj/admin/media");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(fgj, $"/czj/admin/media/{file.Id}/delete", fgjAf)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(fgj, $"/czj/admin/media/{file.Id}/publish", fgjAf)).Status);
        var delete = await PostFormAsync(fgj, $"/fgj/admin/media/{file.Id}/delete", fgjAf);
        Assert.Equal(HttpStatusCode.NotFound, delete.Status);
        Assert.Contains($"本站点的媒体库中没有编号为 {file.Id} 的文件", delete.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(fgj, $"/fgj/admin/media/{file.Id}/publish", fgjAf)).Status);
        var (_, fgjList) = await h.GetAsync($"/fgj/admin/media?q={tag}", fgj);
        Assert.Contains($"名称或说明含“{tag}”：共 0 个文件。", fgjList);
        Assert.DoesNotContain($"内部材料{tag}", fgjList);

        // An author of the file's own site has no media permission either.
        var (author, _) = await SignInAsync("Author", "czj");
        Assert.Equal(HttpStatusCode.Forbidden, (await h.GetAsync("/czj/admin/media", author)).Status);

        var after = Assert.Single(await FilesAsync(tag));
        Assert.False(after.IsPublic);
        Assert.Equal(["media.upload"], (await AuditAsync($"media/{file.Id}")).Select(a => a.Action));
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "media", "czj", file.Id.ToString(), "original.pdf")));
    }

    [SkippableFact]
    public async Task The_editor_panel_lists_the_sites_files_with_attachment_and_body_lines_at_hashed_URLs()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var item = await h.CreateAsync(editor, "czj", "Notice", "tzgg", $"配图通知{tag}", "正文");
        await UploadOkAsync(client, "/czj", ($"配图{tag}.png", TestFiles.Png(1600, 900)), ($"附件{tag}.pdf", Pdf));
        var files = await FilesAsync(tag);
        var (png, pdf) = (files.Single(f => f.Kind == MediaKind.Image), files.Single(f => f.Kind == MediaKind.Pdf));

        var (status, html) = await h.GetAsync($"/czj/admin/content/{item}?media={Uri.EscapeDataString(tag)}", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<aside class=\"workflow media-picker\" id=\"media-picker\"", html);
        Assert.Contains($"与“{tag}”匹配的文件共 2 个", html);
        var attachments = Regex.Matches(html, "<button type=\"button\" data-append-to=\"f-Attachments-files\" data-text=\"([^\"]*)\">添加为附件</button>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var bodies = Regex.Matches(html, "<button type=\"button\" data-insert-into=\"f-MarkdownBody-markdown\" data-text=\"([^\"]*)\">插入正文</button>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var pngLine = $"配图{tag}.png | {FileUrl("/czj", png)}";
        var pdfLine = $"附件{tag}.pdf | {FileUrl("/czj", pdf)}";
        var image = $"![配图{tag}](/czj/media/{png.Id}/{Hash(png)}/w960.webp)";
        Assert.Equal([pdfLine, pngLine], attachments);
        Assert.Equal([image], bodies);
        // Without JavaScript the same lines are there to copy.
        var copy = Regex.Matches(html, "<code class=\"pick-line\">([^<]*)</code>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal([pdfLine, pngLine, image], copy);

        // The lines point at the files themselves.
        using (var served = await h.Client().GetAsync(image[(image.IndexOf('(') + 1)..^1]))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
        }
        using (var served = await h.Client().GetAsync(FileUrl("/czj", pdf)))
            Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
    }

    [SkippableFact]
    public async Task A_type_without_attachments_gets_only_the_body_button()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var type = "BodyOnly" + tag;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            db.ContentTypes.Add(new ContentTypeDefinition { Name = type, DisplayName = "仅正文", Parts = [new() { Name = "Title" }, new() { Name = "MarkdownBody" }] });
            await db.SaveChangesAsync();
        }
        var created = await h.ApiAsync(HttpMethod.Post, "/czj/api/v1/content", editor.Token, new JsonObject
        {
            ["site"] = "czj", ["contentType"] = type,
            ["parts"] = new JsonObject { ["Title"] = new JsonObject { ["title"] = $"说明{tag}" }, ["MarkdownBody"] = new JsonObject { ["markdown"] = "正文" } },
        });
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        await UploadOkAsync(client, "/czj", ($"示意图{tag}.png", TestFiles.Png(64, 64)));

        var (status, html) = await h.GetAsync($"/czj/admin/content/{created.Json!["id"]!.GetValue<int>()}?media={tag}", client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-insert-into=\"f-MarkdownBody-markdown\"", html);
        Assert.DoesNotContain("data-append-to=\"f-Attachments-files\"", html);
        Assert.DoesNotContain("添加为附件", html);
    }

    [SkippableFact]
    public async Task The_panels_upload_stores_in_the_items_site_and_returns_to_the_editor_with_the_outcome()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var item = await h.CreateAsync(editor, "czj", "Notice", "tzgg", $"上传通知{tag}", "正文");
        var af = await AfAsync(client, $"/czj/admin/content/{item}");
        var r = await PostFilesAsync(client, $"/czj/admin/media/picker/{item}/upload", af,
            [($"现场{tag}.png", TestFiles.Png(100, 80)), ($"程序{tag}.exe", Exe)], new() { ["public"] = "on" });
        Assert.Equal(HttpStatusCode.Redirect, r.Status);
        Assert.StartsWith($"/czj/admin/content/{item}?mediaMsg=", r.Location);
        Assert.EndsWith("#media-picker", r.Location);

        var (_, html) = await h.GetAsync(r.Location!, client);
        Assert.Contains($"已上传 1 个（现场{tag}.png），1 个被拒：文件“程序{tag}.exe”不是允许的类型（按内容识别为Windows 可执行程序（EXE/DLL））", html);
        var stored = Assert.Single(await FilesAsync(tag));
        Assert.Equal((await SiteIdAsync("czj"), true, $"现场{tag}.png"), (stored.SiteId, stored.IsPublic, stored.OriginalName));
        Assert.Contains($"data-text=\"现场{tag}.png | {FileUrl("/czj", stored)}\"", WebUtility.HtmlDecode(html));

        // Another site's editor cannot upload "for" this item, nor can an author without the media permission.
        var (fgj, _) = await SignInAsync("Editor", "fgj");
        var fgjAf = await AfAsync(fgj, "/fgj/admin/media");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFilesAsync(fgj, $"/fgj/admin/media/picker/{item}/upload", fgjAf, [($"越权{tag}.png", TestFiles.Png(10, 10))])).Status);
        var (author, authorUser) = await SignInAsync("Author", "czj");
        var own = await h.CreateAsync(authorUser, "czj", "Notice", "tzgg", $"作者稿件{tag}", "正文");
        var (_, authorEditor) = await h.GetAsync($"/czj/admin/content/{own}", author);
        Assert.Contains("没有“管理素材”权限，不能选用或上传文件", authorEditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFilesAsync(author, $"/czj/admin/media/picker/{own}/upload", Af(authorEditor), [($"作者上传{tag}.png", TestFiles.Png(10, 10))])).Status);
        Assert.Single(await FilesAsync(tag));
    }

    [SkippableFact]
    public async Task Delete_is_refused_while_content_links_the_file_and_is_audited_once_nothing_does()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        await UploadOkAsync(client, "/czj", ($"引用的文件{tag}.pdf", Pdf), ($"闲置的文件{tag}.pdf", [.. Pdf, .. Encoding.ASCII.GetBytes(tag)]));
        var files = await FilesAsync(tag);
        var (linked, idle) = (files[0], files[1]);
        var item = await h.CreateAsync(editor, "czj", "Notice", "tzgg", $"附件通知{tag}", "见附件。", new JsonObject
        {
            ["Attachments"] = new JsonObject { ["files"] = new JsonArray(new JsonObject { ["name"] = linked.OriginalName, ["url"] = FileUrl("/czj", linked) }) },
        });

        var af = await AfAsync(client, "/czj/admin/media");
        var refused = await PostFormAsync(client, $"/czj/admin/media/{linked.Id}/delete", af, new() { ["q"] = tag });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains($"文件“{linked.OriginalName}”正被 1 篇稿件引用（宁波市奉化区财政局 稿件 {item}《附件通知{tag}》），不能删除", refused.Html);
        var api = await h.ApiAsync(HttpMethod.Delete, $"/czj/api/v1/media/{linked.Id}", editor.Token);
        Assert.Equal(HttpStatusCode.Conflict, api.Status);
        Assert.Equal(2, (await FilesAsync(tag)).Count);
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "media", "czj", linked.Id.ToString(), "original.pdf")));

        var deleted = await PostFormAsync(client, $"/czj/admin/media/{idle.Id}/delete", af, new() { ["q"] = tag });
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.StartsWith($"/czj/admin/media?q={tag}&msg=", deleted.Location);
        Assert.Equal([linked.Id], (await FilesAsync(tag)).Select(f => f.Id));
        Assert.False(Directory.Exists(Path.Combine(factory.DataPath, "media", "czj", idle.Id.ToString())));
        var entry = (await AuditAsync($"media/{idle.Id}")).Last();
        Assert.Equal(("media.delete", editor.Name, await SiteIdAsync("czj")), (entry.Action, entry.Actor, entry.SiteId));
        Assert.Contains(idle.Sha256, entry.Details);
        Assert.DoesNotContain(await AuditAsync($"media/{linked.Id}"), a => a.Action == "media.delete");
        await using var scope = factory.Scope();
        Assert.Null(await Fenghua.Cms.Data.Audit.AuditLog.VerifyAsync(scope.ServiceProvider.GetRequiredService<CmsDbContext>()));
    }

    [SkippableFact]
    public async Task Publish_and_unpublish_change_who_may_open_the_file_and_are_audited()
    {
        SkipWithoutStore();
        var (client, editor) = await SignInAsync("Editor", "czj");
        var tag = Tag();
        var af = await AfAsync(client, "/czj/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFilesAsync(client, "/czj/admin/media/upload", af, [($"草稿附件{tag}.pdf", Pdf)])).Status);
        var file = Assert.Single(await FilesAsync(tag));
        Assert.False(file.IsPublic);
        using (var hidden = await h.Client().GetAsync(FileUrl("/czj", file))) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/czj/admin/media/{file.Id}/publish", af)).Status);
        Assert.True(Assert.Single(await FilesAsync(tag)).IsPublic);
        using (var shown = await h.Client().GetAsync(FileUrl("/czj", file))) Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/czj/admin/media/{file.Id}/unpublish", af)).Status);
        Assert.False(Assert.Single(await FilesAsync(tag)).IsPublic);

        var entries = await AuditAsync($"media/{file.Id}");
        Assert.Equal(["media.upload", "media.publish", "media.unpublish"], entries.Select(a => a.Action));
        Assert.All(entries, a => Assert.Equal(editor.Name, a.Actor));
    }
}

public sealed class SqliteMediaAdminTests(SqliteCmsFactory factory) : MediaAdminTests(factory), IClassFixture<SqliteCmsFactory>;

public sealed class PostgresMediaAdminTests(PostgresCmsFactory factory) : MediaAdminTests(factory), IClassFixture<PostgresCmsFactory>;
