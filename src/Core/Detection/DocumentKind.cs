namespace Shipshape.Detection
{
    /// <summary>What a document is; decides which rules apply.</summary>
    public enum DocumentKind
    {
        Unknown,
        CloudFormationTemplate,
        PolicyDocument,
        EcrLifecyclePolicy,
        EcrRegistryScanningConfiguration,
        EcsTaskDefinition,
        EksctlClusterConfig,

        /// <summary>A shell script (<c>*.sh</c>, <c>*.bash</c>, a sh/bash shebang).</summary>
        ShellScript,
        Makefile,
        Dockerfile,

        /// <summary>A GitHub Actions workflow, <c>.gitlab-ci.yml</c> or CodeBuild <c>buildspec.yml</c>: its shell steps are checked.</summary>
        CiPipeline,

        /// <summary>A docker client <c>config.json</c> (<c>auths</c>, <c>credHelpers</c>).</summary>
        DockerConfig,

        /// <summary>A Kubernetes <c>kubernetes.io/dockerconfigjson</c> Secret.</summary>
        KubernetesSecret,
    }

    /// <summary>The sub-kinds of IAM policy documents; several rules apply to some of them only.</summary>
    public enum PolicyKind
    {
        /// <summary>A resource-based policy of a service we do not model in detail.</summary>
        ResourcePolicy,
        EcrRepositoryPolicy,
        EcrRegistryPolicy,
        /// <summary>An ECR Public repository policy: public by design, so "public" is not a finding there.</summary>
        EcrPublicRepositoryPolicy,
        KmsKeyPolicy,
        IdentityPolicy,
        TrustPolicy,
    }

    public static class DocumentKindNames
    {
        public static string ToName(this DocumentKind kind)
        {
            switch (kind)
            {
                case DocumentKind.CloudFormationTemplate: return "cloudformation";
                case DocumentKind.PolicyDocument: return "iam-policy";
                case DocumentKind.EcrLifecyclePolicy: return "ecr-lifecycle-policy";
                case DocumentKind.EcrRegistryScanningConfiguration: return "ecr-registry-scanning";
                case DocumentKind.EcsTaskDefinition: return "ecs-task-definition";
                case DocumentKind.EksctlClusterConfig: return "eksctl-cluster-config";
                case DocumentKind.ShellScript: return "shell-script";
                case DocumentKind.Makefile: return "makefile";
                case DocumentKind.Dockerfile: return "dockerfile";
                case DocumentKind.CiPipeline: return "ci-pipeline";
                case DocumentKind.DockerConfig: return "docker-config";
                case DocumentKind.KubernetesSecret: return "kubernetes-secret";
                default: return "unknown";
            }
        }

        public static string ToName(this PolicyKind kind)
        {
            switch (kind)
            {
                case PolicyKind.EcrRepositoryPolicy: return "ecr-repository-policy";
                case PolicyKind.EcrRegistryPolicy: return "ecr-registry-policy";
                case PolicyKind.EcrPublicRepositoryPolicy: return "ecr-public-repository-policy";
                case PolicyKind.KmsKeyPolicy: return "kms-key-policy";
                case PolicyKind.IdentityPolicy: return "identity-policy";
                case PolicyKind.TrustPolicy: return "trust-policy";
                default: return "resource-policy";
            }
        }
    }
}
