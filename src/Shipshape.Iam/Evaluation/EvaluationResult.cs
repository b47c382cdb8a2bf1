using Shipshape.Core.Model;

namespace Shipshape.Iam.Evaluation;

/// <summary>A decision and the statement that made it (null for an implicit deny).</summary>
public sealed record EvaluationResult(Decision Decision, PolicyStatement? Statement)
{
    public bool IsAllowed => Decision == Decision.Allowed;
}
