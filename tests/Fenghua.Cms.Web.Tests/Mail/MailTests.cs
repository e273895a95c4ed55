using Fenghua.Cms.Core;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Mail;
using Fenghua.Cms.Data.Outbox;
using Fenghua.Cms.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using netDumbster.smtp;

namespace Fenghua.Cms.Web.Tests.Mail;

/// <summary>Mail from the queue to a real SMTP server over TCP, run on SQLite and on PostgreSQL.</summary>
public abstract class MailTests(MailCmsFactory factory)
{
    private void SkipWithoutStore() => Skip.If(factory.Unavailable is not null, factory.Unavailable);

    private static string Unique(string subject) => $"{subject} {Guid.NewGuid():N}"[..Math.Min(150, subject.Length + 33)];

    private async Task<long> EnqueueAndCommitAsync(MailRequest request, string site = "czj")
    {
        await using var scope = await factory.SiteScopeAsync(site);
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await scope.ServiceProvider.GetRequiredService<MailQueue>().EnqueueAsync(db, request, CancellationToken.None);
        await db.SaveChangesAsync();
        return await db.OutgoingMail.Where(m => m.Subject == request.Subject).Select(m => m.Id).SingleAsync();
    }

    private async Task<OutgoingMail> RowAsync(long id)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().OutgoingMail.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static MimeMessage[] Received(SimpleSmtpServer server) =>
        server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToArray();

    private static Task<MimeMessage[]> WaitForAsync(SimpleSmtpServer server, string subject, int count = 1) =>
        Eventually.WaitAsync(() => Task.FromResult(Received(server).Where(m => m.Subject == subject).ToArray()), a => a.Length >= count, $"SMTP 服务器收到“{subject}”");

    [SkippableFact]
    public async Task A_review_mail_arrives_with_its_Chinese_subject_encoded_and_both_parts()
    {
        SkipWithoutStore();
        var request = ReviewMail.Waiting(new MailRecipient("reviewer@czj.fh.gov.cn", "王审核"), "区财政局", Unique("关于2026年预算公开的通知"), "李编辑",
            "https://www.fh.gov.cn/admin/review/42", "终审");
        var id = await EnqueueAndCommitAsync(request);

        var message = (await WaitForAsync(factory.Smtp, request.Subject)).Single();
        var raw = factory.Smtp.ReceivedEmail.Single(m => m.Data.Contains(message.MessageId)).Data;

        Assert.StartsWith("【待审核】区财政局：关于2026年预算公开的通知", message.Subject);
        Assert.DoesNotContain("待审核", raw.Split("\r\n\r\n")[0]); // headers are 7-bit: the subject travels RFC 2047-encoded
        Assert.Matches("(?i)Subject: =\\?utf-8\\?[bq]\\?", raw);
        Assert.Equal("王审核", message.To.Mailboxes.Single().Name);
        Assert.Equal("reviewer@czj.fh.gov.cn", message.To.Mailboxes.Single().Address);
        Assert.Equal("noreply@fh.gov.cn", message.From.Mailboxes.Single().Address);
        Assert.Equal("奉化区政府网站", message.From.Mailboxes.Single().Name);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Contains("区财政局", message.TextBody);
        Assert.Contains("李编辑", message.TextBody);
        Assert.Contains("https://www.fh.gov.cn/admin/review/42", message.TextBody);
        Assert.Contains("<a href=\"https://www.fh.gov.cn/admin/review/42\">", message.HtmlBody);
        Assert.Contains("终审", message.HtmlBody);

        var row = await Eventually.WaitAsync(() => RowAsync(id), r => r.State == OutgoingMailState.Sent, "邮件状态为已发送");
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentUtc);
        Assert.Equal(MailKinds.ReviewWaiting, row.Kind);
        Assert.NotNull(row.SiteId);
    }

    [SkippableFact]
    public async Task The_review_workflow_mails_reviewers_and_the_author_with_absolute_links_into_the_site_admin()
    {
        SkipWithoutStore();
        var h = new Editorial.EditorialHarness(factory);
        var author = await h.UserAsync("Author", "fgj");
        var reviewer = await h.UserAsync("Reviewer", "fgj");
        var title = Unique("区发改局召开重点项目推进会");
        var id = await h.CreateAsync(author, "fgj", "Article", "gzdt", title, "会议部署了下一阶段工作。");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await h.MoveAsync(author, id, "submit")).Status);

        var waiting = (await Eventually.WaitAsync(() => Task.FromResult(Received(factory.Smtp).Where(m => m.To.Mailboxes.Any(x => x.Address == $"{reviewer.Name}@fh.gov.cn")).ToArray()),
            a => a.Length >= 1, "审核人收到待审核邮件")).Single();
        Assert.Contains("【待审核】", waiting.Subject);
        Assert.Contains(title, waiting.Subject);
        Assert.Contains(author.Name, waiting.TextBody); // who submitted it
        Assert.Contains($"<a href=\"https://www.fh.gov.cn/fgj/admin/content/{id}\">", waiting.HtmlBody);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await h.MoveAsync(reviewer, id, "approve", new { comment = "同意发布" })).Status);
        var approved = (await Eventually.WaitAsync(() => Task.FromResult(Received(factory.Smtp).Where(m => m.To.Mailboxes.Any(x => x.Address == $"{author.Name}@fh.gov.cn")).ToArray()),
            a => a.Length >= 1, "作者收到审核通过邮件")).Single();
        Assert.StartsWith("【已通过】", approved.Subject);
        Assert.Contains(reviewer.Name, approved.TextBody);
        Assert.Matches($"https://www\\.fh\\.gov\\.cn/fgj/gzdt/\\d{{4}}/{id}", approved.HtmlBody);
        Assert.IsType<MultipartAlternative>(approved.Body);

        await using var scope = factory.Scope();
        var rows = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().OutgoingMail.AsNoTracking()
            .Where(m => m.ToAddress == $"{reviewer.Name}@fh.gov.cn" || m.ToAddress == $"{author.Name}@fh.gov.cn").ToListAsync();
        var fgj = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Sites.AsNoTracking().SingleAsync(s => s.Key == "fgj");
        Assert.All(rows, r => Assert.Equal(fgj.Id, r.SiteId));
        Assert.Equal([MailKinds.ReviewApproved, MailKinds.ReviewWaiting], rows.Select(r => r.Kind).Order());
    }

    [SkippableFact]
    public async Task Mail_enqueued_in_a_change_that_rolls_back_is_never_sent()
    {
        SkipWithoutStore();
        var rolledBack = ReviewMail.Approved(new MailRecipient("author@fh.gov.cn", "张作者"), "区财政局", Unique("回滚的稿件"), "王审核", null);
        await using (var scope = await factory.SiteScopeAsync("czj"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<MailQueue>().EnqueueAsync(db, rolledBack, CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        var committed = ReviewMail.Approved(new MailRecipient("author@fh.gov.cn", "张作者"), "区财政局", Unique("提交的稿件"), "王审核", "https://www.fh.gov.cn/czj/tzgg/2026/a");
        await EnqueueAndCommitAsync(committed);

        await WaitForAsync(factory.Smtp, committed.Subject);
        Assert.DoesNotContain(Received(factory.Smtp), m => m.Subject == rolledBack.Subject);
        await using var check = factory.Scope();
        Assert.False(await check.ServiceProvider.GetRequiredService<CmsDbContext>().OutgoingMail.AnyAsync(m => m.Subject == rolledBack.Subject));
    }

    [SkippableFact]
    public async Task While_the_server_is_down_the_mail_waits_and_is_sent_once_it_is_up()
    {
        SkipWithoutStore();
        var options = factory.Services.GetRequiredService<MailOptions>();
        var port = MailCmsFactory.FreePort();
        var original = options.Port;
        options.Port = port; // nothing listens there yet
        SimpleSmtpServer? late = null;
        try
        {
            var request = JobMail.Failed(new MailRecipient("admin@fh.gov.cn", "区管理员"), "宁波市奉化区人民政府", "定时发布", Unique("关于春节假期安排的通知"),
                "数据库连接超时", DateTimeOffset.UtcNow);
            var id = await EnqueueAndCommitAsync(request, "portal");

            var failing = await Eventually.WaitAsync(() => RowAsync(id), r => r.Attempts >= 2, "至少两次失败的尝试");
            Assert.NotEqual(OutgoingMailState.Sent, failing.State);
            Assert.Contains("无法连接邮件服务器", failing.LastError);
            Assert.Contains($":{port}", failing.LastError);

            late = SimpleSmtpServer.Start(port);
            var message = (await WaitForAsync(late, request.Subject)).Single();
            Assert.Contains("数据库连接超时", message.TextBody);
            Assert.Contains("（北京时间）", message.HtmlBody);
            var sent = await Eventually.WaitAsync(() => RowAsync(id), r => r.State == OutgoingMailState.Sent, "邮件最终发送成功");
            Assert.True(sent.Attempts >= 3, $"attempts = {sent.Attempts}");
            Assert.Single(Received(late), m => m.Subject == request.Subject);
        }
        finally
        {
            options.Port = original;
            late?.Stop();
        }
    }

    [SkippableFact]
    public async Task A_mail_that_keeps_failing_ends_in_the_failed_state_after_the_configured_attempts()
    {
        SkipWithoutStore();
        var options = factory.Services.GetRequiredService<MailOptions>();
        var (originalPort, originalMax) = (options.Port, options.MaxAttempts);
        options.Port = MailCmsFactory.FreePort();
        options.MaxAttempts = 2;
        try
        {
            var request = ReviewMail.SentBack(new MailRecipient("author@fh.gov.cn"), "区财政局", Unique("退回的稿件"), "王审核", "请补充成文日期", "https://www.fh.gov.cn/admin/items/7");
            var id = await EnqueueAndCommitAsync(request);
            var row = await Eventually.WaitAsync(() => RowAsync(id), r => r.State == OutgoingMailState.Failed, "邮件进入失败状态");
            Assert.Equal(2, row.Attempts);
            Assert.Contains("已尝试 2 次", row.LastError);
        }
        finally
        {
            (options.Port, options.MaxAttempts) = (originalPort, originalMax);
        }
    }

    [SkippableFact]
    public async Task Several_senders_racing_over_the_same_queue_send_each_mail_once()
    {
        SkipWithoutStore();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var subjects = Enumerable.Range(1, 12).Select(i => $"并发测试 {tag} 第{i}封").ToList();
        await using (var scope = await factory.SiteScopeAsync("portal"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var queue = scope.ServiceProvider.GetRequiredService<MailQueue>();
            foreach (var s in subjects)
                await queue.EnqueueAsync(db, new MailRequest(new MailRecipient("all@fh.gov.cn", "全体"), s, "正文：" + s, null, "test.race"), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        // Two more senders (as other nodes would run) beside the host's own.
        var others = Enumerable.Range(0, 2).Select(_ => new MailSender(factory.Services.GetRequiredService<IServiceScopeFactory>(),
            factory.Services.GetRequiredService<MailOptions>(), new OutboxSignal(), TimeProvider.System, NullLogger<MailSender>.Instance)).ToList();
        await Task.WhenAll(others.Select(s => Task.Run(() => s.RunOnceAsync(CancellationToken.None))));

        await Eventually.WaitAsync(() => Task.FromResult(Received(factory.Smtp).Count(m => m.Subject.Contains(tag))), n => n >= subjects.Count, "12 封邮件全部到达");
        await using var check = factory.Scope();
        var rows = await check.ServiceProvider.GetRequiredService<CmsDbContext>().OutgoingMail.AsNoTracking().Where(m => m.Kind == "test.race").ToListAsync();
        Assert.All(rows, r => Assert.Equal(OutgoingMailState.Sent, r.State));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        var arrived = Received(factory.Smtp).Where(m => m.Subject.Contains(tag)).Select(m => m.Subject).ToList();
        Assert.Equal(subjects.Order(), arrived.Order());
    }

    [SkippableFact]
    public async Task A_mail_left_claimed_by_a_stopped_node_is_never_sent_twice_but_marked_failed()
    {
        SkipWithoutStore();
        var subject = Unique("中断的邮件");
        long id;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var row = new OutgoingMail
            {
                Kind = MailKinds.ReviewWaiting, ToAddress = "reviewer@fh.gov.cn", ToName = "王审核", Subject = subject, TextBody = "正文",
                State = OutgoingMailState.Sending, Attempts = 1, CreatedUtc = DateTimeOffset.UtcNow.AddHours(-1),
                NextAttemptUtc = DateTimeOffset.UtcNow.AddHours(-1), ClaimedUtc = DateTimeOffset.UtcNow.AddMinutes(-30), ClaimedBy = "node-that-died",
            };
            db.OutgoingMail.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }
        var failed = await Eventually.WaitAsync(() => RowAsync(id), r => r.State == OutgoingMailState.Failed, "中断的邮件被标记为失败");
        Assert.Contains("无法确认是否已送达", failed.LastError);
        Assert.Equal(1, failed.Attempts);
        Assert.DoesNotContain(Received(factory.Smtp), m => m.Subject == subject);
    }

    [SkippableFact]
    public async Task Bad_requests_are_refused_with_the_field_named_and_nothing_queued()
    {
        SkipWithoutStore();
        await using var scope = await factory.SiteScopeAsync("czj");
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<MailQueue>();
        var e = await Assert.ThrowsAsync<ValidationException>(() => queue.EnqueueAsync(db,
            new MailRequest(new MailRecipient("不是地址"), "主题\r\nBcc: x@evil.example", "", null, MailKinds.ReviewWaiting), CancellationToken.None));
        Assert.Contains(e.Errors, x => x.Field == "to.address" && x.Message.Contains("不是地址"));
        Assert.Contains(e.Errors, x => x.Field == "subject");
        Assert.Contains(e.Errors, x => x.Field == "textBody");
        Assert.Empty(db.ChangeTracker.Entries<OutgoingMail>());
    }
}

public sealed class SqliteMailTests(SqliteMailCmsFactory factory) : MailTests(factory), IClassFixture<SqliteMailCmsFactory>;

public sealed class PostgresMailTests(PostgresMailCmsFactory factory) : MailTests(factory), IClassFixture<PostgresMailCmsFactory>;
