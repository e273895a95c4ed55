using System.Net;
using System.Security.Cryptography;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Editorial;

public abstract partial class EditorialTests
{
    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits) of a Base32 key, as a phone authenticator computes it.</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.ToUpperInvariant().Where(c => c != ' ' && c != '=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6");
    }

    private async Task RequireTwoFactorAsync(string site, bool required)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var siteId = await db.Sites.Where(s => s.Key == site).Select(s => s.Id).FirstAsync();
        var row = await db.EditorialSettings.FirstOrDefaultAsync(s => s.SiteId == siteId);
        if (row is null) db.EditorialSettings.Add(row = new EditorialSiteSettings { SiteId = siteId });
        row.RequireTwoFactor = required;
        await db.SaveChangesAsync();
    }

    [SkippableFact]
    public async Task A_site_can_require_two_factor_sign_in_and_a_totp_code_completes_the_sign_in()
    {
        SkipWithoutStore();
        var user = await h.UserAsync("Editor", "ylj");
        await RequireTwoFactorAsync("ylj", true);
        try
        {
            var refused = await h.ApiAsync(HttpMethod.Get, "/api/v1/content?site=ylj", user.Token);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);

            string key;
            await using (var scope = factory.Scope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
                var u = (await users.FindByNameAsync(user.Name))!;
                await users.ResetAuthenticatorKeyAsync(u);
                key = (await users.GetAuthenticatorKeyAsync(u))!;
                Assert.True(await users.VerifyTwoFactorTokenAsync(u, users.Options.Tokens.AuthenticatorTokenProvider, Totp(key, DateTimeOffset.UtcNow)));
                await users.SetTwoFactorEnabledAsync(u, true);
            }
            Assert.Equal(HttpStatusCode.OK, (await h.ApiAsync(HttpMethod.Get, "/api/v1/content?site=ylj", user.Token)).Status);

            var client = h.Client();
            var first = await PostLoginAsync(client, user.Name, EditorialHarness.Password);
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.StartsWith("/admin/login/2fa", first.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/ylj/admin")).StatusCode);
            var (_, form) = await h.GetAsync("/admin/login/2fa?returnUrl=/ylj/admin", client);
            var second = await client.PostAsync("/admin/login/2fa", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__af"] = Antiforgery(form), ["returnUrl"] = "/ylj/admin", ["code"] = Totp(key, DateTimeOffset.UtcNow.AddSeconds(30)),
            }));
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.Equal("/ylj/admin", second.Headers.Location!.OriginalString);
            var (status, html) = await h.GetAsync("/ylj/admin", client);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("工作台", html);
            Assert.Contains(await AuditAsync($"user:{user.Name}"), a => a.Action == "user.signin" && a.Details == "两步验证");
        }
        finally
        {
            await RequireTwoFactorAsync("ylj", false);
        }
    }
}
