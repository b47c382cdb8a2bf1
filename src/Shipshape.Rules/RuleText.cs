using Shipshape.Core.Model;

namespace Shipshape.Rules;

/// <summary>Shared wording and hit construction, so every rule names containers and workloads the same way.</summary>
internal static class RuleText
{
    /// <summary>"task definition 'app'", "workload 'Deployment/default/web'".</summary>
    public static string Describe(Workload workload) => workload switch
    {
        TaskDefinition task => $"task definition '{(task.Family.IsKnown && !string.IsNullOrEmpty(task.Family.Current) ? task.Family.Current : task.Address)}'",
        _ when workload.Platform == Platform.Compose => $"compose service '{workload.Address}'",
        BatchJobDefinition => $"Batch job definition '{workload.Address}'",
        _ => $"workload '{workload.Address}'",
    };

    /// <summary>"Task definition 'app'": a workload at the start of a sentence.</summary>
    public static string DescribeCapitalised(Workload workload)
    {
        var text = Describe(workload);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>"Container 'web' in task definition 'app'".</summary>
    public static string Describe(Container container, Workload workload) => workload is BatchJobDefinition
        ? $"The container of {Describe(workload)}"
        : $"Container '{container.Name.Current}' in {Describe(workload)}";

    /// <summary>"Dockerfile stage 'build'", "Dockerfile stage 0".</summary>
    public static string Describe(DockerfileStage stage) =>
        stage.Alias is null ? $"Dockerfile stage {stage.Index}" : $"Dockerfile stage '{stage.Alias}'";

    /// <summary>"The final stage" or "Dockerfile stage 'build'": a stage at the start of a sentence.</summary>
    public static string DescribeCapitalised(DockerfileStage stage) =>
        stage.IsFinal ? (stage.Alias is null ? "The final Dockerfile stage" : $"The final Dockerfile stage '{stage.Alias}'") : "D" + Describe(stage)[1..];

    /// <summary>"Image 'app:1.4'", "Image 'app:1.4' (linux/arm64)": an image read from an archive or layout.</summary>
    public static string Describe(ContainerImage image) => $"Image '{image.Address}'";

    /// <summary>The field's own name, the last segment of its property path ("readonlyRootFilesystem").</summary>
    public static string FieldName(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? path : path[(dot + 1)..];
    }

    /// <summary>
    /// An ECS field name as the workload's source spells it: PascalCase in CloudFormation ("LogConfiguration"),
    /// camelCase in task-definition JSON and in Terraform's container_definitions.
    /// </summary>
    public static string InFormat(Resource resource, string camelCase) =>
        string.Equals(resource.SourceFormat, "cloudformation", StringComparison.Ordinal) && camelCase.Length > 0
            ? char.ToUpperInvariant(camelCase[0]) + camelCase[1..]
            : camelCase;

    /// <summary>A hit on a resource at the offending value: its span and property path.</summary>
    public static RuleHit Hit<T>(Resource resource, Value<T> value, string message, string? fingerprintKey = null) =>
        new(resource, value.Span, value.Path, message, fingerprintKey);

    public static IEnumerable<(Workload Workload, Container Container)> Containers(ModelSet model) =>
        model.OfType<Workload>().SelectMany(w => w.Containers.Select(c => (w, c)));
}
