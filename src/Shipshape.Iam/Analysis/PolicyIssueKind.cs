namespace Shipshape.Iam.Analysis;

/// <summary>What <see cref="PolicyValidator"/> found.</summary>
public enum PolicyIssueKind
{
    /// <summary>An action, or an action pattern, that no action of the catalogue matches.</summary>
    UnknownAction,
    /// <summary>The document breaks the policy grammar (effect, elements, operators, version).</summary>
    Malformed,
}
