using System.Collections.Immutable;

namespace Shipshape.Rules.Iam;

/// <summary>
/// A known privilege-escalation path: every step must be allowed on an arbitrary resource; a step lists alternatives.
/// PassRole steps carry the service the role is passed to (the iam:PassedToService context key).
/// </summary>
internal sealed record EscalationPath(string Name, ImmutableArray<EscalationStep> Steps)
{
    public static ImmutableArray<EscalationPath> Known { get; } =
    [
        new("ECS task with a passed role", [Pass("ecs-tasks.amazonaws.com"), Any("ecs:RegisterTaskDefinition"), Any("ecs:RunTask", "ecs:StartTask", "ecs:CreateService", "ecs:UpdateService")]),
        new("ECS Exec into running tasks", [Any("ecs:ExecuteCommand")]),
        new("new version of a managed policy", [Any("iam:CreatePolicyVersion")]),
        new("default version of a managed policy", [Any("iam:SetDefaultPolicyVersion")]),
        new("attach a managed policy", [Any("iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:AttachRolePolicy")]),
        new("write an inline policy", [Any("iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:PutRolePolicy")]),
        new("access keys or passwords for other users", [Any("iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile")]),
        new("join a group", [Any("iam:AddUserToGroup")]),
        new("rewrite a trust policy", [Any("iam:UpdateAssumeRolePolicy")]),
        new("assume any role", [Any("sts:AssumeRole")]),
        new("Lambda function with a passed role", [Pass("lambda.amazonaws.com"), Any("lambda:CreateFunction"), Any("lambda:InvokeFunction", "lambda:CreateEventSourceMapping")]),
        new("Lambda code of an existing function", [Any("lambda:UpdateFunctionCode")]),
        new("EC2 instance with a passed role", [Pass("ec2.amazonaws.com"), Any("ec2:RunInstances")]),
        new("CloudFormation stack with a passed role", [Pass("cloudformation.amazonaws.com"), Any("cloudformation:CreateStack", "cloudformation:UpdateStack", "cloudformation:CreateChangeSet")]),
        new("Lambda configuration of an existing function", [Any("lambda:UpdateFunctionConfiguration")]),
        new("EC2 Auto Scaling instances with a passed role", [Pass("ec2.amazonaws.com"), Any("autoscaling:CreateLaunchConfiguration", "ec2:CreateLaunchTemplate", "ec2:CreateLaunchTemplateVersion"), Any("autoscaling:CreateAutoScalingGroup", "autoscaling:UpdateAutoScalingGroup")]),
        new("Glue development endpoint with a passed role", [Pass("glue.amazonaws.com"), Any("glue:CreateDevEndpoint")]),
        new("SSH key of an existing Glue development endpoint", [Any("glue:UpdateDevEndpoint")]),
        new("Glue job with a passed role", [Pass("glue.amazonaws.com"), Any("glue:CreateJob", "glue:UpdateJob"), Any("glue:StartJobRun", "glue:CreateTrigger")]),
        new("SageMaker notebook with a passed role", [Pass("sagemaker.amazonaws.com"), Any("sagemaker:CreateNotebookInstance"), Any("sagemaker:CreatePresignedNotebookInstanceUrl")]),
        new("SageMaker training or processing job with a passed role", [Pass("sagemaker.amazonaws.com"), Any("sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob")]),
        new("CodeBuild project with a passed role", [Pass("codebuild.amazonaws.com"), Any("codebuild:CreateProject", "codebuild:UpdateProject"), Any("codebuild:StartBuild", "codebuild:StartBuildBatch")]),
        new("Data Pipeline with a passed role", [Pass("datapipeline.amazonaws.com"), Any("datapipeline:CreatePipeline"), Any("datapipeline:PutPipelineDefinition"), Any("datapipeline:ActivatePipeline")]),
        new("App Runner service with a passed role", [Pass("tasks.apprunner.amazonaws.com"), Any("apprunner:CreateService")]),
        new("Batch job with a passed role", [Pass("ecs-tasks.amazonaws.com"), Any("batch:RegisterJobDefinition"), Any("batch:SubmitJob")]),
        new("remove a permissions boundary", [Any("iam:DeleteUserPermissionsBoundary", "iam:DeleteRolePermissionsBoundary", "iam:PutUserPermissionsBoundary", "iam:PutRolePermissionsBoundary")]),
        new("commands on instances through Systems Manager", [Any("ssm:SendCommand", "ssm:StartSession")]),
    ];

    private static EscalationStep Any(params string[] actions) => new([.. actions], null);

    private static EscalationStep Pass(string service) => new(["iam:PassRole"], service);
}
