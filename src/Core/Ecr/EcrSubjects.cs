using Shipshape.CloudFormation;
using Shipshape.Model;

namespace Shipshape.Ecr
{
    /// <summary>
    /// An ECR repository's settings in CloudFormation's property names (<c>EncryptionConfiguration</c>,
    /// <c>ImageScanningConfiguration</c>…), whether they come from a template or from C# CDK code.
    /// </summary>
    public sealed class EcrRepository
    {
        public EcrRepository(MappingNode? properties, Node anchor, string? logicalId = null, CloudFormationTemplate? template = null, bool propertiesAreUnknown = false)
        {
            Properties = properties;
            PropertiesAreUnknown = propertiesAreUnknown || (properties != null && properties.IsUnknown);
            Anchor = anchor;
            LogicalId = logicalId;
            Template = template;
        }

        /// <summary>The properties; null when none are given (every setting then has its AWS default).</summary>
        public MappingNode? Properties { get; }

        /// <summary>The properties are there but unknown (an intrinsic): no setting can be judged.</summary>
        public bool PropertiesAreUnknown { get; }

        /// <summary>Where findings about settings that are absent land (the resource's logical ID, or the constructor call).</summary>
        public Node Anchor { get; }

        public string? LogicalId { get; }

        /// <summary>The template declaring the repository, for rules that look at other resources.</summary>
        public CloudFormationTemplate? Template { get; }

        public Node? Get(string property) => Properties?.Get(property);
    }

    /// <summary>An ECR lifecycle policy document (a standalone file or a <c>LifecyclePolicyText</c>).</summary>
    public sealed class EcrLifecyclePolicy
    {
        public EcrLifecyclePolicy(MappingNode root, string? logicalId = null)
        {
            Root = root;
            LogicalId = logicalId;
        }

        public MappingNode Root { get; }
        public string? LogicalId { get; }
    }

    /// <summary>
    /// A registry scanning configuration: the API's JSON (<c>scanType</c>, <c>rules[].scanFrequency</c>) or
    /// <c>AWS::ECR::RegistryScanningConfiguration</c> properties (<c>ScanType</c>, <c>Rules[].ScanFrequency</c>).
    /// </summary>
    public sealed class RegistryScanningConfiguration
    {
        public RegistryScanningConfiguration(MappingNode root, bool cloudFormationNames, Node anchor, CloudFormationTemplate? template = null)
        {
            Root = root;
            CloudFormationNames = cloudFormationNames;
            Anchor = anchor;
            Template = template;
        }

        public MappingNode Root { get; }

        /// <summary>True for CloudFormation's PascalCase property names, false for the API's camelCase.</summary>
        public bool CloudFormationNames { get; }

        public Node Anchor { get; }
        public CloudFormationTemplate? Template { get; }

        /// <summary>A field by its API name (<c>scanType</c>), read in the naming style of this configuration.</summary>
        public static Node? Field(MappingNode map, string apiName, bool cloudFormationNames)
            => map.Get(cloudFormationNames ? char.ToUpperInvariant(apiName[0]) + apiName.Substring(1) : apiName);
    }
}
