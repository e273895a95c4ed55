using System.Text.Json;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Media.Imaging;
using Fenghua.Cms.Syndication.Channels;
using Fenghua.Cms.Syndication.Feeds;
using Fenghua.Cms.Syndication.Formatting;
using Fenghua.Cms.Syndication.Platforms;
using Fenghua.Cms.Theming.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>
/// Takes one step of one push and stores its result before returning. A step that makes something
/// public first records that it was sent; if its answer is lost, the next attempt asks the platform
/// whether it happened instead of sending again.
/// </summary>
public sealed class PushProcessor(
    CmsDbContext db, ChannelSecretProtector secrets, WeChatClient wechat, WeiboClient weibo, IHttpClientFactory clients, IImageEngine imageEngine,
    PushNotifier notifier, PushOptions options, TimeProvider clock, ILogger<PushProcessor> log)
{
    public const string ImageClientName = "fenghua-push-images";

    /// <summary>Takes the next step of a pending push; false when the push is not pending or another node holds it.</summary>
    public async Task<bool> StepAsync(long pushId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lease = now.AddSeconds(options.LeaseSeconds);
        var claimed = await db.CrossSite<ChannelPush>()
            .Where(p => p.Id == pushId && p.State == PushState.Pending && (p.LeaseUntilUtc == null || p.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.LeaseUntilUtc, lease), ct);
        if (claimed == 0) return false;

        // Rows tracked by an earlier step in this scope would hide the lease just written.
        db.ChangeTracker.Clear();
        var push = await db.CrossSite<ChannelPush>().FirstAsync(p => p.Id == pushId, ct);
        try
        {
            var context = await ContextAsync(push, ct);
            await (context.Channel.Kind == ChannelKind.WeChat ? WeChatStepAsync(context, ct) : WeiboStepAsync(context, ct));
            if (push.State != PushState.Failed) push.LastError = null;
        }
        catch (PushFailure f) when (!f.Permanent && push.Attempts + 1 < options.MaxAttempts)
        {
            push.Attempts++;
            push.LastError = f.Message;
            push.NextAttemptUtc = clock.GetUtcNow() + options.Backoff(push.Attempts);
            log.LogWarning("推送 {Push} 第 {Attempt} 次失败，将于 {Next} 重试：{Error}", push.Id, push.Attempts, push.NextAttemptUtc, f.Message);
        }
        catch (PushFailure f)
        {
            push.Attempts++;
            await FailAsync(push, f.Permanent ? f.Message : $"重试 {push.Attempts} 次仍失败：{f.Message}", ct);
        }
        push.LeaseUntilUtc = null;
        push.UpdatedUtc = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return push.State == PushState.Pending;
    }

    private async Task WeChatStepAsync(PushContext c, CancellationToken ct)
    {
        var push = c.Push;
        var html = AbsoluteLinks.Rewrite(PublicContentReader.BodyHtml(c.Version), $"https://{(c.Site.Settings.SiteDomain.Length > 0 ? c.Site.Settings.SiteDomain : "localhost")}");
        var images = JsonSerializer.Deserialize<Dictionary<string, string>>(push.ImageMap) ?? [];
        switch (push.Step)
        {
            case PushSteps.Check:
                // Placeholder URLs as long as WeChat's, so the length check holds after re-hosting.
                var estimate = WeChatHtml.ImageSources(html).ToDictionary(s => s, _ => "https://mmbiz.qpic.cn/mmbiz_png/" + new string('x', 90) + "/0?wx_fmt=png");
                CheckWeChatLimits(c, WeChatHtml.Convert(html, estimate));
                push.Step = PushSteps.Images;
                break;

            case PushSteps.Images:
                var next = WeChatHtml.ImageSources(html).FirstOrDefault(s => !images.ContainsKey(s));
                if (next is null) { push.Step = PushSteps.Cover; break; }
                // WebP, GIF or 1 MB and more is re-encoded as a JPEG under 1 MB; only a picture that is gone or
                // unreadable is left out (WeChat strips links to pictures it does not host).
                var bytes = await ForWeChatAsync(await FetchImageAsync(next, ct), ct);
                images[next] = bytes is not null
                    ? await wechat.UploadImageAsync(c.Channel, c.Secret, bytes, "image" + ImageBytes.Extension(bytes), ct)
                    : "";
                push.ImageMap = JsonSerializer.Serialize(images);
                break;

            case PushSteps.Cover:
                byte[]? cover = null;
                foreach (var src in WeChatHtml.ImageSources(html).Where(s => images.GetValueOrDefault(s, "").Length > 0))
                    if ((cover = await ForWeChatAsync(await FetchImageAsync(src, ct), ct)) is not null) break;
                cover ??= DefaultCover.Png;
                push.CoverMediaId = await wechat.AddCoverAsync(c.Channel, c.Secret, cover, "cover" + ImageBytes.Extension(cover), ct);
                push.Step = PushSteps.Draft;
                break;

            case PushSteps.Draft:
                var content = WeChatHtml.Convert(html, images.Where(kv => kv.Value.Length > 0).ToDictionary());
                var (title, digest) = CheckWeChatLimits(c, content);
                var author = c.Site.Name.Length > 16 ? c.Site.Name[..16] : c.Site.Name;
                push.DraftMediaId = await wechat.AddDraftAsync(c.Channel, c.Secret, new WeChatArticle(title, author, digest, content, c.SourceUrl, push.CoverMediaId!), ct);
                push.Step = PushSteps.Publish;
                break;

            case PushSteps.Publish:
                if (push.PublishSentUtc is { } sent && push.PublishId is null)
                {
                    // The last submit may have gone through although its answer was lost: ask before sending again.
                    var (checkTitle, _) = CheckWeChatLimits(c, "");
                    var found = await wechat.FindPublishedAsync(c.Channel, c.Secret, c.SourceUrl, checkTitle, await ClaimedAsync(push, ct), ct);
                    if (found is { } f) { Succeed(push, f.ArticleId, f.Url); break; }
                    // batchget lists finished publications only, and publishing takes a while (originality check,
                    // review): not seeing the article soon after the submit proves nothing, so look again later.
                    if (clock.GetUtcNow() < sent.AddSeconds(options.LostAnswerWaitSeconds))
                        throw PushFailure.Transient("提交发布的应答丢失，已发布列表中暂未见到该文章：稍后再次核对，核实前不会再次提交");
                }
                if (!c.Channel.Enabled) throw PushFailure.Stop("渠道已停用，未再次提交发布。");
                push.PublishSentUtc = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                try { push.PublishId = await wechat.SubmitAsync(c.Channel, c.Secret, push.DraftMediaId!, ct); }
                catch (PushFailure f) when (f.Refused)
                {
                    // WeChat answered with an error code: nothing was submitted, so there is nothing to look for next time.
                    push.PublishSentUtc = null;
                    throw;
                }
                push.Step = PushSteps.Poll;
                push.NextAttemptUtc = clock.GetUtcNow();
                break;

            case PushSteps.Poll:
                var status = await wechat.GetPublishAsync(c.Channel, c.Secret, push.PublishId!, ct);
                switch (status.Status)
                {
                    case 0: Succeed(push, status.ArticleId, status.ArticleUrl); break;
                    case 1: push.NextAttemptUtc = clock.GetUtcNow().AddSeconds(options.PublishPollSeconds); break;
                    default:
                        // The publication is over and nothing is public: a retry starts again from a new draft.
                        push.PublishSentUtc = null;
                        push.PublishId = null;
                        push.DraftMediaId = null;
                        push.Step = PushSteps.Check;
                        throw PushFailure.Stop(PublishStatusMessage(status.Status));
                }
                break;
        }
    }

    private async Task WeiboStepAsync(PushContext c, CancellationToken ct)
    {
        var push = c.Push;
        var text = WeiboText.Compose(c.Version.Title, PublicContentReader.PlainSummary(c.Version, 100), c.SafeDomainUrl);
        switch (push.Step)
        {
            case PushSteps.Check:
                if (c.Channel.SafeDomain.Length == 0) throw PushFailure.Stop("微博渠道没有设置安全域名，无法生成符合要求的链接。");
                if (WeiboText.Length(text) > WeiboText.MaxLength) throw PushFailure.Stop($"微博正文超过 {WeiboText.MaxLength} 字：网址过长，请缩短站点路径。");
                push.Step = PushSteps.Publish;
                break;

            case PushSteps.Publish:
                if (push.PublishSentUtc is not null && push.PlatformPostId is null
                    && await weibo.FindRecentAsync(c.Channel, c.Secret, text, await ClaimedAsync(push, ct), ct) is { } existing)
                {
                    Succeed(push, existing, $"https://m.weibo.cn/status/{existing}");
                    break;
                }
                if (!c.Channel.Enabled) throw PushFailure.Stop("渠道已停用，未再次发布。");
                var html = AbsoluteLinks.Rewrite(PublicContentReader.BodyHtml(c.Version), $"https://{c.Channel.SafeDomain}");
                byte[]? picture = null;
                foreach (var src in WeChatHtml.ImageSources(html))
                    if ((picture = await FittedAsync(await FetchImageAsync(src, ct), ImageBytes.WeiboMax, ct)) is not null) break;
                push.PublishSentUtc = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                var id = await weibo.ShareAsync(c.Channel, c.Secret, text, picture ?? DefaultCover.Png, ct);
                Succeed(push, id, $"https://m.weibo.cn/status/{id}");
                break;
        }
    }

    /// <summary>WeChat's limits; a breach is permanent and says what to shorten.</summary>
    private static (string Title, string Digest) CheckWeChatLimits(PushContext c, string content)
    {
        var part = c.Version.Part("Syndication");
        var title = part?.Str("shortTitle") is { Length: > 0 } shortTitle ? shortTitle : c.Version.Title;
        if (title.Length > SyndicationPart.WeChatTitleMax)
            throw PushFailure.Stop($"标题共 {title.Length} 字，超过微信上限 {SyndicationPart.WeChatTitleMax} 字：请在推送设置中填写不超过 {SyndicationPart.WeChatTitleMax} 字的短标题（parts.Syndication.shortTitle）。");
        if (content.Length >= WeChatHtml.MaxContentLength)
            throw PushFailure.Stop($"正文转换为微信格式后共 {content.Length} 字符，微信要求少于 {WeChatHtml.MaxContentLength} 字符：请删减约 {content.Length - WeChatHtml.MaxContentLength + 1} 字符（可精简表格或拆分为多篇）后再次推送。");
        var digest = PublicContentReader.PlainSummary(c.Version, 120);
        if (digest.Length > 128) digest = digest[..127] + "…";
        return (title, digest);
    }

    private static string PublishStatusMessage(int status) => status switch
    {
        2 => "微信发布失败：原创校验未通过（状态 2）。",
        3 => "微信发布失败（状态 3），请在公众平台查看原因。",
        4 => "微信平台审核未通过（状态 4），文章未发出：请修改内容后再次推送。",
        5 => "微信文章已被删除（状态 5）。",
        6 => "微信文章已被封禁（状态 6）。",
        _ => $"微信返回未知的发布状态 {status}。",
    };

    private void Succeed(ChannelPush push, string? postId, string? url)
    {
        push.State = PushState.Succeeded;
        push.Step = PushSteps.Done;
        push.PlatformPostId = postId;
        push.PostUrl = url;
        push.CompletedUtc = clock.GetUtcNow();
    }

    private async Task FailAsync(ChannelPush push, string message, CancellationToken ct)
    {
        push.State = PushState.Failed;
        push.LastError = message;
        push.CompletedUtc = clock.GetUtcNow();
        log.LogWarning("推送 {Push} 失败并停止：{Error}", push.Id, message);
        await notifier.PushFailedAsync(db, push, message, ct);
    }

    /// <summary>Post ids other pushes of this channel already own: never mistaken for this push's lost answer.</summary>
    private async Task<IReadOnlySet<string>> ClaimedAsync(ChannelPush push, CancellationToken ct) =>
        (await db.CrossSite<ChannelPush>().AsNoTracking().Where(p => p.ChannelId == push.ChannelId && p.Id != push.Id && p.PlatformPostId != null)
            .Select(p => p.PlatformPostId!).ToListAsync(ct)).ToHashSet();

    private async Task<PushContext> ContextAsync(ChannelPush push, CancellationToken ct)
    {
        var channel = await db.CrossSite<Channel>().AsNoTracking().FirstAsync(c => c.Id == push.ChannelId, ct);
        var item = await db.CrossSite<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == push.ContentItemId, ct);
        // Withdrawn before it went out: nothing is pushed for content the public can no longer see.
        if (item?.PublishedVersionId is null) throw PushFailure.Stop("稿件已撤回或删除，未推送。");
        // A disabled account sends nothing new; a publishing call already sent is still followed to its end.
        if (!channel.Enabled && push.PublishSentUtc is null) throw PushFailure.Stop("渠道已停用，未推送。");
        var version = await db.CrossSite<ContentVersion>().AsNoTracking().FirstAsync(v => v.Id == push.ContentVersionId, ct);
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == push.SiteId, ct);
        string secret;
        try { secret = secrets.Unprotect(channel.ProtectedSecret); }
        catch (System.Security.Cryptography.CryptographicException) { throw PushFailure.Stop("渠道密钥无法解密（密钥环已更换），请管理员重新登记渠道。"); }
        return new PushContext(push, channel, secret, site, item, version);
    }

    private Task<byte[]?> ForWeChatAsync(byte[]? bytes, CancellationToken ct) => FittedAsync(bytes, ImageBytes.WeChatMax, ct);

    /// <summary>A JPEG or PNG under <paramref name="maxBytes"/> as it is; any other picture re-encoded as a JPEG under it; null when that cannot be done.</summary>
    private async Task<byte[]?> FittedAsync(byte[]? bytes, int maxBytes, CancellationToken ct)
    {
        if (bytes is null) return null;
        if (ImageBytes.Fits(bytes, maxBytes)) return bytes;
        using var stream = new MemoryStream(bytes, writable: false);
        return await imageEngine.ToJpegUnderAsync(stream, maxBytes, ct);
    }

    private async Task<byte[]?> FetchImageAsync(string url, CancellationToken ct)
    {
        try
        {
            using var response = await clients.CreateClient(ImageClientName).GetAsync(url, ct);
            if ((int)response.StatusCode >= 500) throw PushFailure.Transient($"读取图片 {url}：HTTP {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode) return null;
            if (response.Content.Headers.ContentLength > 5 * 1024 * 1024) return null;
            return await response.Content.ReadAsByteArrayAsync(ct);
        }
        catch (HttpRequestException e) { throw PushFailure.Transient($"读取图片 {url}：{e.Message}", e); }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested) { throw PushFailure.Transient($"读取图片 {url}：超时", e); }
    }
}
