using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest;
using Shipshape.Ingest.Discovery;
using Shipshape.Ingest.Terraform;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Ingest.Terraform;

/// <summary>data "aws_iam_policy_document" rendered into policies, written from the AWS provider documentation's examples.</summary>
public sealed class TerraformPolicyDocumentTests
{
    private static IngestResult Read(TempTree tree)
    {
        var files = FileDiscovery.Discover(new DiscoveryOptions { Roots = [tree.Root] }).Files;
        var reader = new TerraformModuleReader();
        var claimed = files.Where(f => reader.Claims(f.RelativePath, f.Format)).ToImmutableArray();
        return reader.Read(new ModuleReadRequest(claimed), CancellationToken.None).Result;
    }

    private static T Single<T>(IngestResult result, string address) where T : Resource =>
        result.Resources.OfType<T>().Single(r => r.Address == address);

    [Fact]
    public void Read_AssumeRolePolicyFromDataSource_GivesTrustPolicyWithServicePrincipal()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            data "aws_iam_policy_document" "assume" {
              statement {
                actions = ["sts:AssumeRole"]

                principals {
                  type        = "Service"
                  identifiers = ["ecs-tasks.amazonaws.com"]
                }
              }
            }

            resource "aws_iam_role" "task" {
              name               = "task"
              assume_role_policy = data.aws_iam_policy_document.assume.json
            }
            """);

        var role = Single<IamRole>(Read(tree), "aws_iam_role.task");

        var trust = Assert.IsType<PolicyDocument>(role.TrustPolicy);
        Assert.Equal("2012-10-17", trust.Version.Current);
        var statement = Assert.Single(trust.Statements);
        Assert.Equal("Allow", statement.Effect.Current);
        Assert.Equal(["sts:AssumeRole"], statement.Actions.Select(a => a.Current));
        Assert.Equal(["Service:ecs-tasks.amazonaws.com"], statement.Principals.Select(p => p.Current));
        Assert.All(statement.Principals, p => Assert.True(p.IsKnown));
        // The statement points at the data block's statement, not at the role.
        Assert.Equal((2, 9), (statement.Span.StartLine, statement.Span.EndLine));
        Assert.EndsWith("main.tf", statement.Span.Path, StringComparison.Ordinal);
        Assert.Equal(3, statement.Actions[0].Span.StartLine);
    }

    [Fact]
    public void Read_ConditionBlocks_RenderOperatorKeysAndValues()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            data "aws_iam_policy_document" "example" {
              statement {
                sid       = "1"
                actions   = ["s3:ListAllMyBuckets", "s3:GetBucketLocation"]
                resources = ["arn:aws:s3:::*"]
              }

              statement {
                actions   = ["s3:ListBucket"]
                resources = ["arn:aws:s3:::my-bucket"]

                condition {
                  test     = "StringLike"
                  variable = "s3:prefix"
                  values   = ["", "home/", "home/&{aws:username}/"]
                }

                condition {
                  test     = "StringLike"
                  variable = "aws:PrincipalTag/team"
                  values   = ["ops"]
                }

                condition {
                  test     = "Bool"
                  variable = "aws:SecureTransport"
                  values   = ["true"]
                }
              }
            }

            resource "aws_iam_policy" "example" {
              name   = "example_policy"
              path   = "/"
              policy = data.aws_iam_policy_document.example.json
            }
            """);

        var policy = Single<IamPolicy>(Read(tree), "aws_iam_policy.example");

        var document = Assert.IsType<PolicyDocument>(policy.Document);
        Assert.Equal(2, document.Statements.Length);
        Assert.Equal("1", document.Statements[0].Sid.Current);
        Assert.Equal(["s3:ListAllMyBuckets", "s3:GetBucketLocation"], document.Statements[0].Actions.Select(a => a.Current));
        Assert.Empty(document.Statements[0].Conditions);
        var conditions = document.Statements[1].Conditions.OrderBy(c => c.Operator, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("Bool", "aws:SecureTransport"), ("StringLike", "aws:PrincipalTag/team"), ("StringLike", "s3:prefix")],
            conditions.Select(c => (c.Operator, c.Key)));
        Assert.Equal(["", "home/", "home/&{aws:username}/"], conditions[2].Values.Select(v => v.Current));
        Assert.Equal(["true"], conditions[0].Values.Select(v => v.Current));
        Assert.Equal(8, document.Statements[1].Span.StartLine);
    }

    [Fact]
    public void Read_UnknownResourceArn_StaysUnresolvedWhileOtherStatementsAreKnown()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            data "aws_iam_policy_document" "task" {
              statement {
                sid       = "Logs"
                actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
                resources = ["*"]
              }

              statement {
                sid       = "Secrets"
                actions   = ["secretsmanager:GetSecretValue"]
                resources = [aws_secretsmanager_secret.db.arn]
              }
            }

            resource "aws_iam_role_policy" "task" {
              role   = "task"
              policy = data.aws_iam_policy_document.task.json
            }
            """);

        var policy = Single<IamPolicy>(Read(tree), "aws_iam_role_policy.task");

        var document = Assert.IsType<PolicyDocument>(policy.Document);
        Assert.Equal(["Logs", "Secrets"], document.Statements.Select(s => s.Sid.Current));
        var logs = Assert.Single(document.Statements[0].Resources);
        Assert.Equal(("*", true), (logs.Current, logs.IsKnown));
        var secret = Assert.Single(document.Statements[1].Resources);
        Assert.True(secret.IsUnresolved);
        Assert.Equal(["secretsmanager:GetSecretValue"], document.Statements[1].Actions.Select(a => a.Current));
        Assert.All(document.Statements[1].Actions, a => Assert.True(a.IsKnown));
    }

    [Fact]
    public void Read_DynamicStatementsWildcardPrincipalAndDefaults()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            locals {
              readers = {
                pull = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
              }
            }

            data "aws_iam_policy_document" "repo" {
              version = "2012-10-17"

              dynamic "statement" {
                for_each = local.readers
                content {
                  sid     = statement.key
                  effect  = "Allow"
                  actions = statement.value

                  principals {
                    type        = "*"
                    identifiers = ["*"]
                  }
                }
              }

              statement {
                effect      = "Deny"
                not_actions = ["ecr:*"]

                not_principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::123456789012:root"]
                }

                not_principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::210987654321:root"]
                }
              }
            }

            resource "aws_ecr_repository_policy" "repo" {
              repository = "app"
              policy     = data.aws_iam_policy_document.repo.minified_json
            }
            """);

        var policy = Single<EcrRepositoryPolicy>(Read(tree), "aws_ecr_repository_policy.repo");

        var document = Assert.IsType<PolicyDocument>(policy.Policy);
        Assert.Equal(2, document.Statements.Length);
        Assert.Equal("pull", document.Statements[0].Sid.Current);
        Assert.Equal(["*"], document.Statements[0].Principals.Select(p => p.Current));
        Assert.Equal(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], document.Statements[0].Actions.Select(a => a.Current));
        Assert.Equal("Deny", document.Statements[1].Effect.Current);
        Assert.Equal(["ecr:*"], document.Statements[1].NotActions.Select(a => a.Current));
        Assert.Equal(["AWS:arn:aws:iam::123456789012:root", "AWS:arn:aws:iam::210987654321:root"], document.Statements[1].NotPrincipals.Select(p => p.Current));
    }

    [Fact]
    public void Read_SourcePolicyDocuments_AreReportedAndTheOwnStatementsKept()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            data "aws_iam_policy_document" "base" {
              statement {
                actions   = ["kms:*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "key" {
              source_policy_documents = [data.aws_iam_policy_document.base.json]

              statement {
                sid       = "Decrypt"
                actions   = ["kms:Decrypt"]
                resources = ["*"]
              }
            }

            resource "aws_kms_key" "key" {
              policy = data.aws_iam_policy_document.key.json
            }
            """);

        var result = Read(tree);

        var key = Single<KmsKey>(result, "aws_kms_key.key");
        var statement = Assert.Single(Assert.IsType<PolicyDocument>(key.KeyPolicy).Statements);
        Assert.Equal("Decrypt", statement.Sid.Current);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("source_policy_documents", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_JsonencodedPolicyWithUnknownArn_KeepsItsStatements()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            resource "aws_iam_policy" "p" {
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [{
                  Effect   = "Allow"
                  Action   = ["s3:GetObject"]
                  Resource = ["${aws_s3_bucket.b.arn}/*"]
                }]
              })
            }
            """);

        var document = Assert.IsType<PolicyDocument>(Single<IamPolicy>(Read(tree), "aws_iam_policy.p").Document);

        var statement = Assert.Single(document.Statements);
        Assert.Equal(["s3:GetObject"], statement.Actions.Select(a => a.Current));
        Assert.True(Assert.Single(statement.Resources).IsUnresolved);
        Assert.Equal(4, statement.Span.StartLine);
    }
}
