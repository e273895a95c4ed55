namespace Fenghua.Cms.Search.Hosting;

/// <summary>The node's index is not open: another process holds its write lock, or the host is starting or stopping.</summary>
public sealed class SearchIndexUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
