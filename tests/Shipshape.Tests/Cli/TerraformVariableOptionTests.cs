using Shipshape.Tests.Support;

namespace Shipshape.Tests.Cli;

/// <summary>--var-file and --var reach the Terraform root modules, after terraform.tfvars.</summary>
public sealed class TerraformVariableOptionTests
{
    [Fact]
    public async Task Scan_VarFileThenVar_LastValueDecidesTheFinding()
    {
        using var tree = new TempTree();
        tree.Write("infra/main.tf", """
            variable "mode" { default = "awsvpc" }
            resource "aws_ecs_task_definition" "t" {
              family                = "t"
              network_mode          = var.mode
              container_definitions = jsonencode([{ name = "app", image = "nginx" }])
            }
            """);
        var varFile = tree.Write("host.tfvars", "mode = \"host\"\n");
        var infra = tree.PathOf("infra");

        var (withFile, fileOut, _) = await CliRunner.RunAsync("scan", infra, "--var-file", varFile, "--rule", "SHP-NET-001", "--format", "json", "-q");
        var (overridden, varOut, _) = await CliRunner.RunAsync("scan", infra, "--var-file", varFile, "--var", "mode=awsvpc", "--rule", "SHP-NET-001", "--format", "json", "-q");

        Assert.Equal(1, withFile);
        Assert.Contains("\"address\": \"aws_ecs_task_definition.t\"", fileOut, StringComparison.Ordinal);
        Assert.Equal(0, overridden);
        Assert.Contains("\"findings\": []", varOut, StringComparison.Ordinal);
    }
}
