using System.Collections.Generic;
using Shipshape.CloudFormation;
using Shipshape.Model;
using Shipshape.Text;

namespace Shipshape.Ecs
{
    /// <summary>
    /// An ECS task definition: the API's JSON (<c>containerDefinitions[].environment[].name/value</c>,
    /// <c>executionRoleArn</c>, as register-task-definition takes it or describe-task-definition prints it) or
    /// the properties of an <c>AWS::ECS::TaskDefinition</c> (<c>ContainerDefinitions[].Environment[].Name/Value</c>,
    /// <c>ExecutionRoleArn</c>). Rules read fields by their API name; <see cref="Field"/> picks the spelling.
    /// </summary>
    public sealed class EcsTaskDefinition
    {
        public EcsTaskDefinition(MappingNode root, bool cloudFormationNames, SourceSpan anchor, string? logicalId = null, CloudFormationTemplate? template = null)
        {
            Root = root;
            CloudFormationNames = cloudFormationNames;
            Anchor = anchor;
            LogicalId = logicalId;
            Template = template;
        }

        /// <summary>The task definition's mapping (the resource's <c>Properties</c> in a template).</summary>
        public MappingNode Root { get; }

        /// <summary>True for CloudFormation's PascalCase property names, false for the API's camelCase.</summary>
        public bool CloudFormationNames { get; }

        /// <summary>Where findings about absent settings land: the mapping's head, or the resource's logical ID.</summary>
        public SourceSpan Anchor { get; }

        public string? LogicalId { get; }

        /// <summary>The template declaring the task definition, for rules that look at other resources (its roles).</summary>
        public CloudFormationTemplate? Template { get; }

        /// <summary>A field of the task definition by its API name (<c>executionRoleArn</c>).</summary>
        public Node? Get(string apiName) => Field(Root, apiName, CloudFormationNames);

        /// <summary>The known container definitions (intrinsics standing for a container are skipped).</summary>
        public IEnumerable<EcsContainer> Containers
        {
            get
            {
                if (!(Get("containerDefinitions") is SequenceNode list)) yield break;
                foreach (var item in list.Items)
                    if (item is MappingNode container && !container.IsUnknown) yield return new EcsContainer(container, CloudFormationNames);
            }
        }

        /// <summary>A field by its API name (<c>valueFrom</c>), read in the given naming style (<c>ValueFrom</c>).</summary>
        public static Node? Field(MappingNode map, string apiName, bool cloudFormationNames)
            => map.Get(cloudFormationNames ? char.ToUpperInvariant(apiName[0]) + apiName.Substring(1) : apiName);

        public static MappingEntry? FieldEntry(MappingNode map, string apiName, bool cloudFormationNames)
            => map.GetEntry(cloudFormationNames ? char.ToUpperInvariant(apiName[0]) + apiName.Substring(1) : apiName);
    }

    /// <summary>One container definition of a task definition.</summary>
    public sealed class EcsContainer
    {
        public EcsContainer(MappingNode definition, bool cloudFormationNames)
        {
            Definition = definition;
            CloudFormationNames = cloudFormationNames;
        }

        public MappingNode Definition { get; }
        public bool CloudFormationNames { get; }

        public Node? Get(string apiName) => EcsTaskDefinition.Field(Definition, apiName, CloudFormationNames);

        /// <summary>The container's name when it is a known string, for messages.</summary>
        public string? Name => Get("name") is ScalarNode s && s.IsString && s.Value.Length > 0 ? s.Value : null;

        /// <summary>The <c>environment</c> entries.</summary>
        public IEnumerable<NameValueEntry> Environment => Entries(Get("environment"), "value");

        /// <summary>The <c>secrets</c> entries.</summary>
        public IEnumerable<NameValueEntry> Secrets => Entries(Get("secrets"), "valueFrom");

        /// <summary>The <c>logConfiguration.secretOptions</c> entries (same shape as <c>secrets</c>).</summary>
        public IEnumerable<NameValueEntry> LogSecretOptions
            => Get("logConfiguration") is MappingNode log && !log.IsUnknown
                ? Entries(EcsTaskDefinition.Field(log, "secretOptions", CloudFormationNames), "valueFrom")
                : new NameValueEntry[0];

        /// <summary><c>repositoryCredentials.credentialsParameter</c>, when present (a Secrets Manager ARN).</summary>
        public Node? CredentialsParameter
            => Get("repositoryCredentials") is MappingNode creds && !creds.IsUnknown ? EcsTaskDefinition.Field(creds, "credentialsParameter", CloudFormationNames) : null;

        /// <summary>True when a list is an intrinsic or holds intrinsic items: it may hold more than can be seen.</summary>
        public bool HasUnknownItems(string apiName)
        {
            var node = Get(apiName);
            if (node == null) return false;
            if (node.IsUnknown) return true;
            if (node is SequenceNode list)
                foreach (var item in list.Items)
                    if (item.IsUnknown) return true;
            return false;
        }

        private IEnumerable<NameValueEntry> Entries(Node? list, string valueField)
        {
            if (!(list is SequenceNode items)) yield break;
            foreach (var item in items.Items)
            {
                if (!(item is MappingNode entry) || entry.IsUnknown) continue;
                yield return new NameValueEntry(entry,
                    EcsTaskDefinition.Field(entry, "name", CloudFormationNames),
                    EcsTaskDefinition.Field(entry, valueField, CloudFormationNames));
            }
        }
    }

    /// <summary>A <c>{name, value}</c> or <c>{name, valueFrom}</c> entry.</summary>
    public sealed class NameValueEntry
    {
        public NameValueEntry(MappingNode entry, Node? name, Node? value)
        {
            Entry = entry;
            Name = name;
            Value = value;
        }

        public MappingNode Entry { get; }
        public Node? Name { get; }
        public Node? Value { get; }

        /// <summary>The name when it is a known, non-empty string.</summary>
        public string? NameText => Name is ScalarNode s && s.IsString && s.Value.Length > 0 ? s.Value : null;
    }
}
