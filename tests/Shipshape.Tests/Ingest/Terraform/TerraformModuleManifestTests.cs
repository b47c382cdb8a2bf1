using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Ingest;
using Shipshape.Ingest.Discovery;
using Shipshape.Ingest.Terraform;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Ingest.Terraform;

/// <summary>
/// Registry and Git modules that terraform init installed, found through .terraform/modules/modules.json (Modules[]
/// Key, Source, Dir, as the Terraform CLI writes it), evaluated like local modules and confined to the scanned root.
/// </summary>
public sealed class TerraformModuleManifestTests
{
    private const string Caller = """
        module "logs" {
          source  = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
          version = "5.0.0"
          name    = "/ecs/app"
        }
        """;

    private const string Installed = """
        variable "name" {
          type = string
        }

        resource "aws_cloudwatch_log_group" "this" {
          name              = var.name
          retention_in_days = 30

          dynamic "nested" {
            for_each = []
            content {}
          }
        }

        module "inner" {
          source = "git::https://example.com/inner.git"
        }
        """;

    private const string Inner = """
        resource "aws_cloudwatch_log_group" "inner" {
          retention_in_days = 7
        }
        """;

    private static IngestResult Read(TempTree tree)
    {
        // Paths under the temporary root, as a scan of "." inside it would report them.
        var files = FileDiscovery.Discover(new DiscoveryOptions { Roots = [tree.Root] }).Files.Select(f => f with { DisplayRoot = string.Empty }).ToImmutableArray();
        var reader = new TerraformModuleReader();
        var claimed = files.Where(f => reader.Claims(f.RelativePath, f.Format)).ToImmutableArray();
        return reader.Read(new ModuleReadRequest(claimed), CancellationToken.None).Result;
    }

    private static void Manifest(TempTree tree, string logsDir) =>
        tree.Write(".terraform/modules/modules.json", $$"""
            {"Modules":[
              {"Key":"","Source":"","Dir":"."},
              {"Key":"logs","Source":"registry.terraform.io/terraform-aws-modules/cloudwatch/aws//modules/log-group","Version":"5.0.0","Dir":"{{logsDir}}"},
              {"Key":"logs.inner","Source":"git::https://example.com/inner.git","Dir":".terraform/modules/logs.inner"}
            ]}
            """);

    [Fact]
    public void Read_InstalledRegistryModule_EvaluatedWithCallerInputsAndNestedKeys()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", Caller);
        tree.Write(".terraform/modules/logs/modules/log-group/main.tf", Installed);
        tree.Write(".terraform/modules/logs.inner/main.tf", Inner);
        Manifest(tree, ".terraform/modules/logs/modules/log-group");

        var result = Read(tree);

        var groups = result.Resources.OfType<LogGroup>().OrderBy(g => g.Address, StringComparer.Ordinal).ToList();
        Assert.Equal(["module.logs.aws_cloudwatch_log_group.this", "module.logs.module.inner.aws_cloudwatch_log_group.inner"], groups.Select(g => g.Address));
        Assert.Equal(("/ecs/app", 30), (groups[0].Name.Current, groups[0].RetentionInDays.Current));
        Assert.Equal(".terraform/modules/logs/modules/log-group/main.tf", groups[0].Span.Path);
        // Installed modules are evaluated through their caller only, never as roots of their own.
        Assert.DoesNotContain(result.Resources, r => r.Address.StartsWith("aws_cloudwatch_log_group", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("not fetched", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NoManifest_OneNotePerRemoteModule()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", Caller);

        var result = Read(tree);

        Assert.Empty(result.Resources.OfType<LogGroup>());
        var note = Assert.Single(result.Diagnostics, d => d.Message.Contains("not fetched", StringComparison.Ordinal));
        Assert.Contains("module 'logs'", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManifestPointingOutsideTheRoot_NotFollowed()
    {
        using var outside = new TempTree();
        outside.Write("main.tf", Installed);
        using var tree = new TempTree();
        tree.Write("main.tf", Caller);
        Manifest(tree, Path.GetRelativePath(tree.Root, outside.Root));

        var result = Read(tree);

        Assert.Empty(result.Resources.OfType<LogGroup>());
        Assert.Single(result.Diagnostics, d => d.Message.Contains("module 'logs'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MalformedManifest_TreatedAsAbsent()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", Caller);
        tree.Write(".terraform/modules/modules.json", "{\"Modules\": [ {\"Key\": ");

        var result = Read(tree);

        Assert.Single(result.Diagnostics, d => d.Message.Contains("not fetched", StringComparison.Ordinal));
    }
}
