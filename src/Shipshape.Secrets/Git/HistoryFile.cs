namespace Shipshape.Secrets.Git;

/// <summary>What a commit introduced into one file: its secrets and card numbers, each seen for the first time.</summary>
public sealed record HistoryFile(string Path, ContentScanResult Content);
