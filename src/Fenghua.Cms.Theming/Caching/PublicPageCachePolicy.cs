using Microsoft.AspNetCore.OutputCaching;

namespace Fenghua.Cms.Theming.Caching;

/// <summary>
/// Caches anonymous GET/HEAD pages per host, site path base, path, query and display mode.
/// Signed-in users and responses that set cookies are never cached. Every entry carries the tag
/// "public" and is evicted when anything is published.
/// </summary>
public sealed class PublicPageCachePolicy(bool enabled, TimeSpan duration) : IOutputCachePolicy
{
    public const string Name = "public-page";
    public const string Tag = "public";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var request = context.HttpContext.Request;
        var cacheable = enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.HttpContext.User.Identity?.IsAuthenticated != true
            && !request.Headers.Authorization.Any();
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.HeaderNames = "X-Forwarded-Proto";
        context.CacheVaryByRules.VaryByValues["mode"] = request.Cookies["fh-mode"] ?? "";
        context.ResponseExpirationTimeSpan = duration;
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        if (response.Headers.SetCookie.Count > 0 || response.StatusCode is not (200 or 404 or 301))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
