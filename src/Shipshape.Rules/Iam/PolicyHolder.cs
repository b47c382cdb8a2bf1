using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>A policy document and the resource that holds it (a role's inline policy, a managed policy, a trust policy).</summary>
internal sealed record PolicyHolder(Resource Owner, PolicyDocument Document, PolicyKind Kind);
