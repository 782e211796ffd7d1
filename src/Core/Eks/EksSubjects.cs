using System.Collections.Generic;
using Shipshape.CloudFormation;
using Shipshape.Model;
using Shipshape.Text;

namespace Shipshape.Eks
{
    /// <summary>Where an EKS cluster is declared: its logging settings are spelled differently in each.</summary>
    public enum EksClusterFormat
    {
        /// <summary>An eksctl <c>ClusterConfig</c>: <c>cloudWatch.clusterLogging.enableTypes</c> and <c>logRetentionInDays</c>.</summary>
        Eksctl,

        /// <summary><c>AWS::EKS::Cluster</c> properties: <c>Logging.ClusterLogging.EnabledTypes[].Type</c>.</summary>
        CloudFormation,
    }

    /// <summary>One item of the enabled log types list.</summary>
    public sealed class EksLogTypeEntry
    {
        public EksLogTypeEntry(Node node, ScalarNode? value, bool isUnknown, bool isBareString)
        {
            Node = node;
            Value = value;
            IsUnknown = isUnknown;
            IsBareString = isBareString;
        }

        /// <summary>The list item as written.</summary>
        public Node Node { get; }

        /// <summary>The log type token (eksctl: the item; CloudFormation: the item's <c>Type</c>); null when absent, null-valued or unknown.</summary>
        public ScalarNode? Value { get; }

        /// <summary>Only known at deploy time (an intrinsic) or a template placeholder such as <c>${LOG_TYPE}</c>.</summary>
        public bool IsUnknown { get; }

        /// <summary>CloudFormation only: a plain string where an object <c>{Type: …}</c> belongs.</summary>
        public bool IsBareString { get; }
    }

    /// <summary>
    /// An EKS cluster's control-plane logging settings, read from an eksctl <c>ClusterConfig</c> or from
    /// <c>AWS::EKS::Cluster</c> properties (a template, or C# CDK code with CloudFormation property names).
    /// Whatever is only known at deploy time makes <see cref="LoggingUnknown"/> true; rules then stay silent.
    /// </summary>
    public sealed class EksCluster
    {
        private EksCluster(EksClusterFormat format, string description, SourceSpan anchor, bool loggingUnknown, Node? enabledTypes,
            IReadOnlyList<EksLogTypeEntry> entries, MappingEntry? retention, string? logicalId, CloudFormationTemplate? template, string? typesPath = null)
        {
            _typesPath = typesPath;
            Format = format;
            Description = description;
            Anchor = anchor;
            LoggingUnknown = loggingUnknown;
            EnabledTypes = enabledTypes;
            Entries = entries;
            Retention = retention;
            LogicalId = logicalId;
            Template = template;
        }

        private readonly string? _typesPath;

        public EksClusterFormat Format { get; }

        /// <summary>How messages name the cluster: <c>Cluster 'name'</c> (eksctl <c>metadata.name</c> or the logical ID).</summary>
        public string Description { get; }

        /// <summary>
        /// Where findings about absent settings land: the <c>cloudWatch</c> key (else <c>metadata</c>) of a
        /// <c>ClusterConfig</c>; the <c>Logging</c> property (else the logical ID) of a resource.
        /// </summary>
        public SourceSpan Anchor { get; }

        /// <summary>True when the logging settings (or a mapping above the types list) are an intrinsic, a placeholder or not a mapping.</summary>
        public bool LoggingUnknown { get; }

        /// <summary>The enabled types list as written (<c>enableTypes</c> / <c>EnabledTypes</c>); null when absent or null-valued.</summary>
        public Node? EnabledTypes { get; }

        /// <summary>
        /// Where <see cref="EnabledTypes"/> is written: from its first token to the end of its last item. (A YAML
        /// block sequence's own span runs on to the next token, over trailing comments and blank lines.)
        /// </summary>
        public SourceSpan? EnabledTypesSpan => EnabledTypes == null ? (SourceSpan?)null : ContentSpan(EnabledTypes);

        /// <summary>The items of <see cref="EnabledTypes"/> when it is a list.</summary>
        public IReadOnlyList<EksLogTypeEntry> Entries { get; }

        /// <summary>eksctl only: the <c>logRetentionInDays</c> entry, if written.</summary>
        public MappingEntry? Retention { get; }

        public string? LogicalId { get; }
        public CloudFormationTemplate? Template { get; }

        /// <summary>The path of the enabled types list, as users write it in this format.</summary>
        public string TypesPath => _typesPath ?? (Format == EksClusterFormat.Eksctl ? "cloudWatch.clusterLogging.enableTypes" : "Logging.ClusterLogging.EnabledTypes");

        /// <summary>True when the types list is readable, non-empty and none of its items is unknown.</summary>
        public bool HasKnownTypes
        {
            get
            {
                if (LoggingUnknown || !(EnabledTypes is SequenceNode list) || list.Items.Count == 0) return false;
                foreach (var entry in Entries)
                    if (entry.IsUnknown) return false;
                return true;
            }
        }

        /// <summary>An eksctl <c>ClusterConfig</c> document.</summary>
        public static EksCluster FromEksctl(MappingNode config)
        {
            var cloudWatch = config.GetEntry("cloudWatch");
            var metadata = config.GetEntry("metadata");
            SourceSpan anchor = cloudWatch?.Key.Span ?? metadata?.Key.Span ?? config.Head;
            string description = metadata?.Value is MappingNode meta && meta.Get("name") is ScalarNode name && name.IsString
                && name.Value.Length > 0 && !EksLogTypes.IsPlaceholder(name.Value)
                ? "Cluster '" + name.Value + "'"
                : "This cluster";

            var (clusterLogging, unknown) = Descend(config, "cloudWatch", "clusterLogging");
            Node? types = null;
            MappingEntry? retention = null;
            var entries = new List<EksLogTypeEntry>();
            if (clusterLogging != null)
            {
                var typesEntry = clusterLogging.GetEntry("enableTypes");
                types = IsAbsent(typesEntry?.Value) ? null : typesEntry!.Value;
                retention = clusterLogging.GetEntry("logRetentionInDays");
                if (types != null && !(types is SequenceNode)) unknown = true;
                if (types is SequenceNode list)
                {
                    foreach (var item in list.Items)
                    {
                        if (item is ScalarNode scalar)
                        {
                            if (scalar.Kind == ScalarKind.Null) continue;
                            bool placeholder = EksLogTypes.IsPlaceholder(scalar.Value);
                            entries.Add(new EksLogTypeEntry(item, placeholder ? null : scalar, placeholder, isBareString: false));
                        }
                        else
                        {
                            entries.Add(new EksLogTypeEntry(item, null, isUnknown: true, isBareString: false));
                        }
                    }
                }
            }
            return new EksCluster(EksClusterFormat.Eksctl, description, anchor, unknown, types, entries, retention, null, null);
        }

        /// <summary>
        /// <c>AWS::EKS::Cluster</c> properties. <paramref name="propertiesUnknown"/> is true when the whole
        /// <c>Properties</c> is an intrinsic (then <paramref name="properties"/> is null and nothing is known).
        /// <paramref name="typesPath"/> names the types list as the author wrote it when that is not CloudFormation
        /// (the CDK L2 <c>ClusterProps.ClusterLogging</c>).
        /// </summary>
        public static EksCluster FromCloudFormation(MappingNode? properties, bool propertiesUnknown, SourceSpan anchor,
            string? logicalId = null, CloudFormationTemplate? template = null, string? typesPath = null)
        {
            string description = logicalId != null ? "Cluster '" + logicalId + "'" : "This cluster";
            var logging = properties?.GetEntry("Logging");
            if (logging != null) anchor = logging.Key.Span;
            bool unknown = propertiesUnknown;
            Node? types = null;
            var entries = new List<EksLogTypeEntry>();
            if (properties != null && !propertiesUnknown)
            {
                var (clusterLogging, unknownPath) = Descend(properties, "Logging", "ClusterLogging");
                unknown = unknownPath;
                if (clusterLogging != null)
                {
                    var value = clusterLogging.Get("EnabledTypes");
                    types = IsAbsent(value) ? null : value;
                    if (types != null && !(types is SequenceNode)) unknown = true;
                    if (types is SequenceNode list)
                    {
                        foreach (var item in list.Items)
                            entries.Add(CloudFormationEntry(item));
                    }
                }
            }
            return new EksCluster(EksClusterFormat.CloudFormation, description, anchor, unknown, types, entries, null, logicalId, template, typesPath);
        }

        private static EksLogTypeEntry CloudFormationEntry(Node item)
        {
            if (item.IsUnknown) return new EksLogTypeEntry(item, null, isUnknown: true, isBareString: false);
            if (item is ScalarNode bare)
                return bare.Kind == ScalarKind.Null
                    ? new EksLogTypeEntry(item, null, isUnknown: false, isBareString: false)
                    : new EksLogTypeEntry(item, bare, isUnknown: false, isBareString: true);
            if (!(item is MappingNode map)) return new EksLogTypeEntry(item, null, isUnknown: true, isBareString: false);
            var type = map.Get("Type");
            if (type == null || (type is ScalarNode n && n.Kind == ScalarKind.Null)) return new EksLogTypeEntry(item, null, isUnknown: false, isBareString: false);
            if (type is ScalarNode scalar && !EksLogTypes.IsPlaceholder(scalar.Value)) return new EksLogTypeEntry(item, scalar, isUnknown: false, isBareString: false);
            return new EksLogTypeEntry(item, null, isUnknown: true, isBareString: false);
        }

        /// <summary>
        /// Follows mapping keys from <paramref name="root"/>: the last mapping, or null when a key is absent or
        /// null-valued; <c>Unknown</c> when a value on the way is an intrinsic or not a mapping.
        /// </summary>
        private static (MappingNode? Node, bool Unknown) Descend(MappingNode root, params string[] path)
        {
            MappingNode current = root;
            foreach (string key in path)
            {
                var value = current.Get(key);
                if (IsAbsent(value)) return (null, false);
                if (value!.IsUnknown || !(value is MappingNode next)) return (null, true);
                current = next;
            }
            return (current, false);
        }

        private static SourceSpan ContentSpan(Node node)
        {
            var span = node.Span;
            int end = ContentEnd(node);
            // An item reused through a YAML alias lives elsewhere: keep the node's own span then.
            if (end <= span.Start || end > span.End) end = span.End;
            string text = span.Source.Text;
            // Only trivia (blank lines, YAML comments) is cut; code that closes the list (C#'s '}') stays inside.
            if (!OnlyTrivia(text, end, span.End)) end = span.End;
            while (end > span.Start && char.IsWhiteSpace(text[end - 1])) end--;
            return new SourceSpan(span.Source, span.Start, end);
        }

        private static bool OnlyTrivia(string text, int from, int to)
        {
            for (int i = from; i < to && i < text.Length; i++)
            {
                if (char.IsWhiteSpace(text[i])) continue;
                if (text[i] != '#') return false;
                while (i < to && i < text.Length && text[i] != '\n') i++;
            }
            return true;
        }

        private static int ContentEnd(Node node)
        {
            var span = node.Span;
            string text = span.Source.Text;
            bool flow = span.Start < text.Length && (text[span.Start] == '[' || text[span.Start] == '{');
            if (!flow && node is SequenceNode list && list.Items.Count > 0) return ContentEnd(list.Items[list.Items.Count - 1]);
            if (!flow && node is MappingNode map && map.Entries.Count > 0) return ContentEnd(map.Entries[map.Entries.Count - 1].Value);
            return span.End;
        }

        private static bool IsAbsent(Node? value) => value == null || (value is ScalarNode s && s.Kind == ScalarKind.Null);
    }
}
