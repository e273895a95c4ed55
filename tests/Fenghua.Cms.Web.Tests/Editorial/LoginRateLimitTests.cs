using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Editorial;

public sealed class RateLimitedCmsFactory() : CmsFactory(postgres: false)
{
    protected override int LoginAttemptsPerMinute => 3;
}

/// <summary>The per-address limit on sign-in attempts, on top of the per-account lockout.</summary>
public sealed partial class LoginRateLimitTests(RateLimitedCmsFactory factory) : IClassFixture<RateLimitedCmsFactory>
{
    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")] private static partial Regex AntiforgeryPattern();

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_per_minute_are_refused_with_a_message_and_never_reach_the_password_check()
    {
        var h = new EditorialHarness(factory);
        var user = await h.UserAsync("Editor", "czj");
        var client = h.Client();
        var (_, page) = await h.GetAsync("/admin/login", client);
        var token = AntiforgeryPattern().Match(page).Groups[1].Value;
        Task<HttpResponseMessage> Post(string password) => client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["userName"] = user.Name, ["password"] = password, ["returnUrl"] = "/admin", ["__af"] = token }));

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await Post("wrong-" + i)).StatusCode);
        using var limited = await Post(EditorialHarness.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.RetryAfter!.ToString());
        Assert.Contains("每分钟最多 3 次", await limited.Content.ReadAsStringAsync());
        Assert.DoesNotContain(limited.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("fenghua.admin=", StringComparison.Ordinal)));

        // The refused attempt was not counted against the account: three failures, no lockout yet.
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Fenghua.Cms.Data.CmsDbContext>();
        var failures = db.AuditTrail.Count(a => a.Target == $"user:{user.Name}" && a.Action == "user.signin.failed");
        Assert.Equal(3, failures);
    }
}
