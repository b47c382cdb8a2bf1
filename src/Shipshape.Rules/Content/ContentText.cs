using System.Globalization;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Secrets;
using Shipshape.Secrets.Cards;
using Shipshape.Secrets.Detection;

namespace Shipshape.Rules.Content;

/// <summary>Shared wording and hit construction for content rules; messages carry only redacted or masked values.</summary>
internal static class ContentText
{
    public static RuleHit SecretHit(SourceFile file, ContentScanResult content, SecretHit hit, string what)
    {
        var decoded = hit.DecodedFrom.IsEmpty ? string.Empty : $", {string.Join("-then-", hit.DecodedFrom)}-encoded";
        var message = $"{what} ({hit.RuleId}: {hit.Description}{decoded}): {hit.Redacted}{CommitNote(content.Commit)}{Note(content)}.";
        var span = hit.Line > 0 ? new SourceSpan(file.Address, hit.Line, hit.Column, hit.EndLine, hit.EndColumn) : SourceSpan.FileOnly(file.Address);
        return new RuleHit(file, span, null, message, $"{hit.RuleId}:{hit.SecretHash}") { AllowedBy = hit.AllowedByComment ? SecretEngine.AllowComment : null };
    }

    public static RuleHit CardHit(SourceFile file, ContentScanResult content, CardHit hit, string what)
    {
        var confidence = hit.Confidence == CardConfidence.High ? "card context nearby" : "no card context nearby";
        var message = $"{what}: {Issuer(hit.Issuer)} {hit.Masked} ({confidence}){CommitNote(content.Commit)}{Note(content)}.";
        return new RuleHit(file, new SourceSpan(file.Address, hit.Line, hit.Column, hit.Line, hit.EndColumn), null, message, $"pan:{hit.NumberHash}") { AllowedBy = hit.AllowedByComment ? SecretEngine.AllowComment : null };
    }

    private static string CommitNote(GitCommitInfo? commit) => commit is null
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"; first committed in {commit.ShortId} by {commit.Author} <{commit.AuthorEmail}> on {commit.Date:yyyy-MM-dd}");

    private static string Note(ContentScanResult content) => content.Note is null ? string.Empty : "; " + content.Note;

    private static string Issuer(CardIssuer issuer) => issuer switch
    {
        CardIssuer.AmericanExpress => "American Express",
        CardIssuer.Jcb => "JCB",
        CardIssuer.DinersClub => "Diners Club",
        _ => issuer.ToString(),
    };
}
