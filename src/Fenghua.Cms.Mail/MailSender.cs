using System.Net.Sockets;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Mail;
using Fenghua.Cms.Data.Outbox;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Fenghua.Cms.Mail;

/// <summary>
/// Sends queued mail. Each mail is claimed with a conditional update (Pending → Sending) before the
/// SMTP conversation, so with several nodes a mail is sent by at most one of them. Failures that
/// certainly left the mail unsent (no connection, a 4xx answer) are retried with exponential backoff;
/// a 5xx refusal, too many attempts, or an interrupted send (outcome unknown) end in Failed.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, MailOptions options, OutboxSignal signal, TimeProvider clock, ILogger<MailSender> log) : PollingWorker
{
    private readonly string _node = Clip($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 200);
    private bool _warnedUnconfigured;

    // Content changes notify the signal after their commit, which is when their mail becomes visible.
    protected override TimeProvider Clock => clock;

    protected override ILogger Log => log;

    protected override OutboxSignal Signal => signal;

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Max(0.05, options.PollSeconds));

    protected override string FailureMessage => "邮件发送循环出错，稍后重试。";

    protected override Task RunPassAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One pass: gives up stale claims, then sends what is due. Returns how many mails were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Host) || !MailboxAddress.TryParse(options.From ?? "", out var from))
        {
            if (!_warnedUnconfigured)
                log.LogWarning("未配置 Fenghua:Mail:Host 或 Fenghua:Mail:From（有效的发件地址），邮件留在队列中不发送。");
            _warnedUnconfigured = true;
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await GiveUpStaleClaimsAsync(db, ct);

        var now = clock.GetUtcNow();
        var due = await db.OutgoingMail.AsNoTracking()
            .Where(m => m.State == OutgoingMailState.Pending && m.NextAttemptUtc <= now)
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Take(Math.Max(1, options.BatchSize))
            .ToListAsync(ct);
        if (due.Count == 0) return 0;

        using var smtp = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        var sent = 0;
        try
        {
            foreach (var mail in due)
            {
                if (!await ClaimAsync(db, mail, ct)) continue; // another node has it
                if (await SendOneAsync(db, smtp, mail, from, ct)) sent++;
            }
        }
        finally
        {
            if (smtp.IsConnected)
                try { await smtp.DisconnectAsync(true, CancellationToken.None); } catch (Exception e) when (e is IOException or SocketException or ProtocolException) { }
        }
        return sent;
    }

    private Task GiveUpStaleClaimsAsync(CmsDbContext db, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - TimeSpan.FromMinutes(options.ClaimTimeoutMinutes);
        return db.OutgoingMail
            .Where(m => m.State == OutgoingMailState.Sending && m.ClaimedUtc < before)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.State, OutgoingMailState.Failed)
                .SetProperty(m => m.LastError, "发送过程中断（节点停止或超时），无法确认是否已送达；为避免重复发送，不再自动重试。"), ct);
    }

    private async Task<bool> ClaimAsync(CmsDbContext db, OutgoingMail mail, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.OutgoingMail
            .Where(m => m.Id == mail.Id && m.State == OutgoingMailState.Pending && m.Attempts == mail.Attempts)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.State, OutgoingMailState.Sending)
                .SetProperty(m => m.ClaimedUtc, now)
                .SetProperty(m => m.ClaimedBy, _node)
                .SetProperty(m => m.Attempts, mail.Attempts + 1), ct);
        if (claimed == 1) mail.Attempts++;
        return claimed == 1;
    }

    private async Task<bool> SendOneAsync(CmsDbContext db, SmtpClient smtp, OutgoingMail mail, MailboxAddress from, CancellationToken ct)
    {
        try
        {
            await EnsureConnectedAsync(smtp, ct);
        }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or SslHandshakeException or AuthenticationException or SmtpCommandException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // Nothing reached the server: safe to try again later.
            await RetryOrGiveUpAsync(db, mail, $"无法连接邮件服务器 {options.Host}:{options.Port}：{e.Message}", ct);
            return false;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down before anything was sent: hand the mail back untouched.
            await db.OutgoingMail.Where(m => m.Id == mail.Id && m.ClaimedBy == _node && m.State == OutgoingMailState.Sending)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, OutgoingMailState.Pending).SetProperty(m => m.Attempts, mail.Attempts - 1), CancellationToken.None);
            throw;
        }

        try
        {
            await smtp.SendAsync(MailComposer.Compose(mail, from), ct);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            await FinishAsync(db, mail, OutgoingMailState.Failed, $"邮件服务器拒绝（{(int)e.StatusCode}）：{e.Message}", ct);
            return false;
        }
        catch (SmtpCommandException e)
        {
            await RetryOrGiveUpAsync(db, mail, $"邮件服务器暂时拒绝（{(int)e.StatusCode}）：{e.Message}", ct);
            return false;
        }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // The conversation broke mid-way: the server may or may not have taken the mail.
            await FinishAsync(db, mail, OutgoingMailState.Failed, $"发送中断，无法确认是否已送达；为避免重复发送，不再自动重试：{e.Message}", ct);
            return false;
        }

        await FinishAsync(db, mail, OutgoingMailState.Sent, null, ct);
        log.LogInformation("邮件 {Id}（{Kind}）已发送给 {To}。", mail.Id, mail.Kind, mail.ToAddress);
        return true;
    }

    private async Task EnsureConnectedAsync(SmtpClient smtp, CancellationToken ct)
    {
        if (smtp.IsConnected) return;
        var security = options.Security switch
        {
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await smtp.ConnectAsync(options.Host!, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName))
            await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
    }

    private Task RetryOrGiveUpAsync(CmsDbContext db, OutgoingMail mail, string error, CancellationToken ct)
    {
        if (mail.Attempts >= options.MaxAttempts)
            return FinishAsync(db, mail, OutgoingMailState.Failed, $"已尝试 {mail.Attempts} 次，放弃发送。最后一次错误：{error}", ct);
        log.LogWarning("邮件 {Id} 第 {Attempt} 次发送失败，将重试：{Error}", mail.Id, mail.Attempts, error);
        var next = clock.GetUtcNow() + options.BackoffAfter(mail.Attempts);
        return db.OutgoingMail.Where(m => m.Id == mail.Id && m.ClaimedBy == _node && m.State == OutgoingMailState.Sending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.State, OutgoingMailState.Pending)
                .SetProperty(m => m.NextAttemptUtc, next)
                .SetProperty(m => m.LastError, Clip(error)), CancellationToken.None);
    }

    private async Task FinishAsync(CmsDbContext db, OutgoingMail mail, OutgoingMailState state, string? error, CancellationToken ct)
    {
        if (state == OutgoingMailState.Failed) log.LogError("邮件 {Id}（{Kind}，收件人 {To}）发送失败：{Error}", mail.Id, mail.Kind, mail.ToAddress, error);
        DateTimeOffset? sentUtc = state == OutgoingMailState.Sent ? clock.GetUtcNow() : null;
        // Not cancellable: the SMTP side already happened, the row must say so.
        await db.OutgoingMail.Where(m => m.Id == mail.Id && m.ClaimedBy == _node && m.State == OutgoingMailState.Sending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.State, state)
                .SetProperty(m => m.SentUtc, sentUtc)
                .SetProperty(m => m.LastError, error == null ? null : Clip(error)), CancellationToken.None);
    }

    private static string Clip(string s, int max = 2000) => s.Length <= max ? s : s[..max];
}
