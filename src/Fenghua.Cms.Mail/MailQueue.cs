using Fenghua.Cms.Core;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Mail;
using MimeKit;

namespace Fenghua.Cms.Mail;

/// <summary>
/// Puts a mail into the caller's unit of work. Nothing is saved here: the mail row commits (and is
/// later sent) together with the change that caused it, or not at all.
/// </summary>
public sealed class MailQueue(TimeProvider clock)
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 200_000;

    /// <summary>Queues a mail about the site of the current request.</summary>
    public Task EnqueueAsync(CmsDbContext db, MailRequest request, CancellationToken ct) => EnqueueAsync(db, request, db?.CurrentSiteId, ct);

    /// <summary>Queues a mail about <paramref name="siteId"/> (work in the background has no current site).</summary>
    public Task EnqueueAsync(CmsDbContext db, MailRequest request, int? siteId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        Validate(request);
        var now = clock.GetUtcNow().ToUniversalTime();
        db.OutgoingMail.Add(new OutgoingMail
        {
            SiteId = siteId,
            Kind = request.Kind.Trim(),
            ToAddress = request.To.Address.Trim(),
            ToName = request.To.DisplayName.Trim(),
            Subject = request.Subject.Trim(),
            TextBody = request.TextBody,
            HtmlBody = string.IsNullOrWhiteSpace(request.HtmlBody) ? null : request.HtmlBody,
            State = OutgoingMailState.Pending,
            CreatedUtc = now,
            NextAttemptUtc = now,
        });
        return Task.CompletedTask;
    }

    private static void Validate(MailRequest request)
    {
        var errors = new List<ValidationError>();
        var address = request.To?.Address?.Trim() ?? "";
        if (address.Length == 0)
            errors.Add(new("to.address", "收件人地址不能为空。"));
        else if (address.Length > 320 || !MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address || !address.Contains('@'))
            errors.Add(new("to.address", $"收件人地址“{address}”不是有效的电子邮件地址。"));
        if ((request.To?.DisplayName ?? "").Length > 200 || HasLineBreak(request.To?.DisplayName))
            errors.Add(new("to.displayName", "收件人名称不能超过 200 个字符，也不能换行。"));
        if (string.IsNullOrWhiteSpace(request.Subject))
            errors.Add(new("subject", "邮件主题不能为空。"));
        else if (request.Subject.Trim().Length > MaxSubjectLength || HasLineBreak(request.Subject))
            errors.Add(new("subject", $"邮件主题不能超过 {MaxSubjectLength} 个字符，也不能换行。"));
        if (string.IsNullOrWhiteSpace(request.TextBody))
            errors.Add(new("textBody", "邮件正文（纯文本）不能为空。"));
        else if (request.TextBody.Length > MaxBodyLength)
            errors.Add(new("textBody", $"邮件正文不能超过 {MaxBodyLength} 个字符。"));
        if (request.HtmlBody is { Length: > MaxBodyLength })
            errors.Add(new("htmlBody", $"HTML 正文不能超过 {MaxBodyLength} 个字符。"));
        if (string.IsNullOrWhiteSpace(request.Kind) || request.Kind.Trim().Length > 64)
            errors.Add(new("kind", "邮件类别不能为空，且不能超过 64 个字符。"));
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private static bool HasLineBreak(string? s) => s is not null && (s.Contains('\r') || s.Contains('\n'));
}
