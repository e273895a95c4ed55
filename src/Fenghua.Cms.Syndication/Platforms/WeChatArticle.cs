namespace Fenghua.Cms.Syndication.Platforms;

/// <summary>One news article for cgi-bin/draft/add.</summary>
public sealed record WeChatArticle(string Title, string Author, string Digest, string Content, string ContentSourceUrl, string ThumbMediaId);

/// <summary>What freepublish/get says about a publication.</summary>
public sealed record WeChatPublishStatus(int Status, string? ArticleId, string? ArticleUrl, string? Message);
