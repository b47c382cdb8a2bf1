namespace Shipshape.Core;

/// <summary>
/// One executable example of a rule, in one source format: a whole file as that format's own tooling accepts it
/// (a task definition <c>aws ecs register-task-definition</c> takes, a configuration <c>terraform validate</c>
/// passes), once written so that the rule reports it and once fixed.
/// </summary>
/// <param name="Source">The source format, one of <see cref="RuleExampleSources.All"/> and of the rule's sources.</param>
/// <param name="Bad">A file the rule reports.</param>
/// <param name="Good">The same file fixed: the rule does not report it.</param>
/// <param name="FileName">The name the file is scanned under; null for the format's usual name.</param>
public sealed record RuleExample(string Source, string Bad, string Good, string? FileName = null)
{
    /// <summary>The name the example is written to when scanned: <see cref="FileName"/> or the format's usual name.</summary>
    public string EffectiveFileName => FileName ?? RuleExampleSources.DefaultFileName(Source, Bad);
}

/// <summary>The source formats rule metadata names, and the file each is usually found in.</summary>
public static class RuleExampleSources
{
    public const string CloudFormation = "cloudformation";
    public const string Terraform = "terraform";
    public const string EcsTaskDefinition = "ecs-task-definition";
    public const string Kubernetes = "kubernetes";
    public const string Compose = "compose";
    public const string Dockerfile = "dockerfile";
    public const string IamJson = "iam-json";
    public const string AnyTextFile = "any-text-file";
    public const string GitHistory = "git-history";
    public const string ContainerImage = "container-image";
    public const string ImageScanFindings = "image-scan-findings";

    /// <summary>Every source a rule may name.</summary>
    public static readonly IReadOnlyList<string> All =
        [CloudFormation, Terraform, EcsTaskDefinition, Kubernetes, Compose, Dockerfile, IamJson, AnyTextFile, GitHistory, ContainerImage, ImageScanFindings];

    /// <summary>
    /// Sources a single text file cannot show (history needs commits, an image is a binary archive): their examples are
    /// optional; image rules are tested on images built in the tests.
    /// </summary>
    public static bool NeedsExample(string source) => !string.Equals(source, GitHistory, StringComparison.Ordinal) && !string.Equals(source, ContainerImage, StringComparison.Ordinal);

    /// <summary>The usual file name for an example of <paramref name="source"/> whose text is <paramref name="text"/>.</summary>
    public static string DefaultFileName(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var json = text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[');
        return source switch
        {
            CloudFormation => json ? "template.json" : "template.yaml",
            Terraform => json ? "main.tf.json" : "main.tf",
            EcsTaskDefinition => json ? "task-definition.json" : "task-definition.yaml",
            Kubernetes => json ? "manifest.json" : "manifest.yaml",
            Compose => "compose.yaml",
            Dockerfile => "Dockerfile",
            IamJson => "policy.json",
            ImageScanFindings => "image-scan-findings.json",
            _ => "example.txt",
        };
    }
}
