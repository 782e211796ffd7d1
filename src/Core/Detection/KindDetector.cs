using System;
using System.IO;
using System.Linq;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Detection
{
    /// <summary>
    /// Decides what a document is: file-name conventions first (they state the author's intent), then content.
    /// </summary>
    public static class KindDetector
    {
        /// <summary>The kind a file name states, if any (e.g. <c>prod-repository-policy.json</c>).</summary>
        public static (DocumentKind Kind, PolicyKind? Policy) FromFileName(string path)
        {
            string name = Path.GetFileName(path).ToLowerInvariant();
            if (name.Contains("repository-policy") || name.Contains("repo-policy")) return (DocumentKind.PolicyDocument, PolicyKind.EcrRepositoryPolicy);
            if (name.Contains("registry-policy")) return (DocumentKind.PolicyDocument, PolicyKind.EcrRegistryPolicy);
            if (name.Contains("lifecycle-policy")) return (DocumentKind.EcrLifecyclePolicy, null);
            if (name.Contains("registry-scanning")) return (DocumentKind.EcrRegistryScanningConfiguration, null);
            if (name.Contains("task-definition") || name.Contains("taskdef")
                || name.Contains("container-definition") || name.Contains("container_definition")) return (DocumentKind.EcsTaskDefinition, null);
            if (Shell.CiSteps.FlavorOf(path) != Shell.CiFlavor.None) return (DocumentKind.CiPipeline, null);
            if (name == "config.json" && path.Replace('\\', '/').EndsWith(".docker/config.json", StringComparison.OrdinalIgnoreCase)) return (DocumentKind.DockerConfig, null);
            return (DocumentKind.Unknown, null);
        }

        /// <summary>
        /// A cheap look at the raw text: false when no kind we check can be in it, so most unrelated
        /// JSON/YAML files in a repository are never parsed.
        /// </summary>
        public static bool MayBeRelevant(string text)
        {
            return text.IndexOf("Statement", StringComparison.Ordinal) >= 0
                || text.IndexOf("Resources", StringComparison.Ordinal) >= 0
                || text.IndexOf("AWSTemplateFormatVersion", StringComparison.Ordinal) >= 0
                || text.IndexOf("containerDefinitions", StringComparison.Ordinal) >= 0
                || text.IndexOf("rulePriority", StringComparison.Ordinal) >= 0
                || text.IndexOf("scanFrequency", StringComparison.Ordinal) >= 0
                || text.IndexOf("scanningConfiguration", StringComparison.Ordinal) >= 0
                || text.IndexOf("eksctl.io", StringComparison.Ordinal) >= 0
                || text.IndexOf("\"auths\"", StringComparison.Ordinal) >= 0
                || text.IndexOf("dockerconfigjson", StringComparison.Ordinal) >= 0
                || (StartsWithBracket(text) && text.IndexOf("\"image\"", StringComparison.Ordinal) >= 0);
        }

        /// <summary>True when the first character that is not whitespace (or a BOM) opens a JSON list.</summary>
        private static bool StartsWithBracket(string text)
        {
            foreach (char c in text)
            {
                if (c == '[') return true;
                if (!char.IsWhiteSpace(c) && c != '\uFEFF') return false;
            }
            return false;
        }

        /// <summary>
        /// The kind of a document. Content that is unmistakable wins (a template named
        /// <c>web-task-definition.yaml</c> is still a template); the file name decides when the content is
        /// ambiguous or incomplete (a half-written lifecycle policy) and names the policy sub-kind.
        /// </summary>
        public static DocumentKind Resolve(DocumentKind namedKind, Node root)
        {
            DocumentKind content = FromContent(root);
            return content != DocumentKind.Unknown ? content : namedKind;
        }

        /// <summary>The kind of a parsed document by its content.</summary>
        public static DocumentKind FromContent(Node root)
        {
            if (root is SequenceNode list) return IsContainerDefinitionList(list) ? DocumentKind.EcsTaskDefinition : DocumentKind.Unknown;
            if (!(root is MappingNode map)) return DocumentKind.Unknown;
            if (map.Has("AWSTemplateFormatVersion") || IsResourcesSection(map.Get("Resources"))) return DocumentKind.CloudFormationTemplate;
            if (map.Has("Statement")) return DocumentKind.PolicyDocument;
            if (map.Get("containerDefinitions") is SequenceNode) return DocumentKind.EcsTaskDefinition;
            if (map.Get("taskDefinition") is MappingNode wrapped && wrapped.Get("containerDefinitions") is SequenceNode) return DocumentKind.EcsTaskDefinition;
            if (map.Get("apiVersion") is ScalarNode api && api.Value.StartsWith("eksctl.io/", StringComparison.Ordinal)
                && map.Get("kind") is ScalarNode kind && kind.Value == "ClusterConfig") return DocumentKind.EksctlClusterConfig;
            if (map.Get("rules") is SequenceNode rules && rules.Items.Count > 0 && rules.Items[0] is MappingNode first)
            {
                if (first.Has("rulePriority") || first.Has("selection")) return DocumentKind.EcrLifecyclePolicy;
                // Replication configurations also have rules with repositoryFilters, but with destinations.
                if (first.Has("scanFrequency") || (first.Has("repositoryFilters") && !first.Has("destinations"))) return DocumentKind.EcrRegistryScanningConfiguration;
            }
            if (map.Get("scanningConfiguration") is MappingNode scanning && scanning.Has("rules")) return DocumentKind.EcrRegistryScanningConfiguration;
            if (map.Get("kind") is ScalarNode secret && secret.Value == "Secret"
                && map.Get("type") is ScalarNode secretType && secretType.Value == "kubernetes.io/dockerconfigjson") return DocumentKind.KubernetesSecret;
            if (map.Get("auths") is MappingNode) return DocumentKind.DockerConfig;
            return DocumentKind.Unknown;
        }

        // Members only ECS container definitions have (Kubernetes containers say env, ports, resources).
        private static readonly string[] EcsContainerMembers =
        {
            "essential", "portMappings", "environment", "secrets", "memory", "memoryReservation", "logConfiguration",
            "mountPoints", "dependsOn", "healthCheck", "environmentFiles", "repositoryCredentials", "firelensConfiguration",
        };

        /// <summary>
        /// A list of ECS container definitions on its own: what <c>register-task-definition --container-definitions
        /// file://…</c> and Terraform's <c>container_definitions = file(…)</c> read. Every item has a name and an image,
        /// and one has a member only ECS container definitions have.
        /// </summary>
        private static bool IsContainerDefinitionList(SequenceNode list)
        {
            if (list.Items.Count == 0) return false;
            bool ecs = false;
            foreach (var item in list.Items)
            {
                if (!(item is MappingNode container) || !container.Has("name") || !container.Has("image")) return false;
                if (!ecs) ecs = EcsContainerMembers.Any(container.Has);
            }
            return ecs;
        }

        private static bool IsResourcesSection(Node? node)
        {
            if (!(node is MappingNode resources) || resources.Entries.Count == 0) return false;
            foreach (var entry in resources.Entries)
                if (entry.Value is MappingNode resource && resource.Get("Type") is ScalarNode type && type.Value.Contains("::"))
                    return true;
            return false;
        }

        /// <summary>The sub-kind of a standalone policy by its content.</summary>
        public static PolicyKind PolicyKindFromContent(MappingNode policy)
        {
            bool hasPrincipal = false, hasResource = false;
            bool allEcr = true, allKms = true, allSts = true, allRegistry = true, anyPrefixed = false;
            foreach (var statement in PolicyReader.Statements(policy))
            {
                if (statement.Has("Principal") || statement.Has("NotPrincipal")) hasPrincipal = true;
                if (statement.Has("Resource") || statement.Has("NotResource")) hasResource = true;
                foreach (var action in PolicyReader.Strings(statement.Get("Action")).Concat(PolicyReader.Strings(statement.Get("NotAction"))))
                {
                    // "*" says nothing about the service; the prefixed actions do.
                    string a = action.Value.ToLowerInvariant();
                    if (a.IndexOf(':') < 0) continue;
                    anyPrefixed = true;
                    if (!a.StartsWith("ecr:", StringComparison.Ordinal)) allEcr = false;
                    if (!a.StartsWith("kms:", StringComparison.Ordinal)) allKms = false;
                    if (!(a.StartsWith("sts:assumerole", StringComparison.Ordinal) || a == "sts:tagsession" || a == "sts:setsourceidentity" || a == "sts:setcontext")) allSts = false;
                    if (!(a == "ecr:replicateimage" || a == "ecr:createrepository" || a == "ecr:batchimportupstreamimage")) allRegistry = false;
                }
            }
            if (!hasPrincipal) return PolicyKind.IdentityPolicy;
            if (!anyPrefixed) return PolicyKind.ResourcePolicy;
            // Registry policies grant replication/creation on repository ARNs; repository policies name no resource.
            if (allEcr) return allRegistry && hasResource ? PolicyKind.EcrRegistryPolicy : PolicyKind.EcrRepositoryPolicy;
            if (allKms) return PolicyKind.KmsKeyPolicy;
            if (allSts) return PolicyKind.TrustPolicy;
            return PolicyKind.ResourcePolicy;
        }
    }
}
