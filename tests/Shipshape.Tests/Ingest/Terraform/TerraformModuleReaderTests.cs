using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Engine;
using Shipshape.Ingest;
using Shipshape.Ingest.Discovery;
using Shipshape.Ingest.Terraform;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Ingest.Terraform;

/// <summary>Terraform modules evaluated into task definitions, written from the Terraform language documentation.</summary>
public sealed class TerraformModuleReaderTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private const string Containers = """
        container_definitions = jsonencode([{
            name  = "app"
            image = "public.ecr.aws/nginx/nginx:1.27"
          }])
        """;

    private static IngestResult Read(TempTree tree, ImmutableArray<string> variableFiles = default, ImmutableArray<string> variables = default)
    {
        // Paths under the temporary root, as a scan of "." inside it would report them.
        var files = FileDiscovery.Discover(new DiscoveryOptions { Roots = [tree.Root] }).Files.Select(f => f with { DisplayRoot = string.Empty }).ToImmutableArray();
        var reader = new TerraformModuleReader();
        var claimed = files.Where(f => reader.Claims(f.RelativePath, f.Format)).ToImmutableArray();
        return reader.Read(new ModuleReadRequest(claimed)
        {
            VariableFiles = variableFiles.IsDefault ? [] : variableFiles,
            Variables = variables.IsDefault ? [] : variables,
        }, CancellationToken.None).Result;
    }

    private static ImmutableArray<TaskDefinition> Tasks(IngestResult result) =>
        [.. result.Resources.OfType<TaskDefinition>().OrderBy(t => t.Address, StringComparer.Ordinal)];

    [Fact]
    public void Read_CountAndForEach_AddressesAsTerraformWritesThem()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", $$"""
            resource "aws_ecs_task_definition" "counted" {
              count  = 2
              family = "c${count.index}"
              {{Containers}}
            }
            resource "aws_ecs_task_definition" "keyed" {
              for_each = toset(["api", "worker"])
              family   = each.key
              {{Containers}}
            }
            resource "aws_ecs_task_definition" "off" {
              count  = 0
              family = "never"
              {{Containers}}
            }
            """);

        var tasks = Tasks(Read(tree));

        Assert.Equal(
            ["aws_ecs_task_definition.counted[0]", "aws_ecs_task_definition.counted[1]", "aws_ecs_task_definition.keyed[\"api\"]", "aws_ecs_task_definition.keyed[\"worker\"]"],
            tasks.Select(t => t.Address));
        Assert.Equal(["c0", "c1", "api", "worker"], tasks.Select(t => t.Family.Current));
        Assert.All(tasks, t => Assert.Equal(("aws_ecs_task_definition", "terraform"), (t.Kind, t.SourceFormat)));
    }

    [Fact]
    public void Read_LocalModule_PrefixesAddressesAndPassesInputs()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            locals { mode = "host" }
            module "web" {
              source       = "./modules/task"
              network_mode = local.mode
            }
            module "registry" {
              source  = "terraform-aws-modules/ecs/aws"
              version = "~> 5.0"
            }
            """);
        tree.Write("modules/task/main.tf", $$"""
            variable "network_mode" { default = "awsvpc" }
            resource "aws_ecs_task_definition" "this" {
              family       = "web"
              network_mode = var.network_mode
              {{Containers}}
            }
            """);

        var result = Read(tree);

        var task = Assert.Single(Tasks(result));
        Assert.Equal("module.web.aws_ecs_task_definition.this", task.Address);
        Assert.Equal(("host", ValueOrigin.Explicit), (task.NetworkMode.Current, task.NetworkMode.Origin));
        Assert.Equal(("modules/task/main.tf", 4), (task.NetworkMode.Span.Path, task.NetworkMode.Span.StartLine));
        var note = Assert.Single(result.Diagnostics, d => d.Message.Contains("registry", StringComparison.Ordinal));
        Assert.Equal((DiagnosticSeverity.Info, "main.tf", 6), (note.Severity, note.Location.Path, note.Location.StartLine));
    }

    [Fact]
    public void Read_VariableSources_FollowTerraformPrecedence()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", $$"""
            variable "a" { default = "default" }
            variable "b" { default = "default" }
            variable "c" { default = "default" }
            variable "d" { default = "default" }
            resource "aws_ecs_task_definition" "t" {
              family   = join("-", [var.a, var.b, var.c, var.d])
              {{Containers}}
            }
            """);
        tree.Write("terraform.tfvars", "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\n");
        tree.Write("x.auto.tfvars.json", """{"b": "auto", "c": "auto"}""");
        var extra = tree.Write("../" + Path.GetFileName(tree.Root) + "-extra.tfvars", "c = \"file\"\n");

        var task = Assert.Single(Tasks(Read(tree, [extra], ["d=option"])));

        Assert.Equal("tfvars-auto-file-option", task.Family.Current);
        File.Delete(extra);
    }

    [Fact]
    public void Read_UnknownValues_StayUnresolvedAndLinked()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            variable "image" {}
            resource "aws_iam_role" "task" { name = "task" }
            resource "aws_ecs_task_definition" "t" {
              family             = "t"
              task_role_arn      = aws_iam_role.task.arn
              execution_role_arn = aws_iam_role.task.arn
              container_definitions = jsonencode([{ name = "app", image = var.image }])
            }
            """);

        var task = Assert.Single(Tasks(Read(tree)));

        Assert.True(task.TaskRoleArn.IsUnresolved);
        Assert.Equal(5, task.TaskRoleArn.Span.StartLine);
        var image = Assert.Single(task.Containers).Image;
        Assert.Equal((ValueOrigin.Unresolved, 7), (image.Origin, image.Span.StartLine));
        Assert.Equal(("aws_iam_role.task", "aws_iam_role.task"), (task.TaskRoleArn.Reference, task.ExecutionRoleArn.Reference));
        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], OnlyRules = ["SHP-IAM-001", "SHP-IAM-002", "SHP-CTR-006", "SHP-CTR-008"] }).RelativeTo(tree.Root);
        // Unknown images give no finding; both roles link to the same role, which is known before apply.
        Assert.Equal(("SHP-IAM-002", 5), (Assert.Single(report.Findings).RuleId, report.Findings[0].Location.StartLine));
    }

    [Fact]
    public void Read_ContainerDefinitionsFromFileAndHeredoc_PointAtTheirLines()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            resource "aws_ecs_task_definition" "from_file" {
              family                = "f"
              container_definitions = file("${path.module}/containers.json")
            }
            resource "aws_ecs_task_definition" "from_heredoc" {
              family                = "h"
              container_definitions = <<-EOT
                [
                  {"name": "web", "image": "nginx", "privileged": true}
                ]
              EOT
            }
            resource "aws_ecs_task_definition" "outside" {
              family                = "o"
              container_definitions = file("../../etc/passwd")
            }
            """);
        tree.Write("containers.json", "[\n  {\n    \"name\": \"api\",\n    \"privileged\": true\n  }\n]\n");

        var result = Read(tree);
        var tasks = Tasks(result);

        var fromFile = tasks.Single(t => t.Address == "aws_ecs_task_definition.from_file").Containers.Single().Privileged;
        Assert.Equal((true, "containers.json", 4), (fromFile.Current, fromFile.Span.Path, fromFile.Span.StartLine));
        var fromHeredoc = tasks.Single(t => t.Address == "aws_ecs_task_definition.from_heredoc").Containers.Single().Privileged;
        Assert.Equal((true, "main.tf", 9), (fromHeredoc.Current, fromHeredoc.Span.Path, fromHeredoc.Span.StartLine));
        Assert.Empty(tasks.Single(t => t.Address == "aws_ecs_task_definition.outside").Containers);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.StartsWith("aws_ecs_task_definition.outside: container_definitions cannot be resolved", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TemplateFileAndDynamicVolume_AreEvaluated()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            locals {
              volumes = { data = "fs-123" }
            }
            resource "aws_ecs_task_definition" "t" {
              family                = "t"
              container_definitions = templatefile("${path.module}/containers.tpl", { image = "nginx:1.27", user = "root" })
              dynamic "volume" {
                for_each = local.volumes
                content {
                  name = volume.key
                  efs_volume_configuration {
                    file_system_id     = volume.value
                    transit_encryption = "ENABLED"
                    authorization_config {
                      iam = "ENABLED"
                    }
                  }
                }
              }
            }
            """);
        tree.Write("containers.tpl", """
            [%{ for n in ["a", "b"] }%{ if n != "a" },%{ endif }{"name": "${n}", "image": "${image}", "user": "${user}"}%{ endfor }]
            """);

        var task = Assert.Single(Tasks(Read(tree)));

        Assert.Equal(["a", "b"], task.Containers.Select(c => c.Name.Current));
        Assert.All(task.Containers, c => Assert.Equal("root", c.User.Current));
        var volume = Assert.Single(task.Volumes);
        Assert.Equal(("data", "fs-123", true, true), (volume.Name.Current, volume.Efs!.FileSystemId.Current, volume.Efs.TransitEncryption.Current, volume.Efs.IamAuthorization.Current));
        Assert.Equal("volume[data].efs_volume_configuration.transit_encryption", volume.Efs.TransitEncryption.Path);
    }

    [Fact]
    public void Read_JsonSyntax_ReadsTheSameResource()
    {
        using var tree = new TempTree();
        tree.Write("main.tf.json", """
            {
              "variable": { "mode": { "default": "host" } },
              "resource": {
                "aws_ecs_task_definition": {
                  "app": {
                    "family": "json",
                    "network_mode": "${var.mode}",
                    "container_definitions": "[{\"name\": \"web\", \"image\": \"nginx\"}]"
                  }
                }
              }
            }
            """);

        var task = Assert.Single(Tasks(Read(tree)));

        Assert.Equal(("aws_ecs_task_definition.app", "host", 7), (task.Address, task.NetworkMode.Current, task.NetworkMode.Span.StartLine));
        Assert.Equal("web", Assert.Single(task.Containers).Name.Current);
    }

    [Fact]
    public void Read_SyntaxErrorInOneBlock_ReportsItAndLoadsTheRest()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", $$"""
            resource "aws_ecs_task_definition" "broken" {
              family = "b" +
            }

            resource "aws_ecs_task_definition" "fine" {
              family = "f"
              {{Containers}}
            }
            """);

        var result = Read(tree);

        Assert.Equal("aws_ecs_task_definition.fine", Assert.Single(Tasks(result)).Address);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("main.tf", 3), (error.Location.Path, error.Location.StartLine));
    }

    [Fact]
    public void Scan_InlineSuppressionComment_SuppressesTheTerraformFinding()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            resource "aws_ecs_task_definition" "t" {
              family       = "t"
              # shipshape:ignore SHP-NET-001 the agent needs the host network (OPS-7)
              network_mode = "host"
              container_definitions = jsonencode([{ name = "app", image = "nginx", privileged = true }])
            }
            """);

        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], OnlyRules = ["SHP-NET-001", "SHP-CTR-001"] }).RelativeTo(tree.Root);

        Assert.Equal(
            [("SHP-NET-001", 4, true, "aws_ecs_task_definition.t"), ("SHP-CTR-001", 5, false, "aws_ecs_task_definition.t")],
            report.Findings.Select(f => (f.RuleId, f.Location.StartLine, f.Suppression is not null, f.Resource.Address)));
        Assert.Equal("the agent needs the host network (OPS-7)", report.Findings[0].Suppression!.Reason);
    }

    [Fact]
    public void Read_HostileModules_TerminateWithDiagnostics()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", """
            module "self" { source = "./" }
            module "loop" { source = "./a" }
            locals {
              x = local.y
              y = local.x
            }
            resource "aws_ecs_task_definition" "t" {
              count  = 100000000
              family = local.x
              container_definitions = jsonencode([])
            }
            """);
        tree.Write("a/main.tf", "module \"back\" { source = \"../a\" }\n");

        var result = Read(tree);

        Assert.Equal(1000, Tasks(result).Length);
        Assert.True(Tasks(result)[0].Family.IsUnresolved);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("module 'self'", StringComparison.Ordinal) && d.Message.Contains("a cycle", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("module 'back'", StringComparison.Ordinal) && d.Message.Contains("a cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_CountsMultipliedThroughNestedModules_EndWithinTheBudget()
    {
        using var tree = new TempTree();
        tree.Write("main.tf", "module \"a\" {\n  count  = 1000\n  source = \"./a\"\n}\n");
        tree.Write("a/main.tf", "module \"b\" {\n  count  = 1000\n  source = \"./b\"\n}\n");
        tree.Write("a/b/main.tf", "module \"c\" {\n  count  = 1000\n  source = \"./c\"\n}\n");
        tree.Write("a/b/c/main.tf", "resource \"aws_ecs_task_definition\" \"t\" {\n  count  = 1000\n  family = \"f${count.index}\"\n  container_definitions = jsonencode([])\n}\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = Read(tree);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.NotEmpty(Tasks(result));
        Assert.Single(result.Diagnostics, d => d.Message.StartsWith("more than 20000 resource and module instances", StringComparison.Ordinal));
    }
}
