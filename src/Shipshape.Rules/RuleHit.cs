using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Rules;

/// <summary>
/// What a rule reports before the engine adds metadata, suppressions and fingerprints.
/// <paramref name="FingerprintKey"/> distinguishes several hits on one property (for secrets: a hash of the value).
/// </summary>
public sealed record RuleHit(Resource Resource, SourceSpan Location, string? PropertyPath, string Message, string? FingerprintKey = null);
