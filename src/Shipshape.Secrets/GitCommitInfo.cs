namespace Shipshape.Secrets;

/// <summary>The commit a secret first appeared in: full ID, author and author date.</summary>
public sealed record GitCommitInfo(string Id, string Author, string AuthorEmail, DateTimeOffset Date)
{
    public string ShortId => Id[..Math.Min(12, Id.Length)];
}
