using System;
using System.Collections.Generic;
using System.Text;
using Shipshape.CloudFormation;
using Shipshape.Detection;
using Shipshape.Ecr;
using Shipshape.Ecs;
using Shipshape.Eks;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Policies;
using Shipshape.Shell;
using Shipshape.Text;

namespace Shipshape.Engine
{
    /// <summary>
    /// Turns a parsed document into the subjects rules check: policies, repositories, lifecycle policies,
    /// scanning configurations, the shell steps of CI pipelines, docker configurations. Templates are
    /// searched property by property; JSON given as a string is parsed in place (its syntax errors become
    /// findings at their position in the file).
    /// </summary>
    internal sealed class SubjectExtractor
    {
        private readonly List<object> _subjects;
        private readonly List<ParseProblem> _problems;
        private readonly ParseLimits _limits;

        public SubjectExtractor(List<object> subjects, List<ParseProblem> problems, ParseLimits limits)
        {
            _subjects = subjects;
            _problems = problems;
            _limits = limits;
        }

        /// <summary>
        /// A file that is only the list of container definitions (<c>--container-definitions file://…</c>, Terraform's
        /// <c>container_definitions</c>): a task definition whose other settings (family, execution role) are elsewhere,
        /// so unknown. The rules see it as a task definition without <c>family</c>, i.e. a fragment.
        /// </summary>
        public void FromContainerDefinitions(SequenceNode list)
        {
            var key = new ScalarNode(new SourceSpan(list.Span.Source, list.Span.Start, list.Span.Start), "containerDefinitions", ScalarKind.String, ScalarStyle.Verbatim);
            var root = new MappingNode(list.Span, new List<MappingEntry> { new MappingEntry(key, list) });
            var anchor = new SourceSpan(list.Span.Source, list.Span.Start, Math.Min(list.Span.Start + 1, list.Span.End));
            _subjects.Add(new EcsTaskDefinition(root, cloudFormationNames: false, anchor));
        }

        public void FromDocument(MappingNode root, DocumentKind kind, PolicyKind? namedPolicy)
        {
            switch (kind)
            {
                case DocumentKind.PolicyDocument:
                    _subjects.Add(new PolicyDocument(root, namedPolicy ?? KindDetector.PolicyKindFromContent(root)));
                    break;
                case DocumentKind.EcrLifecyclePolicy:
                    _subjects.Add(new EcrLifecyclePolicy(root));
                    break;
                case DocumentKind.EcrRegistryScanningConfiguration:
                    // describe-registry-scanning-configuration wraps the configuration.
                    var scanning = root.Get("scanningConfiguration") as MappingNode ?? root;
                    _subjects.Add(new RegistryScanningConfiguration(scanning, cloudFormationNames: false, scanning));
                    break;
                case DocumentKind.CloudFormationTemplate:
                    FromTemplate(new CloudFormationTemplate(root));
                    break;
                case DocumentKind.EksctlClusterConfig:
                    _subjects.Add(EksCluster.FromEksctl(root));
                    break;
                case DocumentKind.EcsTaskDefinition:
                    // describe-task-definition wraps the task definition.
                    var task = root.Get("taskDefinition") is MappingNode wrapped && wrapped.Get("containerDefinitions") is SequenceNode ? wrapped : root;
                    _subjects.Add(new EcsTaskDefinition(task, cloudFormationNames: false, task.Head));
                    break;
                case DocumentKind.CiPipeline:
                    _subjects.AddRange(CiSteps.Read(root));
                    break;
                case DocumentKind.DockerConfig:
                    _subjects.Add(new DockerConfig(root));
                    break;
                case DocumentKind.KubernetesSecret:
                    FromDockerConfigSecret(root);
                    break;
            }
        }

        /// <summary>
        /// <c>data[".dockerconfigjson"]</c> is base64 of the JSON: decoded and read, its findings land on the value.
        /// <c>stringData[".dockerconfigjson"]</c> is the JSON itself, read in place.
        /// </summary>
        private void FromDockerConfigSecret(MappingNode secret)
        {
            if ((secret.Get("data") as MappingNode)?.Get(".dockerconfigjson") is ScalarNode encoded && encoded.IsString)
            {
                string? json = DecodeBase64(encoded.Value);
                if (json != null)
                {
                    // Positions inside base64 mean nothing: every node of the decoded document points at the value.
                    var map = new int[json.Length + 1];
                    for (int i = 0; i < map.Length; i++) map[i] = encoded.Span.Start;
                    var parsed = JsonParser.ParseEmbedded(encoded.Span.Source, json, map, _limits);
                    if (parsed.Succeeded && parsed.Documents.Count == 1 && parsed.Documents[0] is MappingNode config) _subjects.Add(new DockerConfig(config, encoded));
                }
            }
            var plain = ReadJson((secret.Get("stringData") as MappingNode)?.Get(".dockerconfigjson"));
            if (plain != null) _subjects.Add(new DockerConfig(plain));
        }

        private static string? DecodeBase64(string value)
        {
            try
            {
                // Whitespace (a folded value) is ignored by the decoder.
                var bytes = Convert.FromBase64String(value);
                return new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (Exception ex) when (ex is FormatException || ex is ArgumentException)
            {
                return null;
            }
        }

        private void FromTemplate(CloudFormationTemplate template)
        {
            foreach (var resource in template.Resources)
            {
                var props = resource.Properties;
                switch (resource.TypeName)
                {
                    case "AWS::ECR::Repository":
                        _subjects.Add(new EcrRepository(props, resource.LogicalIdKey, resource.LogicalId, template, resource.PropertiesAreUnknown));
                        if (props == null) break;
                        AddPolicy(props.Get("RepositoryPolicyText"), PolicyKind.EcrRepositoryPolicy, resource);
                        if (props.Get("LifecyclePolicy") is MappingNode lifecycle && !lifecycle.IsUnknown)
                        {
                            var text = ReadJson(lifecycle.Get("LifecyclePolicyText"));
                            if (text != null) _subjects.Add(new EcrLifecyclePolicy(text, resource.LogicalId));
                        }
                        break;
                    case "AWS::ECR::PublicRepository":
                        if (props != null) AddPolicy(props.Get("RepositoryPolicyText"), PolicyKind.EcrPublicRepositoryPolicy, resource);
                        break;
                    case "AWS::ECR::RepositoryCreationTemplate":
                        if (props == null) break;
                        AddPolicy(props.Get("RepositoryPolicy"), PolicyKind.EcrRepositoryPolicy, resource);
                        var templateLifecycle = ReadJson(props.Get("LifecyclePolicy"));
                        if (templateLifecycle != null) _subjects.Add(new EcrLifecyclePolicy(templateLifecycle, resource.LogicalId));
                        break;
                    case "AWS::ECR::RegistryPolicy":
                        if (props != null) AddPolicy(props.Get("PolicyText"), PolicyKind.EcrRegistryPolicy, resource);
                        break;
                    case "AWS::ECR::RegistryScanningConfiguration":
                        // Without Properties, ScanType and Rules (both required) are missing: seen as an empty mapping.
                        if (props != null || !resource.PropertiesAreUnknown)
                            _subjects.Add(new RegistryScanningConfiguration(props ?? new MappingNode(resource.Definition.Span, new List<MappingEntry>()), cloudFormationNames: true, resource.LogicalIdKey, template));
                        break;
                    case "AWS::EKS::Cluster":
                        // Properties that are an intrinsic (or not a mapping) say nothing about logging.
                        _subjects.Add(EksCluster.FromCloudFormation(props, resource.PropertiesAreUnknown, resource.LogicalIdKey.Span, resource.LogicalId, template));
                        break;
                    case "AWS::ECS::TaskDefinition":
                        if (props != null) _subjects.Add(new EcsTaskDefinition(props, cloudFormationNames: true, resource.LogicalIdKey.Span, resource.LogicalId, template));
                        break;
                    case "AWS::KMS::Key":
                    case "AWS::KMS::ReplicaKey":
                        if (props != null) AddPolicy(props.Get("KeyPolicy"), PolicyKind.KmsKeyPolicy, resource);
                        break;
                    case "AWS::IAM::Role":
                        if (props == null) break;
                        AddPolicy(props.Get("AssumeRolePolicyDocument"), PolicyKind.TrustPolicy, resource);
                        AddInlinePolicies(props, resource);
                        break;
                    case "AWS::IAM::User":
                    case "AWS::IAM::Group":
                        if (props != null) AddInlinePolicies(props, resource);
                        break;
                    case "AWS::IAM::Policy":
                    case "AWS::IAM::ManagedPolicy":
                    case "AWS::IAM::RolePolicy":
                    case "AWS::IAM::UserPolicy":
                    case "AWS::IAM::GroupPolicy":
                        if (props != null) AddPolicy(props.Get("PolicyDocument"), PolicyKind.IdentityPolicy, resource);
                        break;
                }
            }
        }

        private void AddInlinePolicies(MappingNode props, TemplateResource resource)
        {
            if (!(props.Get("Policies") is SequenceNode list)) return;
            foreach (var item in list.Items)
                if (item is MappingNode inline && !inline.IsUnknown)
                    AddPolicy(inline.Get("PolicyDocument"), PolicyKind.IdentityPolicy, resource);
        }

        private void AddPolicy(Node? value, PolicyKind kind, TemplateResource resource)
        {
            var policy = ReadJson(value);
            if (policy != null) _subjects.Add(new PolicyDocument(policy, kind, resource.LogicalId));
        }

        /// <summary>A mapping given as an object or as a JSON string; null when absent, unknown (an intrinsic) or unreadable.</summary>
        private MappingNode? ReadJson(Node? value)
        {
            if (value == null || value.IsUnknown) return null;
            if (value is MappingNode map) return map;
            if (value is ScalarNode text && text.IsString)
            {
                if (text.Value.Trim().Length == 0)
                {
                    _problems.Add(NotAnObject(text, "an empty string"));
                    return null;
                }
                var parsed = EmbeddedJson.Parse(text, _limits);
                _problems.AddRange(parsed.Problems);
                if (!parsed.Succeeded || parsed.Documents.Count != 1) return null;
                if (parsed.Documents[0] is MappingNode embedded) return embedded;
                _problems.Add(NotAnObject(parsed.Documents[0], Describe(parsed.Documents[0])));
                return null;
            }
            // A YAML null (an empty value) is left alone: CloudFormation treats it as absent.
            if (value is ScalarNode scalar && scalar.Kind == ScalarKind.Null) return null;
            _problems.Add(NotAnObject(value, Describe(value)));
            return null;
        }

        /// <summary>JSON that parses but is not an object: AWS rejects it, and no rule could read it, so say so.</summary>
        private static ParseProblem NotAnObject(Node at, string what)
            => new ParseProblem(EngineRuleIds.SyntaxError, at.Span, "expected a JSON object here, found " + what);

        private static string Describe(Node node)
        {
            switch (node)
            {
                case SequenceNode _: return "a list";
                case ScalarNode s when s.Kind == ScalarKind.Number: return "a number";
                case ScalarNode s when s.Kind == ScalarKind.Boolean: return "a boolean";
                case ScalarNode s when s.Kind == ScalarKind.Null: return "null";
                default: return "a string";
            }
        }
    }
}
