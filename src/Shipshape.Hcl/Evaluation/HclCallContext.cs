using Shipshape.Core;

namespace Shipshape.Hcl.Evaluation;

/// <summary>What a function call can use besides its arguments: the evaluator (templatefile), the scope's files, the call's span.</summary>
public sealed record HclCallContext(HclEvaluator Evaluator, IHclScope Scope, SourceSpan Span);
