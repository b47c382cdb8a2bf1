using System.Text;
using Shipshape.Ingest.Discovery;

namespace Shipshape.Tests.Ingest.Discovery;

public sealed class FormatSnifferTests
{
    [Theory]
    [InlineData("taskdef", "\uFEFF  \n{\"family\": \"web\"}", InputFormat.Json)]
    [InlineData("list", "[\n  {\"name\": \"web\"}\n]", InputFormat.Json)]
    [InlineData("k8s/deployment", "apiVersion: apps/v1\nkind: Deployment\n", InputFormat.Yaml)]
    [InlineData("config", "# comment\n\nservices:\n  web:\n    image: nginx\n", InputFormat.Yaml)]
    [InlineData("multi", "---\na: 1\n", InputFormat.Yaml)]
    [InlineData("deploy/Dockerfile.prod", "anything at all", InputFormat.Dockerfile)]
    [InlineData("Dockerfile", "", InputFormat.Dockerfile)]
    [InlineData("build/app.dockerfile", "", InputFormat.Dockerfile)]
    [InlineData("Containerfile", "", InputFormat.Dockerfile)]
    [InlineData("image/build", "# syntax=docker/dockerfile:1\n# escape=\\\n\nFROM alpine:3.20\nRUN true\n", InputFormat.Dockerfile)]
    [InlineData("image/args", "ARG BASE=alpine\nfrom ${BASE}\n", InputFormat.Dockerfile)]
    [InlineData("stack.template", "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\"\n}", InputFormat.Json)]
    [InlineData("stack.template", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", InputFormat.Yaml)]
    [InlineData("stack.template", "# CloudFormation\nResources:\n  Task:\n", InputFormat.Yaml)]
    [InlineData("mail.template", "Dear {{name}}, hello.\n", InputFormat.Text)]
    [InlineData("stack.json", "Resources:\n  Task: {}\n", InputFormat.Yaml)]
    [InlineData("broken.json", "not json", InputFormat.Json)]
    [InlineData("values.yml", "{}", InputFormat.Yaml)]
    [InlineData("main.tf", "resource \"aws_ecs_task_definition\" \"x\" {}", InputFormat.Hcl)]
    [InlineData("prod.tfvars", "", InputFormat.Hcl)]
    [InlineData("terragrunt.hcl", "", InputFormat.Hcl)]
    [InlineData("README", "Hello world, this is text.\n", InputFormat.Text)]
    [InlineData("notes.txt", "Note to self: buy milk\n", InputFormat.Text)]
    [InlineData("settings.ini", "[section]\nkey=value\n", InputFormat.Text)]
    [InlineData("indented", "  key: value\n", InputFormat.Text)]
    [InlineData("empty", "", InputFormat.Unknown)]
    [InlineData("blank", " \n\t\n", InputFormat.Unknown)]
    public void Sniff_NameAndContent_GivesFormat(string path, string content, InputFormat expected)
    {
        Assert.Equal(expected, FormatSniffer.Sniff(path, Encoding.UTF8.GetBytes(content)));
    }

    [Fact]
    public void Sniff_ContentPastFirst4KiB_IsNotLookedAt()
    {
        var head = Encoding.UTF8.GetBytes(new string('\n', FormatSniffer.HeadBytes) + "FROM alpine\n");

        Assert.Equal(InputFormat.Unknown, FormatSniffer.Sniff("late", head));
    }

    [Fact]
    public void Sniff_NulBytes_GivesUnknown()
    {
        Assert.Equal(InputFormat.Unknown, FormatSniffer.Sniff("blob", [0x7B, 0x00, 0x7D]));
    }
}
