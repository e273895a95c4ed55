using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>Runs Python's feedparser (Debian's python3-feedparser) over saved feeds and returns what it understood.</summary>
public static class FeedParser
{
    private const string Script = """
        import json, sys, feedparser
        out = {}
        for path in sys.argv[1:]:
            d = feedparser.parse(path)
            out[path] = {
                "bozo": int(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
                "title": d.feed.get("title", ""), "links": [l.get("href") for l in d.feed.get("links", [])],
                "self": next((l.get("href") for l in d.feed.get("links", []) if l.get("rel") == "self"), None),
                "entries": [{"id": e.get("id"), "link": e.get("link"), "title": e.get("title"),
                             "published": e.get("published"), "published_parsed": list(e.published_parsed[:6]) if e.get("published_parsed") else None,
                             "summary": e.get("summary"), "content": (e.get("content") or [{}])[0].get("value"),
                             "author": e.get("author")} for e in d.entries],
            }
        print(json.dumps(out, ensure_ascii=False))
        """;

    public static string? Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>RSS and Atom go to feedparser; JSON Feed (which Debian's feedparser 6.0.10 cannot read) to <see cref="JsonFeedCheck"/>.</summary>
    public static async Task<JsonObject> ParseAsync(IReadOnlyList<string> all)
    {
        var result = new JsonObject();
        foreach (var json in all.Where(f => f.EndsWith(".json")))
            result[json] = JsonFeedCheck.Parse(await File.ReadAllTextAsync(json));
        var files = all.Where(f => !f.EndsWith(".json")).ToList();
        if (files.Count == 0) return result;
        foreach (var (k, v) in await RunFeedParserAsync(files)) result[k] = v!.DeepClone();
        return result;
    }

    private static async Task<JsonObject> RunFeedParserAsync(IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo(Python!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var f in files) start.ArgumentList.Add(f);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "feedparser 运行失败（需要 python3-feedparser）：" + await stderr);
        return JsonNode.Parse(await stdout)!.AsObject();
    }
}
