using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Rules;

/// <summary>
/// The roles EKS pods run with are followed like ECS task roles: a service account's IRSA annotation
/// (EKS user guide, "IAM roles for service accounts") and EKS Pod Identity associations
/// (AWS::EKS::PodIdentityAssociation, aws_eks_pod_identity_association) lead to the role in the same scan.
/// </summary>
public sealed class WorkloadIdentityTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private const string AdminRoleCfn = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          ReportsRole:
            Type: AWS::IAM::Role
            Properties:
              RoleName: reports
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal:
                      Service: pods.eks.amazonaws.com
                    Action: [sts:AssumeRole, sts:TagSession]
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/AdministratorAccess
        """;

    private static string Deployment(string serviceAccountAnnotation) => $$"""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: reports
          namespace: finance
        {{serviceAccountAnnotation}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: reports
          namespace: finance
        spec:
          selector:
            matchLabels: { app: reports }
          template:
            metadata:
              labels: { app: reports }
            spec:
              serviceAccountName: reports
              containers:
                - name: reports
                  image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/reports:2.0.1
        """;

    [Fact]
    public void Scan_IrsaAnnotationNamingAnAdminRole_ReportsTheDeploymentAtItsServiceAccountName()
    {
        using var tree = new TempTree();
        tree.Write("iam.yaml", AdminRoleCfn);
        tree.Write("k8s/reports.yaml", Deployment("  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/reports"));

        var findings = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root] }).RelativeTo(tree.Root).Findings.Where(f => f.RuleId == "SHP-IAM-116").ToList();

        var finding = Assert.Single(findings);
        Assert.Equal("Deployment/finance/reports", finding.Resource.Address);
        Assert.Equal("k8s/reports.yaml", finding.Location.Path);
        Assert.Equal(21, finding.Location.StartLine);
        Assert.Contains("IRSA role of service account 'reports'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_PodIdentityAssociationInTerraform_LinksTheServiceAccountToTheRole()
    {
        using var tree = new TempTree();
        tree.Write("k8s/reports.yaml", Deployment(""));
        tree.Write("infra/main.tf", """
            resource "aws_iam_role" "reports" {
              name = "reports"
              assume_role_policy = jsonencode({
                Version = "2012-10-17"
                Statement = [{
                  Effect    = "Allow"
                  Principal = { Service = "pods.eks.amazonaws.com" }
                  Action    = ["sts:AssumeRole", "sts:TagSession"]
                }]
              })
            }

            resource "aws_iam_role_policy_attachment" "reports_admin" {
              role       = aws_iam_role.reports.name
              policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
            }

            resource "aws_eks_pod_identity_association" "reports" {
              cluster_name    = "prod"
              namespace       = "finance"
              service_account = "reports"
              role_arn        = aws_iam_role.reports.arn
            }
            """);

        var findings = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root] }).RelativeTo(tree.Root).Findings.Where(f => f.RuleId == "SHP-IAM-116").ToList();

        var finding = Assert.Single(findings);
        Assert.Equal("Deployment/finance/reports", finding.Resource.Address);
        Assert.Contains("Pod Identity role of service account 'reports' (aws_eks_pod_identity_association.reports)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_IrsaRoleWithoutAdminAndAssociationForAnotherNamespace_ReportsNothing()
    {
        using var tree = new TempTree();
        tree.Write("iam.yaml", AdminRoleCfn.Replace("arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", StringComparison.Ordinal)
            + """

              AdminRole:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: admin
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal:
                          Service: pods.eks.amazonaws.com
                        Action: [sts:AssumeRole, sts:TagSession]
                  ManagedPolicyArns:
                    - arn:aws:iam::aws:policy/AdministratorAccess
              OtherNamespace:
                Type: AWS::EKS::PodIdentityAssociation
                Properties:
                  ClusterName: prod
                  Namespace: tooling
                  ServiceAccount: reports
                  RoleArn: !GetAtt AdminRole.Arn
            """);
        tree.Write("k8s/reports.yaml", Deployment("  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/reports"));

        var findings = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root] }).RelativeTo(tree.Root).Findings;

        Assert.DoesNotContain(findings, f => f.RuleId == "SHP-IAM-116");
    }
}
