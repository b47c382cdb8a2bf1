namespace Shipshape.Secrets.Git;

/// <summary>The bounds on what a repository's files can make the reader do; each one reached becomes a diagnostic.</summary>
internal static class GitLimits
{
    /// <summary>Commits, trees and tags larger than this are not real (the largest real trees are a few MiB).</summary>
    public const long MaxStructureBytes = 64L * 1024 * 1024;

    /// <summary>git packs with chains of 50 by default and never deeper than 4095; a longer chain is hostile.</summary>
    public const int MaxDeltaChain = 10_000;

    /// <summary>git follows at most 5 symbolic refs (SYMREF_MAXDEPTH); a longer chain is a loop or hostile.</summary>
    public const int MaxSymbolicRefHops = 5;

    /// <summary>Tags of tags: git peels without limit, but real chains are one or two deep.</summary>
    public const int MaxTagChain = 10;

    /// <summary>git's core.maxTreeDepth default: deeper trees cannot be checked out.</summary>
    public const int MaxTreeDepth = 4096;

    /// <summary>Tree entries one commit's diff may visit: the largest monorepos have a few million files; more is a tree bomb (shared subtrees).</summary>
    public const int MaxTreeEntriesPerCommit = 5_000_000;

    /// <summary>Tree entries a whole history scan may visit, so time stays bounded however many commits share bombs.</summary>
    public const long MaxTreeEntriesTotal = 100_000_000;

    /// <summary>The commit graph is held in memory (a few hundred bytes per commit): this keeps it under ~500 MiB.</summary>
    public const int MaxCommits = 1_000_000;

    /// <summary>A loose ref, HEAD, a .git file or commondir holds one line.</summary>
    public const int MaxRefFileBytes = 4096;

    /// <summary>packed-refs of repositories with a million refs is ~100 MiB; read line by line, so this only bounds time.</summary>
    public const long MaxPackedRefsBytes = 256L * 1024 * 1024;

    /// <summary>config, objects/info/alternates and shallow are small text files (1 MiB is 25,000 shallow boundaries).</summary>
    public const int MaxConfigBytes = 1024 * 1024;

    /// <summary>A pack index is read into memory: 28 bytes per object, so this is ~9 million objects.</summary>
    public const long MaxPackIndexBytes = 256L * 1024 * 1024;

    /// <summary>git follows alternates of alternates to depth 5.</summary>
    public const int MaxAlternatesDepth = 5;

    /// <summary>Parsed commits and trees kept in memory, so a tree shared by many commits is inflated once.</summary>
    public const long ObjectCacheBytes = 64L * 1024 * 1024;

    /// <summary>Inflated delta bases kept in memory, so reading along a delta chain stays linear.</summary>
    public const long DeltaBaseCacheBytes = 32L * 1024 * 1024;

    /// <summary>File versions scanned in parallel at a time: bounds the memory of the pending list.</summary>
    public const int ScanBatch = 4096;

    /// <summary>Problems reported one by one; the rest are counted in one more diagnostic, so a corrupt repository cannot flood the report.</summary>
    public const int MaxReportedProblems = 100;
}
