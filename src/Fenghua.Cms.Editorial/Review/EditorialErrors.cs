using Fenghua.Cms.Editorial.Checks;

namespace Fenghua.Cms.Editorial.Review;

/// <summary>The user may not do this on the resource's site (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>No such resource, or not visible to the user (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Checks that stop the move (submit or publish), each with its field and position.</summary>
public sealed class ChecksBlockedException(string message, IReadOnlyList<CheckFinding> findings) : Exception(message)
{
    public IReadOnlyList<CheckFinding> Findings { get; } = findings;
}
