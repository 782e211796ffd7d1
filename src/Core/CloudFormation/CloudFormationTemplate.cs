using System;
using System.Collections.Generic;
using System.Linq;
using Shipshape.Model;

namespace Shipshape.CloudFormation
{
    /// <summary>A template and its resources, for rules that look across resources (a key used by a repository…).</summary>
    public sealed class CloudFormationTemplate
    {
        private readonly Dictionary<string, TemplateResource> _byId;
        // Rules ask for resources of a type once per subject (is this repository covered by a scanning configuration?):
        // a scan of every resource each time was quadratic in the template's size.
        private readonly Dictionary<string, List<TemplateResource>> _byType;

        public CloudFormationTemplate(MappingNode root)
        {
            Root = root;
            Resources = TemplateReader.Resources(root).ToList();
            _byId = new Dictionary<string, TemplateResource>(StringComparer.Ordinal);
            _byType = new Dictionary<string, List<TemplateResource>>(StringComparer.Ordinal);
            foreach (var r in Resources)
            {
                _byId[r.LogicalId] = r;
                if (!_byType.TryGetValue(r.TypeName, out var ofType)) _byType[r.TypeName] = ofType = new List<TemplateResource>();
                ofType.Add(r);
            }
        }

        public MappingNode Root { get; }
        public IReadOnlyList<TemplateResource> Resources { get; }

        public TemplateResource? Find(string logicalId) => _byId.TryGetValue(logicalId, out var r) ? r : null;

        /// <summary>The resources of a type, in template order.</summary>
        public IReadOnlyList<TemplateResource> OfType(string type) => _byType.TryGetValue(type, out var ofType) ? ofType : (IReadOnlyList<TemplateResource>)Array.Empty<TemplateResource>();

        /// <summary>The resource a <c>Ref</c> or <c>Fn::GetAtt</c> points at, if it is in this template.</summary>
        public TemplateResource? Resolve(Node? reference)
        {
            if (!(reference is MappingNode map) || map.Entries.Count != 1) return null;
            var entry = map.Entries[0];
            if (entry.Name == "Ref" && entry.Value is ScalarNode name) return Find(name.Value);
            if (entry.Name == "Fn::GetAtt" && entry.Value is SequenceNode parts && parts.Items.Count > 0 && parts.Items[0] is ScalarNode target)
                return Find(target.Value);
            return null;
        }
    }
}
