using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>
/// Writes AWS Security Finding Format (ASFF, schema 2018-10-08) records for Security Hub's BatchImportFindings: JSON
/// Lines, each line one JSON array of at most 100 findings (and well under the 6 MB request limit), so that each line
/// is the value of one <c>aws securityhub batch-import-findings --findings</c> call. Findings of an earlier export that
/// this scan no longer reports follow, with RecordState ARCHIVED.
/// </summary>
public sealed class AsffReportWriter : IReportWriter
{
    public const string SchemaVersion = "2018-10-08";

    /// <summary>BatchImportFindings accepts at most 100 findings per request.</summary>
    public const int MaxBatchFindings = 100;

    /// <summary>A request may carry 6 MB; a batch stays under 5 MB so that the request envelope and escaping never tip it over.</summary>
    public const int MaxBatchBytes = 5_000_000;

    /// <summary>Security Hub refuses a finding larger than 240 KB.</summary>
    public const int MaxFindingBytes = 240 * 1024;

    // Documented limits of the ASFF attributes this writer fills (characters).
    internal const int MaxTitle = 256;
    internal const int MaxDescription = 1024;
    internal const int MaxRecommendationText = 512;
    internal const int MaxId = 512;
    internal const int MaxResourceId = 512;
    internal const int MaxTypes = 50;
    internal const int MaxRelatedRequirements = 32;
    internal const int MaxProductFields = 50;
    internal const int MaxProductFieldKey = 128;
    internal const int MaxProductFieldValue = 2048;
    internal const int MaxOtherFields = 50;
    // Details.Other: keys and values "must contain fewer than" 128 and 1,024 characters.
    internal const int MaxOtherKey = 127;
    internal const int MaxOtherValue = 1023;

    public const string BestPracticesType = "Software and Configuration Checks/AWS Security Best Practices";
    public const string StandardsType = "Software and Configuration Checks/Industry and Regulatory Standards";
    public const string PasswordsType = "Sensitive Data Identifications/Passwords";
    public const string FinancialType = "Sensitive Data Identifications/Financial";

    private readonly SecurityFindingOptions options;
    private readonly string accountId;
    private readonly string region;
    private readonly string productArn;

    /// <summary>A writer for the account and Region in <paramref name="options"/>; both are required and checked.</summary>
    public AsffReportWriter(SecurityFindingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!AwsTarget.IsAccountId(options.AwsAccountId))
        {
            throw new ArgumentException("ASFF needs the 12-digit AWS account ID the findings are imported into.", nameof(options));
        }

        if (!AwsTarget.IsRegion(options.AwsRegion))
        {
            throw new ArgumentException("ASFF needs the AWS Region the findings are imported into.", nameof(options));
        }

        this.options = options;
        accountId = options.AwsAccountId!;
        region = options.AwsRegion!;
        productArn = AwsTarget.DefaultProductArn(accountId, region);
    }

    public string Format => "asff";

    /// <summary>The ASFF Id of a finding: stable, because the fingerprint does not depend on lines or on the directory a scan starts from.</summary>
    public static string FindingId(string fingerprint) => "shipshape/" + fingerprint;

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var previous = new Dictionary<string, PreviousFinding>(StringComparer.Ordinal);
        foreach (var item in options.Previous)
        {
            // A full record wins over a baseline entry for the same Id.
            if (!previous.TryGetValue(item.Id, out var known) || (known.Record is null && item.Record is not null))
            {
                previous[item.Id] = item;
            }
        }

        // One writer and buffer for all records: each record is kept as bytes, to be packed into batches by size.
        var buffer = new ArrayBufferWriter<byte>(8192);
        using var writer = new Utf8JsonWriter(buffer, Compact);
        byte[] Serialize(Action<Utf8JsonWriter> write)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            write(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }

        var records = new List<byte[]>();
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in report.Findings)
        {
            var id = FindingId(finding.Fingerprint);
            if (!current.Add(id))
            {
                continue;
            }

            records.Add(Serialize(json => WriteFinding(json, report, finding, id, previous.GetValueOrDefault(id))));
        }

        var incomplete = ReportFacts.IncompleteInputs(report);
        foreach (var input in incomplete)
        {
            var path = RepositoryPath(report, input.Path);
            var id = ReportFacts.IncompleteId(path);
            if (current.Add(id))
            {
                records.Add(Serialize(json => WriteIncomplete(json, report, input, path, id, previous.GetValueOrDefault(id))));
            }
        }

        // A finding of an input this scan did not fully check may still be there: it is not archived.
        var notFullyChecked = incomplete.Select(i => i.Path).SelectMany(p => (string[])[p, RepositoryPath(report, p)]).Distinct(StringComparer.Ordinal).ToList();
        var nothingArchivable = incomplete.Any(i => !Core.SourceRoot.IsFilePath(i.Path));
        bool Checked(string? path) => incomplete.Count == 0 || (!nothingArchivable && path is not null
            && !notFullyChecked.Any(u => path == u || path.StartsWith(u + "/", StringComparison.Ordinal) || path.StartsWith(u + "!", StringComparison.Ordinal)));

        // Nor is a finding of a rule that did not run (--rule, --skip-rule, --scanners): nothing says it is gone.
        bool Ran(string? ruleId) => ruleId == IncompleteGenerator || (ruleId is not null && report.Rules.ContainsKey(ruleId));

        foreach (var gone in previous.Values.Where(p => !current.Contains(p.Id) && !IsArchived(p) && Checked(PreviousPath(report, p)) && Ran(PreviousRule(p)))
                     .OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            records.Add(Serialize(json =>
            {
                if (gone.Record is { } record)
                {
                    WriteArchivedCopy(json, record);
                }
                else
                {
                    WriteArchivedFromBaseline(json, report, gone);
                }
            }));
        }

        WriteBatches(output, records);
        output.Flush();
    }

    /// <summary>The GeneratorId of the "not fully checked" findings.</summary>
    public const string IncompleteGenerator = "shipshape/incomplete";

    /// <summary>The rule of a previous finding: its GeneratorId, or the baseline entry's rule.</summary>
    private static string? PreviousRule(PreviousFinding previous) =>
        previous.Record is { } record
            ? record.TryGetProperty("GeneratorId", out var generator) && generator.ValueKind == JsonValueKind.String ? generator.GetString() : null
            : previous.RuleId;

    /// <summary>The repository-relative path a previous finding is in: its ProductFields' path, or the baseline entry's path.</summary>
    private static string? PreviousPath(ScanReport report, PreviousFinding previous) =>
        previous.Record is { } record
            ? record.TryGetProperty("ProductFields", out var fields) && fields.ValueKind == JsonValueKind.Object
              && fields.TryGetProperty("shipshape/Path", out var path) && path.ValueKind == JsonValueKind.String ? path.GetString() : null
            : previous.Path is null ? null : RepositoryPath(report, previous.Path);

    private static bool IsArchived(PreviousFinding previous) =>
        previous.Record is { } record && record.TryGetProperty("RecordState", out var state) && state.ValueKind == JsonValueKind.String
        && state.GetString() == "ARCHIVED";

    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JsonReportWriter.Options.Encoder };

    /// <summary>One JSON array per line: at most <see cref="MaxBatchFindings"/> findings and <see cref="MaxBatchBytes"/> bytes.</summary>
    private static void WriteBatches(Stream output, List<byte[]> records)
    {
        var index = 0;
        while (index < records.Count)
        {
            output.WriteByte((byte)'[');
            var count = 0;
            long bytes = 2;
            while (index < records.Count && count < MaxBatchFindings && (count == 0 || bytes + records[index].Length + 1 <= MaxBatchBytes))
            {
                if (count > 0)
                {
                    output.WriteByte((byte)',');
                }

                output.Write(records[index]);
                bytes += records[index].Length + 1;
                count++;
                index++;
            }

            output.Write("]\n"u8);
        }
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void WriteFinding(Utf8JsonWriter json, ScanReport report, Finding finding, string id, PreviousFinding? previous)
    {
        var rule = ReportFacts.RuleFor(report, finding);
        var now = Timestamp(options.Time);
        var created = PreviousTimestamp(previous, "CreatedAt") ?? now;
        var firstObserved = PreviousTimestamp(previous, "FirstObservedAt") ?? created;
        var path = RepositoryPath(report, finding.Location.Path);
        var documentation = ReportFacts.RuleDocumentationUri(finding.RuleId);
        var types = TypesFor(rule);

        json.WriteStartObject();
        json.WriteString("SchemaVersion", SchemaVersion);
        json.WriteString("Id", ReportFacts.Clip(id, MaxId));
        json.WriteString("ProductArn", productArn);
        json.WriteString("ProductName", "Shipshape");
        json.WriteString("CompanyName", "Shipshape");
        json.WriteString("GeneratorId", ReportFacts.Clip(finding.RuleId, MaxId));
        json.WriteString("AwsAccountId", accountId);
        json.WriteString("Region", region);
        WriteStrings(json, "Types", types);
        json.WriteString("FirstObservedAt", firstObserved);
        json.WriteString("LastObservedAt", now);
        json.WriteString("CreatedAt", created);
        json.WriteString("UpdatedAt", now);
        WriteSeverity(json, "Severity", finding.Severity);
        json.WriteString("Title", ReportFacts.Clip(NonBlank(finding.Title, finding.RuleId), MaxTitle));
        json.WriteString("Description", ReportFacts.Clip(NonBlank(finding.Message, finding.Title, finding.RuleId), MaxDescription));
        WriteRemediation(json, rule, documentation);
        json.WriteString("SourceUrl", documentation);

        WriteProductFields(json, ProductFields(report, finding, path));
        WriteResources(json, finding, path);

        WriteCompliance(json, rule.Frameworks, "FAILED");
        json.WriteStartObject("FindingProviderFields");
        WriteSeverity(json, "Severity", finding.Severity);
        WriteStrings(json, "Types", types);
        json.WriteEndObject();

        json.WriteString("RecordState", "ACTIVE");
        json.WriteStartObject("Workflow");
        json.WriteString("Status", finding.Suppressed ? "SUPPRESSED" : "NEW");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string? PreviousTimestamp(PreviousFinding? previous, string name) =>
        previous?.Record is { } record && record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    /// <summary>The path relative to the repository root, so that it does not change with the directory a scan starts from.</summary>
    private static string RepositoryPath(ScanReport report, string path) => report.Source?.Relative(path) ?? path;

    private static void WriteSeverity(Utf8JsonWriter json, string name, Severity severity)
    {
        json.WriteStartObject(name);
        json.WriteString("Label", Label(severity));
        json.WriteString("Original", severity.ToName());
        json.WriteEndObject();
    }

    /// <summary>The ASFF severity label: Shipshape's info is INFORMATIONAL, the others keep their names.</summary>
    public static string Label(Severity severity) => severity switch
    {
        Severity.Critical => "CRITICAL",
        Severity.High => "HIGH",
        Severity.Medium => "MEDIUM",
        Severity.Low => "LOW",
        _ => "INFORMATIONAL",
    };

    private static void WriteRemediation(Utf8JsonWriter json, RuleMetadata rule, string documentation)
    {
        json.WriteStartObject("Remediation");
        json.WriteStartObject("Recommendation");
        json.WriteString("Text", ReportFacts.Clip(NonBlank(rule.Remediation, "See " + documentation), MaxRecommendationText));
        json.WriteString("Url", documentation);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// The ASFF type paths for a rule, from the documented taxonomy: every rule is an AWS security best-practice check;
    /// rules that find a secret or a card number are also sensitive-data identifications; each compliance framework the
    /// rule maps to adds its Industry and Regulatory Standards classifier. At most 50.
    /// </summary>
    public static List<string> TypesFor(RuleMetadata rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var types = new List<string> { BestPracticesType };
        if (SensitiveDataTypes.TryGetValue(rule.Id, out var sensitive))
        {
            types.Add(sensitive);
        }

        foreach (var framework in rule.Frameworks)
        {
            var standard = Framework(framework) switch
            {
                "PCI-DSS-4.0" or "PCI-DSS-3.2.1" => "/PCI-DSS",
                "AWS-FSBP" => "/AWS Foundational Security Best Practices",
                "HIPAA" => "/HIPAA Controls (USA)",
                "CIS-AWS" => "/CIS AWS Foundations Benchmark",
                "NIST-800-53" => "/NIST 800-53 Controls (USA)",

                // A framework without a type of its own in the ASFF taxonomy (NIST SP 800-190) adds none.
                _ => null,
            };
            var type = StandardsType + standard;
            if (standard is not null && !types.Contains(type, StringComparer.Ordinal))
            {
                types.Add(type);
            }
        }

        return types.Take(MaxTypes).ToList();
    }

    private static string Framework(string requirement)
    {
        var colon = requirement.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? requirement : requirement[..colon];
    }

    // Rules whose findings are secret values or card numbers in the scanned text, not a setting.
    private static readonly FrozenDictionary<string, string> SensitiveDataTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SHP-SEC-002"] = PasswordsType,   // secret value in plaintext environment
        ["SHP-SEC-018"] = PasswordsType,   // provider with hard-coded credentials
        ["SHP-SEC-019"] = PasswordsType,   // password written in a resource property
        ["SHP-SEC-050"] = PasswordsType,   // Kubernetes Secret data committed
        ["SHP-SEC-100"] = PasswordsType,   // hard-coded secret
        ["SHP-SEC-101"] = PasswordsType,   // private key
        ["SHP-SEC-102"] = PasswordsType,   // hard-coded credential assignment
        ["SHP-CTR-039"] = PasswordsType,   // secret in EC2 user data
        ["SHP-CTR-114"] = PasswordsType,   // chpasswd in a Dockerfile
        ["SHP-CMP-100"] = FinancialType,   // card number stored
        ["SHP-CMP-101"] = FinancialType,   // test card number
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Security Hub standard (the resource part of its ARN) a framework's controls belong to, where there is one.</summary>
    private static string? StandardsId(string framework) => Framework(framework) switch
    {
        "AWS-FSBP" => "standards/aws-foundational-security-best-practices/v/1.0.0",
        "PCI-DSS-4.0" => "standards/pci-dss/v/4.0.1",
        "PCI-DSS-3.2.1" => "standards/pci-dss/v/3.2.1",

        // The CIS-AWS requirement numbers are those of v3.0.0, the version Security Hub's standard of that ARN checks.
        "CIS-AWS" => "standards/cis-aws-foundations-benchmark/v/3.0.0",
        _ => null,
    };

    private static void WriteCompliance(Utf8JsonWriter json, IEnumerable<string> frameworks, string status)
    {
        var requirements = frameworks.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal).ToList();
        json.WriteStartObject("Compliance");
        json.WriteString("Status", status);
        if (requirements.Count > 0)
        {
            WriteStrings(json, "RelatedRequirements", requirements.Take(MaxRelatedRequirements).Select(r => ReportFacts.Clip(r, MaxProductFieldKey)));
            var standards = requirements.Select(StandardsId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (standards.Count > 0)
            {
                json.WriteStartArray("AssociatedStandards");
                foreach (var standard in standards)
                {
                    json.WriteStartObject();
                    json.WriteString("StandardsId", standard);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
        }

        json.WriteEndObject();
    }

    private List<(string Key, string Value)> ProductFields(ScanReport report, Finding finding, string path)
    {
        var fields = new List<(string, string)>
        {
            ("shipshape/RuleId", finding.RuleId),
            ("shipshape/Fingerprint", finding.Fingerprint),
            ("shipshape/Path", path),
        };
        if (finding.Location.HasLine)
        {
            fields.Add(("shipshape/StartLine", ReportFacts.Invariant(finding.Location.StartLine)));
            fields.Add(("shipshape/EndLine", ReportFacts.Invariant(Math.Max(finding.Location.StartLine, finding.Location.EndLine))));
        }

        fields.Add(("shipshape/Practice", finding.Practice.ToId()));
        fields.Add(("shipshape/ResourceKind", finding.Resource.Kind));
        fields.Add(("shipshape/ResourceAddress", finding.Resource.QualifiedAddress));
        if (finding.Resource.Path is { } property)
        {
            fields.Add(("shipshape/PropertyPath", property));
        }

        if (!finding.Equivalents.IsEmpty)
        {
            fields.Add(("shipshape/Equivalents", string.Join(", ", finding.Equivalents)));
        }

        if (finding.Suppression is { } suppression)
        {
            fields.Add(("shipshape/Suppression", suppression.Kind.ToName()));
            if (!string.IsNullOrWhiteSpace(suppression.Reason))
            {
                fields.Add(("shipshape/SuppressionReason", suppression.Reason));
            }
        }

        fields.Add(("shipshape/ToolVersion", report.ToolVersion));
        return fields;
    }

    private static void WriteProductFields(Utf8JsonWriter json, List<(string Key, string Value)> fields)
    {
        json.WriteStartObject("ProductFields");
        foreach (var (key, value) in fields.Where(f => f.Value.Length > 0).Take(MaxProductFields))
        {
            json.WriteString(ReportFacts.Clip(key, MaxProductFieldKey), ReportFacts.Clip(value, MaxProductFieldValue));
        }

        json.WriteEndObject();
    }

    /// <summary>The resource's ASFF Id: its address qualified with the repository-relative file (a file's own findings: the file).</summary>
    public static string ResourceId(string path, ResourceRef resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Address == path || string.IsNullOrEmpty(resource.Address)
            ? path
            : path + "#" + resource.QualifiedAddress;
    }

    private void WriteResources(Utf8JsonWriter json, Finding finding, string path)
    {
        var displayPath = finding.Resource.Address == finding.Location.Path ? path : finding.Resource.Address;
        var other = new List<(string, string)> { ("path", path) };
        if (finding.Location.HasLine)
        {
            other.Add(("startLine", ReportFacts.Invariant(finding.Location.StartLine)));
            other.Add(("endLine", ReportFacts.Invariant(Math.Max(finding.Location.StartLine, finding.Location.EndLine))));
        }

        other.Add(("kind", finding.Resource.Kind));
        other.Add(("address", displayPath));
        if (finding.Resource.Path is { } property)
        {
            other.Add(("propertyPath", property));
        }

        if (finding.Resource.DisplayName is { } display)
        {
            other.Add(("displayName", display));
        }

        if (finding.Resource.Module is { } module)
        {
            other.Add(("terraformRootModule", module.RootDirectory));
            other.Add(("terraformModule", module.Address));
        }

        WriteResource(json, ResourceType(finding.Resource.Kind), ResourceId(path, finding.Resource), other);
    }

    private void WriteResource(Utf8JsonWriter json, string type, string id, List<(string Key, string Value)> other)
    {
        json.WriteStartArray("Resources");
        json.WriteStartObject();
        json.WriteString("Type", type);
        json.WriteString("Id", ReportFacts.Clip(NonBlank(id, "(unknown)"), MaxResourceId));
        json.WriteString("Partition", AwsTarget.Partition(region));
        json.WriteString("Region", region);
        json.WriteStartObject("Details");
        json.WriteStartObject("Other");
        foreach (var (key, value) in other.Where(f => f.Value.Length > 0).Take(MaxOtherFields))
        {
            json.WriteString(ReportFacts.Clip(key, MaxOtherKey), ReportFacts.Clip(value, MaxOtherValue));
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>The ASFF resource type for a CloudFormation or Terraform type that has one; Other for everything else.</summary>
    public static string ResourceType(string kind) => ResourceTypes.GetValueOrDefault(kind ?? string.Empty, "Other");

    private static readonly FrozenDictionary<string, string> ResourceTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS::ECS::TaskDefinition"] = "AwsEcsTaskDefinition",
        ["aws_ecs_task_definition"] = "AwsEcsTaskDefinition",
        ["AWS::ECS::Service"] = "AwsEcsService",
        ["aws_ecs_service"] = "AwsEcsService",
        ["AWS::ECS::Cluster"] = "AwsEcsCluster",
        ["aws_ecs_cluster"] = "AwsEcsCluster",
        ["AWS::EC2::SecurityGroup"] = "AwsEc2SecurityGroup",
        ["aws_security_group"] = "AwsEc2SecurityGroup",
        ["AWS::EC2::LaunchTemplate"] = "AwsEc2LaunchTemplate",
        ["aws_launch_template"] = "AwsEc2LaunchTemplate",
        ["AWS::EC2::VPC"] = "AwsEc2Vpc",
        ["aws_vpc"] = "AwsEc2Vpc",
        ["AWS::ECR::Repository"] = "AwsEcrRepository",
        ["aws_ecr_repository"] = "AwsEcrRepository",
        ["AWS::EFS::AccessPoint"] = "AwsEfsAccessPoint",
        ["aws_efs_access_point"] = "AwsEfsAccessPoint",
        ["AWS::EKS::Cluster"] = "AwsEksCluster",
        ["aws_eks_cluster"] = "AwsEksCluster",
        ["AWS::ElasticLoadBalancing::LoadBalancer"] = "AwsElbLoadBalancer",
        ["aws_elb"] = "AwsElbLoadBalancer",
        ["AWS::ElasticLoadBalancingV2::LoadBalancer"] = "AwsElbv2LoadBalancer",
        ["aws_lb"] = "AwsElbv2LoadBalancer",
        ["aws_alb"] = "AwsElbv2LoadBalancer",
        ["AWS::IAM::AccessKey"] = "AwsIamAccessKey",
        ["aws_iam_access_key"] = "AwsIamAccessKey",
        ["AWS::IAM::Group"] = "AwsIamGroup",
        ["aws_iam_group"] = "AwsIamGroup",
        ["AWS::IAM::ManagedPolicy"] = "AwsIamPolicy",
        ["aws_iam_policy"] = "AwsIamPolicy",
        ["AWS::IAM::Role"] = "AwsIamRole",
        ["aws_iam_role"] = "AwsIamRole",
        ["AWS::IAM::User"] = "AwsIamUser",
        ["aws_iam_user"] = "AwsIamUser",
        ["AWS::KMS::Key"] = "AwsKmsKey",
        ["aws_kms_key"] = "AwsKmsKey",
        ["AWS::SecretsManager::Secret"] = "AwsSecretsManagerSecret",
        ["aws_secretsmanager_secret"] = "AwsSecretsManagerSecret",
        ["AWS::CloudTrail::Trail"] = "AwsCloudTrailTrail",
        ["aws_cloudtrail"] = "AwsCloudTrailTrail",
        ["AWS::CloudWatch::Alarm"] = "AwsCloudWatchAlarm",
        ["aws_cloudwatch_metric_alarm"] = "AwsCloudWatchAlarm",
        ["AWS::RDS::DBInstance"] = "AwsRdsDbInstance",
        ["aws_db_instance"] = "AwsRdsDbInstance",
        ["AWS::S3::Bucket"] = "AwsS3Bucket",
        ["aws_s3_bucket"] = "AwsS3Bucket",
        ["AWS::Lambda::Function"] = "AwsLambdaFunction",
        ["aws_lambda_function"] = "AwsLambdaFunction",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// An input the scan did not fully check, as an informational finding with compliance WARNING ("some information
    /// is missing"): Security Hub shows that the scan was partial, and archives the record once the input is checked.
    /// </summary>
    private void WriteIncomplete(Utf8JsonWriter json, ScanReport report, (string Path, bool Skipped, string Message) input, string path, string id, PreviousFinding? previous)
    {
        var now = Timestamp(options.Time);
        var created = PreviousTimestamp(previous, "CreatedAt") ?? now;
        var what = input.Skipped ? "Not checked" : "Checked only in part";

        json.WriteStartObject();
        json.WriteString("SchemaVersion", SchemaVersion);
        json.WriteString("Id", id);
        json.WriteString("ProductArn", productArn);
        json.WriteString("ProductName", "Shipshape");
        json.WriteString("CompanyName", "Shipshape");
        json.WriteString("GeneratorId", IncompleteGenerator);
        json.WriteString("AwsAccountId", accountId);
        json.WriteString("Region", region);
        WriteStrings(json, "Types", ["Software and Configuration Checks"]);
        json.WriteString("FirstObservedAt", PreviousTimestamp(previous, "FirstObservedAt") ?? created);
        json.WriteString("LastObservedAt", now);
        json.WriteString("CreatedAt", created);
        json.WriteString("UpdatedAt", now);
        WriteSeverity(json, "Severity", Severity.Info);
        json.WriteString("Title", ReportFacts.Clip($"{what} by Shipshape: {path}", MaxTitle));
        json.WriteString("Description", ReportFacts.Clip(NonBlank(input.Message, what), MaxDescription));
        WriteProductFields(json, [("shipshape/Path", path), ("shipshape/Incomplete", input.Skipped ? "skipped" : "partial"), ("shipshape/ToolVersion", report.ToolVersion)]);
        WriteResource(json, "Other", path, [("path", path), ("kind", "file")]);
        json.WriteStartObject("Compliance");
        json.WriteString("Status", "WARNING");
        json.WriteEndObject();
        json.WriteString("RecordState", "ACTIVE");
        json.WriteStartObject("Workflow");
        json.WriteString("Status", "NEW");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A previous record again, as Security Hub needs it to archive the finding: same Id, this account and Region,
    /// RecordState ARCHIVED, compliance PASSED, UpdatedAt now; Workflow left out, because BatchImportFindings cannot
    /// change it once the finding exists.
    /// </summary>
    private void WriteArchivedCopy(Utf8JsonWriter json, JsonElement record)
    {
        json.WriteStartObject();
        var hasCompliance = false;
        foreach (var property in record.EnumerateObject())
        {
            switch (property.Name)
            {
                case "ProductArn" or "AwsAccountId" or "Region" or "UpdatedAt" or "RecordState" or "Workflow" or "WorkflowState":
                    break;
                case "Compliance" when property.Value.ValueKind == JsonValueKind.Object:
                    hasCompliance = true;
                    json.WriteStartObject("Compliance");
                    json.WriteString("Status", "PASSED");
                    foreach (var field in property.Value.EnumerateObject().Where(f => f.Name != "Status"))
                    {
                        field.WriteTo(json);
                    }

                    json.WriteEndObject();
                    break;
                default:
                    property.WriteTo(json);
                    break;
            }
        }

        json.WriteString("ProductArn", productArn);
        json.WriteString("AwsAccountId", accountId);
        json.WriteString("Region", region);
        json.WriteString("UpdatedAt", Timestamp(options.Time));
        if (!hasCompliance)
        {
            WriteCompliance(json, [], "PASSED");
        }

        json.WriteString("RecordState", "ARCHIVED");
        json.WriteEndObject();
    }

    /// <summary>
    /// A finding known only from a baseline entry: a complete record built from the entry (rule, path, resource) and the
    /// rule's metadata where the report has it; the timestamps of its first import are unknown, so they are now.
    /// </summary>
    private void WriteArchivedFromBaseline(Utf8JsonWriter json, ScanReport report, PreviousFinding entry)
    {
        var ruleId = NonBlank(entry.RuleId ?? string.Empty, "shipshape");
        report.Rules.TryGetValue(ruleId, out var rule);
        var now = Timestamp(options.Time);
        var path = entry.Path ?? string.Empty;
        var types = rule is null ? [BestPracticesType] : TypesFor(rule);
        var severity = rule?.Severity ?? Severity.Info;
        var title = rule?.Title ?? ruleId;

        json.WriteStartObject();
        json.WriteString("SchemaVersion", SchemaVersion);
        json.WriteString("Id", ReportFacts.Clip(entry.Id, MaxId));
        json.WriteString("ProductArn", productArn);
        json.WriteString("ProductName", "Shipshape");
        json.WriteString("CompanyName", "Shipshape");
        json.WriteString("GeneratorId", ReportFacts.Clip(ruleId, MaxId));
        json.WriteString("AwsAccountId", accountId);
        json.WriteString("Region", region);
        WriteStrings(json, "Types", types);
        json.WriteString("CreatedAt", now);
        json.WriteString("UpdatedAt", now);
        WriteSeverity(json, "Severity", severity);
        json.WriteString("Title", ReportFacts.Clip(NonBlank(title, ruleId), MaxTitle));
        json.WriteString("Description", ReportFacts.Clip(
            $"No longer reported by Shipshape: {NonBlank(title, ruleId)} ({NonBlank(entry.Resource ?? string.Empty, path, "resource unknown")}{(path.Length > 0 ? " in " + path : string.Empty)}).",
            MaxDescription));
        var fields = new List<(string, string)> { ("shipshape/RuleId", ruleId), ("shipshape/Path", path), ("shipshape/ResourceAddress", entry.Resource ?? string.Empty) };
        WriteProductFields(json, fields);
        var resourceId = path.Length == 0 ? NonBlank(entry.Resource ?? string.Empty, entry.Id)
            : string.IsNullOrEmpty(entry.Resource) || entry.Resource == path ? path
            : path + "#" + entry.Resource;
        WriteResource(json, "Other", resourceId, [("path", path), ("address", entry.Resource ?? string.Empty)]);
        WriteCompliance(json, rule?.Frameworks ?? [], "PASSED");
        json.WriteString("RecordState", "ARCHIVED");
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string NonBlank(params string[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) ?? "(none)";

    /// <summary>
    /// The records of a previous ASFF export (this writer's JSON Lines of batches; a JSON array of findings or a
    /// BatchImportFindings request <c>{"Findings": [...]}</c> are read too): each record with a string Id.
    /// Throws <see cref="JsonException"/> or <see cref="FormatException"/> for anything else.
    /// </summary>
    public static List<PreviousFinding> ReadPrevious(ReadOnlyMemory<byte> content)
    {
        var found = new List<PreviousFinding>();
        var reader = new Utf8JsonReader(content.Span, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            Collect(document.RootElement, found, depth: 0);
        }

        return found;
    }

    private static void Collect(JsonElement element, List<PreviousFinding> found, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array when depth < 2:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, found, depth + 1);
                }

                break;
            case JsonValueKind.Object when element.TryGetProperty("Findings", out var findings) && findings.ValueKind == JsonValueKind.Array && depth == 0:
                Collect(findings, found, depth + 1);
                break;
            case JsonValueKind.Object when element.TryGetProperty("Id", out var id) && id.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetString()):
                found.Add(new PreviousFinding(id.GetString()!, element.Clone()));
                break;
            default:
                throw new FormatException("not an ASFF export: expected arrays of findings, each an object with an Id");
        }
    }
}
