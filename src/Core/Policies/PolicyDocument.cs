using Shipshape.Detection;
using Shipshape.Model;

namespace Shipshape.Policies
{
    /// <summary>An IAM policy document found somewhere: a standalone file, a template property, or (analyzers) C# code.</summary>
    public sealed class PolicyDocument
    {
        public PolicyDocument(MappingNode root, PolicyKind kind, string? resource = null)
        {
            Root = root;
            Kind = kind;
            Resource = resource;
        }

        public MappingNode Root { get; }
        public PolicyKind Kind { get; }

        /// <summary>The logical ID of the CloudFormation resource holding the policy, when it comes from a template.</summary>
        public string? Resource { get; }

        /// <summary>Resource-based policies name a principal; identity policies never do.</summary>
        public bool IsResourceBased => Kind != PolicyKind.IdentityPolicy;

        public bool IsEcrPolicy => Kind == PolicyKind.EcrRepositoryPolicy || Kind == PolicyKind.EcrRegistryPolicy;
    }
}
