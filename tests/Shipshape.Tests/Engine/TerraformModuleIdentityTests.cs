using System.Text.Json;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Engine.Baselines;
using Shipshape.Reporting;
using Shipshape.Rules;
using Shipshape.Tests.Reporting;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>
/// A resource of a called Terraform module is one resource per caller: located in the module's file, identified
/// by the module call chain and the root module's directory. The configuration is laid out as the Terraform
/// documentation's "Module Blocks" and "Module Composition" pages describe: environments as root modules calling a
/// service module by a relative source, which calls a task module in turn.
/// </summary>
public sealed class TerraformModuleIdentityTests : IDisposable
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private readonly TempTree _tree = new();

    private const string TaskModule = """
        variable "family" {
          description = "Task definition family"
          type        = string
        }

        variable "image" {
          type = string
        }

        resource "aws_ecs_task_definition" "app" {
          family                   = var.family
          requires_compatibilities = ["EC2"]
          network_mode             = "awsvpc"
          cpu                      = "256"
          memory                   = "512"

          container_definitions = jsonencode([
            {
              name       = "app"
              image      = var.image
              essential  = true
              privileged = true
            }
          ])
        }
        """;

    // The privileged line of TaskModule.
    private const int PrivilegedLine = 22;

    private const string ServiceModule = """
        variable "name" {
          type = string
        }

        module "tasks" {
          source = "../ecs-task"

          family = var.name
          image  = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/${var.name}:1.4.2"
        }
        """;

    private static string Environment(string environment) => $$"""
        terraform {
          required_version = ">= 1.5"
        }

        module "api" {
          source = "../../modules/ecs-service"

          name = "{{environment}}-api"
        }

        module "worker" {
          source = "../../modules/ecs-service"

          name = "{{environment}}-worker"
        }
        """;

    public TerraformModuleIdentityTests()
    {
        _tree.Write("modules/ecs-task/main.tf", TaskModule);
        _tree.Write("modules/ecs-service/main.tf", ServiceModule);
    }

    public void Dispose() => _tree.Dispose();

    private ScanReport Scan(ScanOptions? options = null) =>
        new Scanner(Catalog).Scan((options ?? new ScanOptions()) with { Paths = [_tree.Root], OnlyRules = ["SHP-CTR-001"] }).RelativeTo(_tree.Root);

    private static Finding Only(ScanReport report, string root, string address) =>
        Assert.Single(report.Findings, f => f.Resource.Module?.RootDirectory == root && f.Resource.Address == address);

    [Fact]
    public void Scan_ModuleCalledTwice_OneFindingPerCallerAtTheModuleLine()
    {
        _tree.Write("envs/prod/main.tf", Environment("prod"));

        var report = Scan();

        Assert.Equal(
            [
                ("modules/ecs-task/main.tf", PrivilegedLine, "module.api.module.tasks.aws_ecs_task_definition.app", "envs/prod", "module.api.module.tasks"),
                ("modules/ecs-task/main.tf", PrivilegedLine, "module.worker.module.tasks.aws_ecs_task_definition.app", "envs/prod", "module.worker.module.tasks"),
            ],
            report.Findings.Select(f => (f.Location.Path, f.Location.StartLine, f.Resource.Address, f.Resource.Module!.RootDirectory, f.Resource.Module.Address)));
        Assert.NotEqual(report.Findings[0].Fingerprint, report.Findings[1].Fingerprint);
        Assert.Contains("'prod-api'", report.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("'prod-worker'", report.Findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ModuleCall_CarriesEveryLevelOfTheChainWithItsCallerLine()
    {
        _tree.Write("envs/prod/main.tf", Environment("prod"));

        var worker = Only(Scan(), "envs/prod", "module.worker.module.tasks.aws_ecs_task_definition.app");

        Assert.Equal(
            [("module.worker", "envs/prod/main.tf", 11), ("module.worker.module.tasks", "modules/ecs-service/main.tf", 5)],
            worker.Resource.Module!.Calls.Select(c => (c.Address, c.Call!.Path, c.Call.StartLine)));
    }

    [Fact]
    public void Scan_TwoRootModulesCallingTheSameModuleByTheSameName_DistinctFingerprints()
    {
        _tree.Write("envs/prod/main.tf", Environment("prod"));
        _tree.Write("envs/staging/main.tf", Environment("staging"));

        var report = Scan();

        const string Api = "module.api.module.tasks.aws_ecs_task_definition.app";
        var prod = Only(report, "envs/prod", Api);
        var staging = Only(report, "envs/staging", Api);
        Assert.Equal(4, report.Findings.Length);
        Assert.Equal(4, report.Findings.Select(f => f.Fingerprint).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((prod.Location.Path, prod.Location.StartLine), (staging.Location.Path, staging.Location.StartLine));
        Assert.NotEqual(prod.Fingerprint, staging.Fingerprint);
        Assert.Contains("'staging-api'", staging.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_BaselineOfOneCaller_DoesNotHideTheOthers()
    {
        _tree.Write("envs/prod/main.tf", Environment("prod"));
        _tree.Write("envs/staging/main.tf", Environment("staging"));
        var first = Scan();
        var accepted = Only(first, "envs/prod", "module.api.module.tasks.aws_ecs_task_definition.app");
        var baselinePath = Path.Combine(Path.GetTempPath(), $"baseline-{Guid.NewGuid():N}.json");
        using (var file = File.Create(baselinePath))
        {
            Baseline.Write(first with { Findings = [accepted] }, file);
        }

        using (var written = JsonDocument.Parse(File.ReadAllBytes(baselinePath)))
        {
            var entry = written.RootElement.GetProperty("findings")[0];
            Assert.Equal((accepted.Fingerprint, "envs/prod"), (entry.GetProperty("fingerprint").GetString(), entry.GetProperty("rootModule").GetString()));
        }

        // Lines move in the module and the callers: the baselined caller stays baselined, and only it.
        _tree.Write("modules/ecs-task/main.tf", "# Task definition of one ECS service.\n\n" + TaskModule);
        _tree.Write("envs/prod/main.tf", "\n" + Environment("prod"));
        var report = Scan(new ScanOptions { BaselinePath = baselinePath });
        File.Delete(baselinePath);

        Assert.Equal(
            [
                ("envs/prod", "module.api.module.tasks.aws_ecs_task_definition.app", (SuppressionKind?)SuppressionKind.Baseline),
                ("envs/staging", "module.api.module.tasks.aws_ecs_task_definition.app", null),
                ("envs/prod", "module.worker.module.tasks.aws_ecs_task_definition.app", null),
                ("envs/staging", "module.worker.module.tasks.aws_ecs_task_definition.app", null),
            ],
            report.Findings.Select(f => (f.Resource.Module!.RootDirectory, f.Resource.Address, f.Suppression?.Kind)));
        Assert.All(report.Findings, f => Assert.Equal(PrivilegedLine + 2, f.Location.StartLine));
        Assert.Equal(3, report.Summary.Findings);
    }

    [Fact]
    public void Scan_ConfiguredIgnores_ByFingerprintOneCallerByAddressEveryRootModule()
    {
        _tree.Write("envs/prod/main.tf", Environment("prod"));
        _tree.Write("envs/staging/main.tf", Environment("staging"));
        var staging = Only(Scan(), "envs/staging", "module.worker.module.tasks.aws_ecs_task_definition.app").Fingerprint;
        _tree.Write(".shipshape.yaml", $$"""
            ignore:
              - rule: SHP-CTR-001
                fingerprint: {{staging}}
                reason: staging workers load a kernel module (OPS-12)
              - rule: SHP-CTR-001
                resource: module.api.module.tasks.aws_ecs_task_definition.app
                reason: every api task (OPS-13)
            """);

        var report = Scan();

        Assert.Equal(
            [
                ("envs/prod", "module.api.module.tasks.aws_ecs_task_definition.app", "every api task (OPS-13)"),
                ("envs/staging", "module.api.module.tasks.aws_ecs_task_definition.app", "every api task (OPS-13)"),
                ("envs/prod", "module.worker.module.tasks.aws_ecs_task_definition.app", null),
                ("envs/staging", "module.worker.module.tasks.aws_ecs_task_definition.app", "staging workers load a kernel module (OPS-12)"),
            ],
            report.Findings.Select(f => (f.Resource.Module!.RootDirectory, f.Resource.Address, f.Suppression?.Reason)));
    }

    [Fact]
    public void Scan_TwoRootModulesSameModuleName_LinksStayInTheirRootModule()
    {
        // The task role's permissions come from the caller; each root module's task definition must reach its own role.
        _tree.Write("modules/ecs-app/main.tf", """
            variable "name" {
              type = string
            }

            variable "administrator" {
              type    = bool
              default = false
            }

            resource "aws_iam_role" "task" {
              name = "${var.name}-task"
              assume_role_policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
              })
            }

            resource "aws_iam_role_policy_attachment" "administrator" {
              count      = var.administrator ? 1 : 0
              role       = aws_iam_role.task.name
              policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
            }

            resource "aws_ecs_task_definition" "app" {
              family                   = var.name
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = "256"
              memory                   = "512"
              task_role_arn            = aws_iam_role.task.arn

              container_definitions = jsonencode([
                { name = "app", image = "public.ecr.aws/nginx/nginx:1.27", essential = true }
              ])
            }
            """);
        foreach (var (environment, administrator) in new[] { ("dev", "true"), ("prod", "false"), ("staging", "false") })
        {
            _tree.Write($"envs/{environment}/main.tf", $$"""
                module "app" {
                  source = "../../modules/ecs-app"

                  name          = "{{environment}}-app"
                  administrator = {{administrator}}
                }
                """);
        }

        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [_tree.Root], OnlyRules = ["SHP-IAM-116"] }).RelativeTo(_tree.Root);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("envs/dev", "module.app.aws_ecs_task_definition.app"), (finding.Resource.Module!.RootDirectory, finding.Resource.Address));
    }

    [Fact]
    public void Scan_InlineSuppressionInsideTheModule_AppliesToEveryCaller()
    {
        _tree.Write("modules/ecs-task/main.tf", TaskModule.Replace(
            "      privileged = true",
            "      # shipshape:ignore SHP-CTR-001 the agent loads a kernel module (OPS-12)\n      privileged = true",
            StringComparison.Ordinal));
        _tree.Write("envs/prod/main.tf", Environment("prod"));
        _tree.Write("envs/staging/main.tf", Environment("staging"));

        var report = Scan();

        Assert.Equal(4, report.Findings.Length);
        Assert.All(report.Findings, f => Assert.Equal((SuppressionKind?)SuppressionKind.Inline, f.Suppression?.Kind));
        Assert.All(report.Findings, f => Assert.Equal("the agent loads a kernel module (OPS-12)", f.Suppression!.Reason));
    }

    [Fact]
    public void Scan_InlineSuppressionOnAModuleCall_AppliesToThatCallOnly()
    {
        _tree.Write("envs/prod/main.tf", Environment("prod").Replace(
            "module \"worker\" {",
            "# shipshape:ignore SHP-CTR-001 the worker loads a kernel module (OPS-14)\nmodule \"worker\" {",
            StringComparison.Ordinal));
        _tree.Write("envs/staging/main.tf", Environment("staging"));

        var report = Scan();

        Assert.Equal(
            [
                ("envs/prod", "module.api.module.tasks.aws_ecs_task_definition.app", null),
                ("envs/staging", "module.api.module.tasks.aws_ecs_task_definition.app", null),
                ("envs/prod", "module.worker.module.tasks.aws_ecs_task_definition.app", "the worker loads a kernel module (OPS-14)"),
                ("envs/staging", "module.worker.module.tasks.aws_ecs_task_definition.app", null),
            ],
            report.Findings.Select(f => (f.Resource.Module!.RootDirectory, f.Resource.Address, f.Suppression?.Reason)));
    }

    [Fact]
    public void Scan_ResourceOutsideModules_KeepsItsFingerprintAndHasNoChain()
    {
        // The fingerprint format of v1 (rule, path, address, property path, key), computed independently.
        _tree.Write("main.tf", """
            resource "aws_ecs_task_definition" "app" {
              family       = "app"
              network_mode = "awsvpc"

              container_definitions = jsonencode([
                { name = "app", image = "nginx:1.27", essential = true, privileged = true }
              ])
            }
            """);

        var finding = Assert.Single(Scan().Findings, f => f.Location.Path == "main.tf");

        Assert.Equal("aws_ecs_task_definition.app", finding.Resource.Address);
        Assert.Null(finding.Resource.Module);
        Assert.Equal("5fd5749921a3e7b7dc6878e2fd8f731f", finding.Fingerprint);
    }

    /// <summary>One module instance of a plan's planned_values, as terraform show -json writes it.</summary>
    private static string PlannedTaskModule(string caller, string family) => $$"""
        {
          "address": "module.{{caller}}",
          "child_modules": [
            {
              "address": "module.{{caller}}.module.tasks",
              "resources": [
                {
                  "address": "module.{{caller}}.module.tasks.aws_ecs_task_definition.app",
                  "mode": "managed",
                  "type": "aws_ecs_task_definition",
                  "name": "app",
                  "provider_name": "registry.terraform.io/hashicorp/aws",
                  "schema_version": 1,
                  "values": {
                    "family": "{{family}}",
                    "requires_compatibilities": ["EC2"],
                    "network_mode": "awsvpc",
                    "cpu": "256",
                    "memory": "512",
                    "container_definitions": "[{\"essential\":true,\"image\":\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/{{family}}:1.4.2\",\"name\":\"app\",\"privileged\":true}]"
                  },
                  "sensitive_values": {}
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void Scan_PlanOfTheRootModule_AgreesWithTheConfigurationOnAddressAndChain()
    {
        _tree.Write("envs/prod/main.tf", Environment("prod"));
        _tree.Write("envs/prod/plan.json", $$"""
            {
              "format_version": "1.2",
              "terraform_version": "1.9.5",
              "planned_values": {
                "root_module": {
                  "child_modules": [
                    {{PlannedTaskModule("api", "prod-api")}},
                    {{PlannedTaskModule("worker", "prod-worker")}}
                  ]
                }
              }
            }
            """);

        var report = Scan();

        static IEnumerable<(string, string, string, string)> Identities(IEnumerable<Finding> findings) =>
            findings.Select(f => (f.Resource.Address, f.Resource.Module!.RootDirectory, f.Resource.Module.Address, string.Join(" > ", f.Resource.Module.Calls.Select(c => c.Address))))
                .Order();
        var fromPlan = report.Findings.Where(f => f.Location.Path == "envs/prod/plan.json").ToList();
        var fromConfiguration = report.Findings.Where(f => f.Location.Path == "modules/ecs-task/main.tf").ToList();
        Assert.Equal(2, fromPlan.Count);
        Assert.Equal(Identities(fromConfiguration), Identities(fromPlan));
        Assert.Equal(
            ("module.api.module.tasks.aws_ecs_task_definition.app", "envs/prod", "module.api.module.tasks", "module.api > module.api.module.tasks"),
            Identities(fromPlan).First());
        Assert.All(fromPlan, f => Assert.All(f.Resource.Module!.Calls, c => Assert.Null(c.Call)));
    }

    [Fact]
    public void Scan_PlanResourceOnlyInResourceChanges_TakesItsChainFromModuleAddress()
    {
        _tree.Write("plan.json", """
            {
              "format_version": "1.2",
              "planned_values": { "root_module": {} },
              "resource_changes": [
                {
                  "address": "module.worker[\"blue.module.x\"].module.tasks.aws_ecs_task_definition.app",
                  "module_address": "module.worker[\"blue.module.x\"].module.tasks",
                  "mode": "managed",
                  "type": "aws_ecs_task_definition",
                  "name": "app",
                  "change": {
                    "actions": ["create"],
                    "before": null,
                    "after": {
                      "family": "blue-worker",
                      "network_mode": "awsvpc",
                      "container_definitions": "[{\"name\":\"app\",\"image\":\"nginx:1.27\",\"privileged\":true}]"
                    },
                    "after_unknown": { "arn": true }
                  }
                }
              ]
            }
            """);

        var finding = Assert.Single(Scan().Findings, f => f.Location.Path == "plan.json");

        Assert.Equal(
            (".", "module.worker[\"blue.module.x\"]", "module.worker[\"blue.module.x\"].module.tasks"),
            (finding.Resource.Module!.RootDirectory, finding.Resource.Module.Calls[0].Address, finding.Resource.Module.Calls[1].Address));
        Assert.Equal(2, finding.Resource.Module.Calls.Length);
    }

    [Fact]
    public void Sarif_ModuleFinding_RelatesEveryCallerLine()
    {
        _tree.Write("envs/prod/main.tf", Environment("prod"));
        var report = Scan();

        using var sarif = JsonDocument.Parse(ReportOutput.Text(new SarifReportWriter(), report));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var worker = results.Single(r => r.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString()
            == "module.worker.module.tasks.aws_ecs_task_definition.app");

        var location = worker.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(("modules/ecs-task/main.tf", PrivilegedLine), (location.GetProperty("artifactLocation").GetProperty("uri").GetString(), location.GetProperty("region").GetProperty("startLine").GetInt32()));
        Assert.Equal(
            [
                (1, "envs/prod/main.tf", 11, "module.worker: the module call in root module envs/prod that instantiates this resource"),
                (2, "modules/ecs-service/main.tf", 5, "module.worker.module.tasks: the module call in module.worker that instantiates this resource"),
            ],
            worker.GetProperty("relatedLocations").EnumerateArray().Select(r => (
                r.GetProperty("id").GetInt32(),
                r.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(),
                r.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
                r.GetProperty("message").GetProperty("text").GetString())));
        Assert.Equal("envs/prod", worker.GetProperty("properties").GetProperty("terraformRootModule").GetString());
    }

    [Fact]
    public void Json_ModuleFinding_CarriesRootAndCalls()
    {
        _tree.Write("envs/prod/main.tf", Environment("prod"));
        var report = Scan();

        using var json = JsonDocument.Parse(ReportOutput.Text(new JsonReportWriter(), report));
        var resource = json.RootElement.GetProperty("findings")[0].GetProperty("resource");

        Assert.Equal("module.api.module.tasks.aws_ecs_task_definition.app", resource.GetProperty("address").GetString());
        var module = resource.GetProperty("module");
        Assert.Equal(("envs/prod", "module.api.module.tasks"), (module.GetProperty("root").GetString(), module.GetProperty("address").GetString()));
        Assert.Equal(
            [("module.api", "envs/prod/main.tf", 5), ("module.api.module.tasks", "modules/ecs-service/main.tf", 5)],
            module.GetProperty("calls").EnumerateArray().Select(c => (
                c.GetProperty("address").GetString(),
                c.GetProperty("location").GetProperty("path").GetString(),
                c.GetProperty("location").GetProperty("startLine").GetInt32())));
    }

    [Fact]
    public void Console_ModuleFinding_ShowsRootModuleAndCalls()
    {
        _tree.Write("envs/prod/main.tf", Environment("prod"));
        var report = Scan();

        var text = ReportOutput.Text(new ConsoleReportWriter(false, ConsoleDetail.Verbose), report);

        Assert.Contains("modules/ecs-task/main.tf:22  Container runs privileged", text, StringComparison.Ordinal);
        Assert.Contains("module.api.module.tasks.aws_ecs_task_definition.app (root module envs/prod)", text, StringComparison.Ordinal);
        Assert.Contains("called through module.api (envs/prod/main.tf:5) > module.api.module.tasks (modules/ecs-service/main.tf:5)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("junit")]
    public void TextReports_ModuleFinding_NameTheRootModuleBesideTheAddress(string format)
    {
        _tree.Write("envs/prod/main.tf", Environment("prod"));
        _tree.Write("envs/staging/main.tf", Environment("staging"));
        var report = Scan();
        IReportWriter writer = format switch
        {
            "markdown" => new MarkdownReportWriter(),
            "html" => new HtmlReportWriter(),
            _ => new JUnitReportWriter(),
        };

        // Markdown escapes its punctuation; the words are what is checked.
        var text = ReportOutput.Text(writer, report).Replace("\\", string.Empty, StringComparison.Ordinal);

        Assert.Contains("module.api.module.tasks.aws_ecs_task_definition.app (root module envs/prod)", text, StringComparison.Ordinal);
        Assert.Contains("module.api.module.tasks.aws_ecs_task_definition.app (root module envs/staging)", text, StringComparison.Ordinal);
    }
}
