namespace Fenghua.Cms.Editorial.Checks;

/// <summary>
/// One finding of the pre-publication checks (公开前审查): what, where (field, line, column, offset in that
/// field's text), and whether it blocks publishing.
/// </summary>
public sealed record CheckFinding(string Kind, string Field, int Offset, int Length, int Line, int Column, string Text, string Message, CheckSeverity Severity)
{
    public bool IsPersonalData => Kind is CheckKinds.ResidentId or CheckKinds.Mobile or CheckKinds.BankCard or CheckKinds.Email;
}

public enum CheckSeverity
{
    /// <summary>Shown, does not stop anything (links, alt text).</summary>
    Warning,
    /// <summary>Stops publishing until fixed or overridden by a reviewer with a reason (personal data, sensitive words).</summary>
    Blocking,
    /// <summary>Must be fixed by the author: stops submit and publish (required metadata).</summary>
    Required,
}

public static class CheckKinds
{
    public const string ResidentId = "resident-id";
    public const string Mobile = "mobile";
    public const string BankCard = "bank-card";
    public const string Email = "email";
    public const string SensitiveWord = "sensitive-word";
    public const string Metadata = "metadata";
    public const string Link = "link";
    public const string ImageAlt = "image-alt";
    public const string Backdate = "backdate";
}
