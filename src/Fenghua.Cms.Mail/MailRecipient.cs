namespace Fenghua.Cms.Mail;

/// <summary>Who a mail goes to: an address and the name shown beside it (may be Chinese).</summary>
public sealed record MailRecipient(string Address, string DisplayName = "");
