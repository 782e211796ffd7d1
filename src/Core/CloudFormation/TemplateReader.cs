using System.Collections.Generic;
using Shipshape.Model;

namespace Shipshape.CloudFormation
{
    /// <summary>A resource of a CloudFormation template (JSON, YAML or a <c>cdk.out</c> synth).</summary>
    public sealed class TemplateResource
    {
        public TemplateResource(ScalarNode logicalIdKey, ScalarNode type, MappingNode definition, MappingNode? properties)
        {
            LogicalIdKey = logicalIdKey;
            LogicalId = logicalIdKey.Value;
            Type = type;
            Definition = definition;
            Properties = properties;
        }

        public string LogicalId { get; }

        /// <summary>The resource's key in <c>Resources</c>: where findings about absent properties land.</summary>
        public ScalarNode LogicalIdKey { get; }
        public ScalarNode Type { get; }
        public MappingNode Definition { get; }

        /// <summary>The <c>Properties</c> mapping; null when absent or unknown (an intrinsic).</summary>
        public MappingNode? Properties { get; }

        /// <summary>
        /// True when <c>Properties</c> is given but cannot be read (an intrinsic such as <c>Fn::If</c>): then every
        /// setting is unknown, unlike an absent <c>Properties</c>, where every setting has its default.
        /// </summary>
        public bool PropertiesAreUnknown
            => Properties == null && Definition.Get("Properties") is Node given && !(given is ScalarNode s && s.Kind == ScalarKind.Null);

        public string TypeName => Type.Value;
    }

    public static class TemplateReader
    {
        public static IEnumerable<TemplateResource> Resources(MappingNode template)
        {
            if (!(template.Get("Resources") is MappingNode resources)) yield break;
            foreach (var entry in resources.Entries)
            {
                if (!(entry.Value is MappingNode definition) || !(definition.Get("Type") is ScalarNode type) || !type.IsString) continue;
                var properties = definition.Get("Properties") as MappingNode;
                if (properties != null && properties.IsUnknown) properties = null;
                yield return new TemplateResource(entry.Key, type, definition, properties);
            }
        }
    }
}
