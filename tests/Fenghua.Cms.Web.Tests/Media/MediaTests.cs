using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Web.Tests.Editorial;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;

namespace Fenghua.Cms.Web.Tests.Media;

/// <summary>The media library over HTTP on the real product: uploads, detection, limits, image cleaning, serving, isolation.</summary>
public abstract class MediaTests(CmsFactory factory)
{
    private static readonly ConcurrentDictionary<(CmsFactory, string, string), Task<EditorialHarness.User>> Users = new();
    private readonly EditorialHarness harness = new(factory);

    private void SkipWithoutStore() => Skip.If(factory.Unavailable is not null, factory.Unavailable);

    /// <summary>One user per factory, role and site (made with the real CLI), holding a real API token.</summary>
    private Task<EditorialHarness.User> UserAsync(string role, string site) =>
        Users.GetOrAdd((factory, role, site), _ => harness.UserAsync(role, site));

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private sealed record Reply(HttpStatusCode Status, string? ContentType, JsonNode? Json, string Text);

    private async Task<Reply> UploadAsync(string? token, string prefix, string fileName, byte[] bytes, string? folder = null, bool isPublic = true, string? altText = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (folder is not null) form.Add(new StringContent(folder), "folder");
        form.Add(new StringContent(isPublic ? "true" : "false"), "public");
        if (altText is not null) form.Add(new StringContent(altText), "altText");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{prefix}/api/v1/media") { Content = form };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(request);
    }

    private async Task<Reply> ApiAsync(HttpMethod method, string url, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await SendAsync(request);
    }

    private async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { json = text.Length > 0 ? JsonNode.Parse(text) : null; } catch (System.Text.Json.JsonException) { }
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json, text);
    }

    private async Task<JsonNode> UploadOkAsync(string prefix, string site, string fileName, byte[] bytes, string? folder = null, bool isPublic = true, string? altText = null)
    {
        var editor = await UserAsync("Editor", site);
        var r = await UploadAsync(editor.Token, prefix, fileName, bytes, folder, isPublic, altText);
        Assert.True(r.Status == HttpStatusCode.Created, r.Text);
        return r.Json!;
    }

    private static void AssertProblem(Reply r, HttpStatusCode status, string parameter, params string[] detailParts)
    {
        Assert.True(r.Status == status, $"{r.Status}: {r.Text}");
        Assert.Equal("application/problem+json", r.ContentType);
        Assert.Equal(parameter, r.Json!["parameter"]!.GetValue<string>());
        foreach (var part in detailParts) Assert.Contains(part, r.Json!["detail"]!.GetValue<string>());
    }

    private static string Variant(JsonNode file, int width, string format) =>
        file["variants"]!.AsArray().Single(v => v!["width"]!.GetValue<int>() == width)![format]!.GetValue<string>();

    [SkippableFact]
    public async Task A_PNG_named_pdf_is_stored_and_served_as_PNG()
    {
        SkipWithoutStore();
        var png = TestFiles.Png(800, 600);
        var file = await UploadOkAsync("/czj", "czj", "扫描件.pdf", png);
        Assert.Equal("image", file["kind"]!.GetValue<string>());
        Assert.Equal("image/png", file["contentType"]!.GetValue<string>());
        Assert.Equal("扫描件.pdf", file["name"]!.GetValue<string>());
        Assert.Equal(800, file["width"]!.GetValue<int>());
        Assert.Equal(600, file["height"]!.GetValue<int>());
        var url = file["url"]!.GetValue<string>();
        Assert.StartsWith("/czj/media/", url);
        Assert.EndsWith("/o/" + Uri.EscapeDataString("扫描件.png"), url);

        using var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var served = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(SixLabors.ImageSharp.Formats.Png.PngFormat.Instance, Image.DetectFormat(served));
    }

    [SkippableFact]
    public async Task A_text_file_named_jpg_is_refused_and_nothing_is_stored()
    {
        SkipWithoutStore();
        var editor = await UserAsync("Editor", "czj");
        var name = $"会议纪要{Guid.NewGuid():N}.jpg";
        var r = await UploadAsync(editor.Token, "/czj", name, Encoding.UTF8.GetBytes("这不是图片，只是一段文字。\n第二行。"));
        AssertProblem(r, HttpStatusCode.BadRequest, "file", name, "按文件内容判断");
        var list = await ApiAsync(HttpMethod.Get, "/czj/api/v1/media?q=" + Uri.EscapeDataString(name[..20]), editor.Token);
        Assert.Equal(0, list.Json!["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task A_file_over_the_size_limit_is_refused_with_the_limit_named()
    {
        SkipWithoutStore();
        var editor = await UserAsync("Editor", "czj");
        var bytes = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        var r = await UploadAsync(editor.Token, "/czj", "年度报告.pdf", bytes);
        Assert.True(r.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, r.Text);
        AssertProblem(r, r.Status, "file", "20 MB", "20,971,520 字节");
    }

    [SkippableFact]
    public async Task An_image_declaring_more_than_40_megapixels_is_refused_before_decoding()
    {
        SkipWithoutStore();
        var editor = await UserAsync("Editor", "czj");
        var header = TestFiles.PngHeaderOnly(10_000, 5_000);
        Assert.True(header.Length < 100); // no pixel data at all: decoding would fail, identifying does not
        var r = await UploadAsync(editor.Token, "/czj", "航拍.png", header);
        AssertProblem(r, HttpStatusCode.BadRequest, "file", "10000 × 5000", "40,000,000", "未解码即拒绝");

        // Just under the limit is identified and then decoded: this one has no pixel data, so decoding is what fails.
        var under = await UploadAsync(editor.Token, "/czj", "航拍2.png", TestFiles.PngHeaderOnly(100, 100));
        AssertProblem(under, HttpStatusCode.BadRequest, "file", "无法处理");
    }

    [SkippableFact]
    public async Task EXIF_with_GPS_is_removed_and_the_orientation_applied_in_every_served_image()
    {
        SkipWithoutStore();
        var jpeg = TestFiles.JpegWithGps(1200, 800);
        Assert.NotNull(Image.Identify(jpeg).Metadata.ExifProfile?.GetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.GPSLatitude));
        Assert.Contains("FenghuaTestCam", Encoding.ASCII.GetString(jpeg));

        var file = await UploadOkAsync("/czj", "czj", "现场照片.jpg", jpeg);
        Assert.Equal(800, file["width"]!.GetValue<int>()); // turned upright: 1200×800 with Orientation 6 is 800 wide
        Assert.Equal(1200, file["height"]!.GetValue<int>());

        foreach (var url in new[] { file["url"]!.GetValue<string>(), Variant(file, 640, "jpeg"), Variant(file, 640, "webp"), Variant(file, 320, "jpeg"), Variant(file, 1920, "webp") })
        {
            var bytes = await Client().GetByteArrayAsync(url);
            var info = Image.Identify(bytes);
            Assert.Null(info.Metadata.ExifProfile);
            Assert.DoesNotContain("FenghuaTestCam", Encoding.ASCII.GetString(bytes));
            Assert.DoesNotContain("Exif\0\0", Encoding.ASCII.GetString(bytes));
            Assert.True(info.Height > info.Width, $"{url}: {info.Width}×{info.Height}");
        }
        var w640 = Image.Identify(await Client().GetByteArrayAsync(Variant(file, 640, "jpeg")));
        Assert.Equal((640, 960), (w640.Width, w640.Height));
    }

    [SkippableFact]
    public async Task Only_the_allowed_widths_are_served_at_content_hashed_immutable_URLs()
    {
        SkipWithoutStore();
        var png = TestFiles.Png(1000, 500);
        var file = await UploadOkAsync("/czj", "czj", "图解.png", png);
        var hash = Convert.ToHexStringLower(SHA256.HashData(png));
        Assert.Equal(hash, file["sha256"]!.GetValue<string>());
        Assert.Equal(new[] { 320, 640, 960, 1280, 1920 }, file["variants"]!.AsArray().Select(v => v!["width"]!.GetValue<int>()));

        var webp = Variant(file, 640, "webp");
        Assert.Contains($"/{hash[..16]}/w640.webp", webp);
        using (var r = await Client().GetAsync(webp))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("image/webp", r.Content.Headers.ContentType!.MediaType);
            Assert.True(r.Headers.CacheControl!.Public);
            Assert.Equal(TimeSpan.FromDays(365), r.Headers.CacheControl.MaxAge);
            Assert.Contains("immutable", r.Headers.CacheControl.ToString());
            Assert.NotNull(r.Headers.ETag);
            Assert.Equal((640, 320), Size(await r.Content.ReadAsByteArrayAsync()));
        }
        using (var r = await Client().GetAsync(Variant(file, 1920, "jpeg")))
        {
            Assert.Equal("image/jpeg", r.Content.Headers.ContentType!.MediaType);
            Assert.Equal((1000, 500), Size(await r.Content.ReadAsByteArrayAsync())); // never enlarged
        }

        var id = file["id"]!.GetValue<int>();
        foreach (var bad in new[] { $"/czj/media/{id}/{hash[..16]}/w641.webp", $"/czj/media/{id}/{hash[..16]}/w100.jpg", $"/czj/media/{id}/{hash[..16]}/w640.png",
                     $"/czj/media/{id}/{hash[..16]}/w640.gif", $"/czj/media/{id}/{hash[..16]}/w0640.jpg", $"/czj/media/{id}/0000000000000000/w640.webp",
                     $"/czj/media/{id}/{hash[..16]}/o/另一个名字.png", $"/czj/media/{id}/{hash[..16]}/original.png" })
        {
            using var r = await Client().GetAsync(bad);
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, bad);
        }
    }

    [SkippableFact]
    public async Task Files_of_one_site_are_not_served_or_listed_or_deleted_under_another()
    {
        SkipWithoutStore();
        var file = await UploadOkAsync("/czj", "czj", "财政预算.png", TestFiles.Png(400, 300));
        var id = file["id"]!.GetValue<int>();
        var url = file["url"]!.GetValue<string>();
        var path = url["/czj".Length..];
        using (var ok = await Client().GetAsync(url)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        foreach (var other in new[] { path, "/fgj" + path, "/ylj" + path })
        {
            using var r = await Client().GetAsync(other);
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, other);
        }

        var fgjEditor = await UserAsync("Editor", "fgj");
        Assert.Equal(HttpStatusCode.NotFound, (await ApiAsync(HttpMethod.Get, $"/fgj/api/v1/media/{id}", fgjEditor.Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiAsync(HttpMethod.Delete, $"/fgj/api/v1/media/{id}", fgjEditor.Token)).Status);
        var fgjList = await ApiAsync(HttpMethod.Get, "/fgj/api/v1/media?pageSize=200", fgjEditor.Token);
        Assert.DoesNotContain(fgjList.Json!["items"]!.AsArray(), i => i!["id"]!.GetValue<int>() == id);
        // A czj editor's token does not open fgj's library, even for its own file's id.
        var czjEditor = await UserAsync("Editor", "czj");
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiAsync(HttpMethod.Get, $"/fgj/api/v1/media/{id}", czjEditor.Token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiAsync(HttpMethod.Delete, $"/fgj/api/v1/media/{id}", czjEditor.Token)).Status);

        using (var still = await Client().GetAsync(url)) Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.True(Directory.Exists(Path.Combine(factory.DataPath, "media", "czj", id.ToString())));
    }

    [SkippableFact]
    public async Task The_API_needs_a_token_and_the_ManageMedia_permission()
    {
        SkipWithoutStore();
        var png = TestFiles.Png(10, 10);
        var anonymous = await UploadAsync(null, "/czj", "a.png", png);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        var author = await UserAsync("Author", "czj");
        var refused = await UploadAsync(author.Token, "/czj", "a.png", png);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Contains("管理媒体库", refused.Json!["detail"]!.GetValue<string>());
        var reviewer = await UserAsync("Reviewer", "czj");
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(reviewer.Token, "/czj", "a.png", png)).Status);
    }

    [SkippableFact]
    public async Task Unpublished_files_are_hidden_from_the_public_until_published()
    {
        SkipWithoutStore();
        var file = await UploadOkAsync("/czj", "czj", "草稿配图.png", TestFiles.Png(300, 200), isPublic: false);
        Assert.False(file["public"]!.GetValue<bool>());
        var url = Variant(file, 320, "webp");
        using (var hidden = await Client().GetAsync(url)) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        var editor = await UserAsync("Editor", "czj");
        var published = await ApiAsync(HttpMethod.Post, $"/czj/api/v1/media/{file["id"]}/publish", editor.Token);
        Assert.True(published.Json!["public"]!.GetValue<bool>());
        using var shown = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("immutable", shown.Headers.CacheControl!.ToString());
    }

    [SkippableFact]
    public async Task Unpublished_files_are_shown_only_to_people_signed_in_to_their_site_and_never_cached()
    {
        SkipWithoutStore();
        var file = await UploadOkAsync("/czj", "czj", "内部材料.png", TestFiles.Png(120, 80), isPublic: false);
        var url = Variant(file, 320, "jpeg");

        async Task<HttpClient> SignedInAsync(string site)
        {
            var user = await UserAsync("Author", site);
            var client = Client();
            var page = await (await client.GetAsync("/admin/login")).Content.ReadAsStringAsync();
            var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
            var login = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
                { ["userName"] = user.Name, ["password"] = EditorialHarness.Password, ["returnUrl"] = "/admin", ["__af"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            return client;
        }

        using (var own = await (await SignedInAsync("czj")).GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.True(own.Headers.CacheControl!.NoStore);
            Assert.True(own.Headers.CacheControl.Private);
        }
        using (var other = await (await SignedInAsync("fgj")).GetAsync(url)) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using (var anonymous = await Client().GetAsync(url)) Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [SkippableFact]
    public async Task Upload_and_delete_are_audited_and_delete_removes_the_bytes()
    {
        SkipWithoutStore();
        var file = await UploadOkAsync("/czj", "czj", "待删除.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
        Assert.Equal("pdf", file["kind"]!.GetValue<string>());
        var id = file["id"]!.GetValue<int>();
        var dir = Path.Combine(factory.DataPath, "media", "czj", id.ToString());
        Assert.True(File.Exists(Path.Combine(dir, "original.pdf")));
        using (var inline = await Client().GetAsync(file["url"]!.GetValue<string>()))
            Assert.StartsWith("inline", inline.Content.Headers.ContentDisposition!.ToString());

        var editor = await UserAsync("Editor", "czj");
        Assert.Equal(HttpStatusCode.NoContent, (await ApiAsync(HttpMethod.Delete, $"/czj/api/v1/media/{id}", editor.Token)).Status);
        Assert.False(Directory.Exists(dir));
        using (var gone = await Client().GetAsync(file["url"]!.GetValue<string>())) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiAsync(HttpMethod.Delete, $"/czj/api/v1/media/{id}", editor.Token)).Status);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var entries = await db.AuditTrail.AsNoTracking().Where(a => a.Target == $"media/{id}").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["media.upload", "media.delete"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(editor.Name, e.Actor));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))), entries[0].Details);
        Assert.Null(await Fenghua.Cms.Data.Audit.AuditLog.VerifyAsync(db));
    }

    [SkippableFact]
    public async Task Office_files_and_data_archives_are_told_apart_by_their_content()
    {
        SkipWithoutStore();
        var docx = await UploadOkAsync("/czj", "czj", "通知.zip", TestFiles.Docx());
        Assert.Equal(("docx", ".docx"), (docx["kind"]!.GetValue<string>(), Path.GetExtension(Uri.UnescapeDataString(docx["url"]!.GetValue<string>()))));
        var xlsx = await UploadOkAsync("/czj", "czj", "预算表.xlsx", TestFiles.Xlsx());
        Assert.Equal("xlsx", xlsx["kind"]!.GetValue<string>());
        var data = await UploadOkAsync("/czj", "czj", "开放数据.zip", TestFiles.Zip(("2026/收支.csv", Encoding.UTF8.GetBytes("项目,金额\n教育,100\n"))));
        Assert.Equal("zip", data["kind"]!.GetValue<string>());
        using (var download = await Client().GetAsync(data["url"]!.GetValue<string>()))
        {
            Assert.StartsWith("attachment", download.Content.Headers.ContentDisposition!.ToString());
            Assert.Equal("开放数据.zip", download.Content.Headers.ContentDisposition!.FileNameStar);
        }

        var editor = await UserAsync("Editor", "czj");
        AssertProblem(await UploadAsync(editor.Token, "/czj", "宏.xlsx", TestFiles.Xlsm()), HttpStatusCode.BadRequest, "file", "含宏");
        AssertProblem(await UploadAsync(editor.Token, "/czj", "炸弹.zip", TestFiles.Zip(("zeros.csv", new byte[5 * 1024 * 1024]))), HttpStatusCode.BadRequest, "file", "压缩比");
        AssertProblem(await UploadAsync(editor.Token, "/czj", "条目.zip", TestFiles.ZipWithEntries(10_001)), HttpStatusCode.BadRequest, "file", "10001", "10000");
        AssertProblem(await UploadAsync(editor.Token, "/czj", "程序.zip", TestFiles.Zip(("setup.exe", [0x4D, 0x5A]))), HttpStatusCode.BadRequest, "file", "可执行文件");
    }

    [SkippableFact]
    public async Task An_SVG_is_only_ever_a_download()
    {
        SkipWithoutStore();
        var svg = await UploadOkAsync("/czj", "czj", "标志.svg", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
        Assert.Equal("svg", svg["kind"]!.GetValue<string>());
        Assert.Empty(svg["variants"]!.AsArray());
        using var r = await Client().GetAsync(svg["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.StartsWith("attachment", r.Content.Headers.ContentDisposition!.ToString());
        Assert.Contains("sandbox", r.Headers.GetValues("Content-Security-Policy").Single());
    }

    [SkippableFact]
    public async Task The_library_is_searched_by_name_and_alt_text_within_folders_and_kinds()
    {
        SkipWithoutStore();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var editor = await UserAsync("Editor", "fgj");
        await UploadOkAsync("/fgj", "fgj", $"项目{tag}现场.png", TestFiles.Png(50, 50), folder: $" 重大项目 / {tag} /", altText: "奉化江大桥施工现场");
        await UploadOkAsync("/fgj", "fgj", $"项目{tag}批复.pdf", Encoding.ASCII.GetBytes("%PDF-1.5\n%%EOF\n"), folder: $"重大项目/{tag}");
        await UploadOkAsync("/fgj", "fgj", $"其他{tag}.png", TestFiles.Png(50, 50));

        var folders = await ApiAsync(HttpMethod.Get, "/fgj/api/v1/media/folders", editor.Token);
        Assert.Contains(folders.Json!["folders"]!.AsArray(), f => f!["path"]!.GetValue<string>() == $"重大项目/{tag}");
        Assert.Contains(folders.Json!["folders"]!.AsArray(), f => f!["path"]!.GetValue<string>() == "重大项目");

        async Task<string[]> Names(string query) =>
            (await ApiAsync(HttpMethod.Get, "/fgj/api/v1/media?" + query, editor.Token)).Json!["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal([$"其他{tag}.png", $"项目{tag}批复.pdf", $"项目{tag}现场.png"], await Names("q=" + tag));
        Assert.Equal([$"项目{tag}批复.pdf", $"项目{tag}现场.png"], await Names("folder=" + Uri.EscapeDataString($"重大项目/{tag}")));
        Assert.Equal([$"项目{tag}现场.png"], await Names($"q={tag}&kind=image&folder=" + Uri.EscapeDataString($"重大项目/{tag}")));
        Assert.Equal([$"项目{tag}现场.png"], await Names("q=" + Uri.EscapeDataString($"大桥 {tag}")));

        AssertProblem(await ApiAsync(HttpMethod.Get, "/fgj/api/v1/media?kind=movie", editor.Token), HttpStatusCode.BadRequest, "kind", "movie");
        AssertProblem(await ApiAsync(HttpMethod.Get, "/fgj/api/v1/media?pageSize=5000", editor.Token), HttpStatusCode.BadRequest, "pageSize", "200");
        AssertProblem(await ApiAsync(HttpMethod.Get, "/fgj/api/v1/media?page=二", editor.Token), HttpStatusCode.BadRequest, "page", "二");
        AssertProblem(await UploadAsync(editor.Token, "/fgj", "x.png", TestFiles.Png(5, 5), folder: "a/../b"), HttpStatusCode.BadRequest, "folder", "a/../b");
    }

    private static (int, int) Size(byte[] image)
    {
        var info = Image.Identify(image);
        return (info.Width, info.Height);
    }
}

public sealed class SqliteMediaTests(SqliteCmsFactory factory) : MediaTests(factory), IClassFixture<SqliteCmsFactory>;

public sealed class PostgresMediaTests(PostgresCmsFactory factory) : MediaTests(factory), IClassFixture<PostgresCmsFactory>;
