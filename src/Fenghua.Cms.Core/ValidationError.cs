namespace Fenghua.Cms.Core;

/// <summary>A broken rule: the field (as a path, e.g. parts.GovDocument.documentNumber) and a message for people.</summary>
public sealed record ValidationError(string Field, string Message);

/// <summary>Thrown when input breaks rules; carries every error so a form can show them all.</summary>
public sealed class ValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join("；", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
