using System.Text;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;
using Shipshape.Ingest.Terraform;

namespace Shipshape.Tests.Ingest.Terraform;

/// <summary>Plan JSON (terraform show -json), written from Terraform's JSON output format documentation.</summary>
public sealed class TerraformPlanReaderTests
{
    private const string Plan = """
        {
          "format_version": "1.2",
          "planned_values": {
            "root_module": {
              "child_modules": [
                {
                  "address": "module.app",
                  "resources": [
                    {
                      "address": "module.app.aws_ecs_task_definition.this[\"web\"]",
                      "mode": "managed",
                      "type": "aws_ecs_task_definition",
                      "values": {
                        "family": "web",
                        "network_mode": "awsvpc",
                        "container_definitions": "[{\"name\":\"web\",\"image\":\"nginx\",\"privileged\":true}]"
                      }
                    }
                  ]
                }
              ]
            }
          },
          "resource_changes": [
            {
              "address": "module.app.aws_ecs_task_definition.this[\"web\"]",
              "type": "aws_ecs_task_definition",
              "change": { "after": {}, "after_unknown": { "task_role_arn": true, "arn": true } }
            }
          ]
        }
        """;

    [Fact]
    public void Read_PlanJson_ChildModuleResourceWithUnknownsAfterApply()
    {
        var parsed = JsonSyntaxParser.Parse("plan.json", Encoding.UTF8.GetBytes(Plan));
        var reader = new TerraformPlanReader();
        Assert.True(reader.CanRead(parsed.Roots[0]));

        var task = Assert.IsType<TaskDefinition>(Assert.Single(reader.Read("plan.json", parsed.Roots[0]).Resources));

        Assert.Equal(("module.app.aws_ecs_task_definition.this[\"web\"]", "terraform-plan", "awsvpc"), (task.Address, task.SourceFormat, task.NetworkMode.Current));
        Assert.True(task.TaskRoleArn.IsUnresolved);
        var container = Assert.Single(task.Containers);
        Assert.Equal((true, 16), (container.Privileged.Current, container.Privileged.Span.StartLine));
    }

    [Fact]
    public void CanRead_OtherJson_IsFalse()
    {
        var parsed = JsonSyntaxParser.Parse("x.json", Encoding.UTF8.GetBytes("""{"format_version": "1.0", "values": {}}"""));
        Assert.False(new TerraformPlanReader().CanRead(parsed.Roots[0]));
    }
}
