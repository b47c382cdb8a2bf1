using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Rules;

namespace Shipshape.Tests.Rules;

/// <summary>
/// Builds model objects the way the ECS adapter does, with Amazon ECS's documented defaults (Defaulted values
/// spanning the enclosing object), until rule tests can load task-definition JSON through the adapter.
/// </summary>
internal static class ModelBuilder
{
    public const string File = "taskdef.json";
    public const int TaskLine = 1;
    public const int ContainerLine = 10;

    public static SourceSpan Line(int line) => new(File, line, 5, line, 40);

    public static Value<T> Explicit<T>(T value, int line, string path) => Value<T>.Explicit(value, Line(line), path);

    public static Value<T> Unresolved<T>(T placeholder, int line, string path) => Value<T>.Unresolved(placeholder, Line(line), path);

    /// <summary>A container with only name and image set; everything else at its ECS default.</summary>
    public static Container Container(string name = "web", string? image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2", int line = ContainerLine)
    {
        var path = $"containerDefinitions[{name}]";
        var span = Line(line);
        return new Container
        {
            Name = Value<string>.Explicit(name, Line(line + 1), path + ".name"),
            Image = image is null
                ? Value<string?>.Defaulted(null, span, path + ".image")
                : Value<string?>.Explicit(image, Line(line + 2), path + ".image"),
            Privileged = Value<bool>.Defaulted(false, span, path + ".privileged"),
            User = Value<string?>.Defaulted(null, span, path + ".user"),
            ReadonlyRootFilesystem = Value<bool>.Defaulted(false, span, path + ".readonlyRootFilesystem"),
            CapabilitiesDeclared = Value<bool>.Defaulted(false, span, path + ".linuxParameters.capabilities"),
            MemoryLimitMiB = Value<int?>.Defaulted(null, span, path + ".memory"),
            MemoryReservationMiB = Value<int?>.Defaulted(null, span, path + ".memoryReservation"),
            Role = ContainerRoleClassifier.Classify(image, hasFirelensConfiguration: false),
            Span = span,
            Path = path,
        };
    }

    /// <summary>A task definition "app" with ECS defaults: bridge networking, no PID/IPC mode, no roles, no task memory.</summary>
    public static TaskDefinition Task(params Container[] containers)
    {
        var span = Line(TaskLine);
        return new TaskDefinition
        {
            Address = "app",
            Kind = "AWS::ECS::TaskDefinition",
            Span = span,
            SourceFormat = "ecs-json",
            Family = Value<string?>.Explicit("app", Line(2), "family"),
            NetworkMode = Value<string>.Defaulted("bridge", span, "networkMode"),
            PidMode = Value<string?>.Defaulted(null, span, "pidMode"),
            IpcMode = Value<string?>.Defaulted(null, span, "ipcMode"),
            TaskRoleArn = Value<string?>.Defaulted(null, span, "taskRoleArn"),
            ExecutionRoleArn = Value<string?>.Defaulted(null, span, "executionRoleArn"),
            MemoryMiB = Value<int?>.Defaulted(null, span, "memory"),
            Cpu = Value<string?>.Defaulted(null, span, "cpu"),
            Containers = containers.Length == 0 ? [Container()] : [.. containers],
        };
    }

    public static KeyValue Env(string containerName, int index, string name, string? value, int line, bool unresolved = false)
    {
        var path = $"containerDefinitions[{containerName}].environment[{index}]";
        var val = unresolved
            ? Value<string?>.Unresolved(value, Line(line), path + ".value")
            : Value<string?>.Explicit(value, Line(line), path + ".value");
        return new KeyValue(Value<string>.Explicit(name, Line(line), path + ".name"), val);
    }

    public static EfsVolumeConfiguration Efs(string volumeName, Value<bool>? transit = null, Value<bool>? iam = null, int line = 30)
    {
        var path = $"volumes[{volumeName}].efsVolumeConfiguration";
        var span = Line(line);
        return new EfsVolumeConfiguration(
            Value<string?>.Explicit("fs-1234", Line(line + 1), path + ".fileSystemId"),
            transit ?? Value<bool>.Defaulted(false, span, path + ".transitEncryption"),
            iam ?? Value<bool>.Defaulted(false, span, path + ".authorizationConfig.iam"),
            Value<string?>.Defaulted(null, span, path + ".authorizationConfig.accessPointId"),
            span,
            path);
    }

    public static ModelSet Model(params Resource[] resources) => new([.. resources]);

    /// <summary>The rule's findings on a model of one resource (not the resources it could not decide for).</summary>
    public static ImmutableArray<RuleHit> Run(IRule rule, Resource resource, RuleContext? context = null) =>
        [.. rule.Evaluate(Model(resource), context ?? RuleContext.Default).Where(h => !h.Undecided)];
}
