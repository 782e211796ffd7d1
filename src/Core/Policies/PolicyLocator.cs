using System.Collections.Generic;
using Shipshape.CloudFormation;
using Shipshape.Detection;
using Shipshape.Model;
using Shipshape.Parsing;

namespace Shipshape.Policies
{
    /// <summary>Finds the IAM policy documents held by template resources, in object or string form.</summary>
    public static class PolicyLocator
    {
        public static void FromTemplate(MappingNode template, List<PolicyDocument> policies, List<ParseProblem> problems, ParseLimits limits)
        {
            foreach (var resource in TemplateReader.Resources(template))
            {
                var props = resource.Properties;
                if (props == null) continue;
                switch (resource.TypeName)
                {
                    case "AWS::ECR::Repository":
                        Add(props.Get("RepositoryPolicyText"), PolicyKind.EcrRepositoryPolicy, resource, policies, problems, limits);
                        break;
                    case "AWS::ECR::PublicRepository":
                        Add(props.Get("RepositoryPolicyText"), PolicyKind.EcrPublicRepositoryPolicy, resource, policies, problems, limits);
                        break;
                    case "AWS::ECR::RepositoryCreationTemplate":
                        Add(props.Get("RepositoryPolicy"), PolicyKind.EcrRepositoryPolicy, resource, policies, problems, limits);
                        break;
                    case "AWS::ECR::RegistryPolicy":
                        Add(props.Get("PolicyText"), PolicyKind.EcrRegistryPolicy, resource, policies, problems, limits);
                        break;
                    case "AWS::KMS::Key":
                    case "AWS::KMS::ReplicaKey":
                        Add(props.Get("KeyPolicy"), PolicyKind.KmsKeyPolicy, resource, policies, problems, limits);
                        break;
                    case "AWS::IAM::Role":
                        Add(props.Get("AssumeRolePolicyDocument"), PolicyKind.TrustPolicy, resource, policies, problems, limits);
                        AddInlinePolicies(props, resource, policies, problems, limits);
                        break;
                    case "AWS::IAM::User":
                    case "AWS::IAM::Group":
                        AddInlinePolicies(props, resource, policies, problems, limits);
                        break;
                    case "AWS::IAM::Policy":
                    case "AWS::IAM::ManagedPolicy":
                    case "AWS::IAM::RolePolicy":
                    case "AWS::IAM::UserPolicy":
                    case "AWS::IAM::GroupPolicy":
                        Add(props.Get("PolicyDocument"), PolicyKind.IdentityPolicy, resource, policies, problems, limits);
                        break;
                }
            }
        }

        private static void AddInlinePolicies(MappingNode props, TemplateResource resource, List<PolicyDocument> policies, List<ParseProblem> problems, ParseLimits limits)
        {
            if (!(props.Get("Policies") is SequenceNode list)) return;
            foreach (var item in list.Items)
                if (item is MappingNode inline && !inline.IsUnknown)
                    Add(inline.Get("PolicyDocument"), PolicyKind.IdentityPolicy, resource, policies, problems, limits);
        }

        /// <summary>Adds a policy given as a mapping or as a JSON string; an intrinsic is unknown and skipped.</summary>
        private static void Add(Node? value, PolicyKind kind, TemplateResource resource, List<PolicyDocument> policies, List<ParseProblem> problems, ParseLimits limits)
        {
            if (value == null || value.IsUnknown) return;
            if (value is MappingNode map)
            {
                policies.Add(new PolicyDocument(map, kind, resource.LogicalId));
                return;
            }
            if (value is ScalarNode text && text.IsString && text.Value.Trim().Length > 0)
            {
                var parsed = EmbeddedJson.Parse(text, limits);
                problems.AddRange(parsed.Problems);
                if (parsed.Succeeded && parsed.Documents.Count == 1 && parsed.Documents[0] is MappingNode embedded)
                    policies.Add(new PolicyDocument(embedded, kind, resource.LogicalId));
            }
        }
    }
}
