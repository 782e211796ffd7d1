using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Shipshape.Catalogue;
using Shipshape.Detection;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Text;

namespace Shipshape.Configuration
{
    /// <summary>What a configuration says about one rule.</summary>
    public sealed class RuleConfig
    {
        public RuleConfig(bool off, Severity? severity, IReadOnlyList<Glob> exclude, RuleOptions options)
        {
            Off = off;
            Severity = severity;
            Exclude = exclude;
            Options = options;
        }

        /// <summary><c>severity: off</c>: the rule reports nothing.</summary>
        public bool Off { get; }

        /// <summary>The severity its findings get instead of the catalogue's; null to keep it (or when off).</summary>
        public Severity? Severity { get; }

        /// <summary>Files (relative to the config's folder) where the rule reports nothing.</summary>
        public IReadOnlyList<Glob> Exclude { get; }

        public RuleOptions Options { get; }

        /// <summary>True when the entry sets a severity or <c>off</c>.</summary>
        public bool SetsSeverity => Off || Severity.HasValue;
    }

    /// <summary>A <c>kinds:</c> entry: files matching the glob are read as this kind, whatever their name or content.</summary>
    public sealed class KindOverride
    {
        public KindOverride(Glob glob, DocumentKind kind, PolicyKind? policyKind)
        {
            Glob = glob;
            Kind = kind;
            PolicyKind = policyKind;
        }

        public Glob Glob { get; }
        public DocumentKind Kind { get; }
        public PolicyKind? PolicyKind { get; }
    }

    /// <summary>
    /// One <c>.shipshape.yaml</c> file. Read with the engine's own YAML reader, so every error carries
    /// file:line:col, and strictly: an unknown key or a bad value is an error, never ignored. Surfaces do not
    /// use one file alone: <see cref="ConfigResolver"/> finds the files that apply to a path and merges them.
    /// </summary>
    public sealed class ShipshapeConfig
    {
        public const string FileName = ".shipshape.yaml";

        /// <summary>The top-level keys, in the order the starter config and the schema list them.</summary>
        public static readonly IReadOnlyList<string> TopLevelKeys = new[] { "root", "include", "exclude", "kinds", "rules", "inline-suppressions", "baseline" };

        internal ShipshapeConfig(string fullPath, string directory, bool root, IReadOnlyList<Glob>? include, IReadOnlyList<Glob> exclude,
            IReadOnlyList<KindOverride> kinds, IReadOnlyDictionary<string, RuleConfig> rules, bool? inlineSuppressions, string? baseline)
        {
            FullPath = fullPath;
            Directory = directory;
            Root = root;
            Include = include;
            Exclude = exclude;
            Kinds = kinds;
            Rules = rules;
            InlineSuppressions = inlineSuppressions;
            Baseline = baseline;
        }

        /// <summary>Where the file is (full path, or the name an analyzer's additional file has).</summary>
        public string FullPath { get; }

        /// <summary>The folder its globs and paths are relative to.</summary>
        public string Directory { get; }

        /// <summary><c>root: true</c>: configs in folders above this one are not read.</summary>
        public bool Root { get; }

        /// <summary>Null when not set (everything found is checked).</summary>
        public IReadOnlyList<Glob>? Include { get; }

        public IReadOnlyList<Glob> Exclude { get; }
        public IReadOnlyList<KindOverride> Kinds { get; }
        public IReadOnlyDictionary<string, RuleConfig> Rules { get; }

        /// <summary>False: inline comments and CloudFormation Metadata suppress nothing. Null when not set.</summary>
        public bool? InlineSuppressions { get; }

        /// <summary>The baseline file (full path), or null.</summary>
        public string? Baseline { get; }

        /// <summary>Reads and checks a config file on disk; throws <see cref="ConfigException"/> with positions when it is not valid.</summary>
        public static ShipshapeConfig Load(string fullPath, string? displayPath = null, RuleCatalogue? catalogue = null)
        {
            string text;
            try
            {
                text = System.IO.File.ReadAllText(fullPath);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                throw new ConfigException(new[] { new ConfigError(displayPath ?? fullPath, new LinePosition(1, 1), "cannot read the configuration: " + ex.Message) });
            }
            return Parse(new SourceText(displayPath ?? fullPath, text), fullPath, catalogue);
        }

        /// <summary>Parses config text (the analyzers pass an additional file's text); throws <see cref="ConfigException"/> when it is not valid.</summary>
        /// <param name="fullPath">The file's full path: its folder anchors globs and the baseline path.</param>
        /// <param name="baseDirectory">The folder globs and paths are relative to (default: the file's own folder).</param>
        public static ShipshapeConfig Parse(SourceText source, string fullPath, RuleCatalogue? catalogue = null, string? baseDirectory = null)
        {
            var (root, parseErrors) = ParseYaml(source);
            if (parseErrors.Count > 0) throw new ConfigException(parseErrors);
            return Read(root, source, fullPath, catalogue, baseDirectory);
        }

        /// <summary>The YAML of a config file: its root node (null for an empty file) or syntax errors with positions.</summary>
        public static (Node? Root, IReadOnlyList<ConfigError> Errors) ParseYaml(SourceText source)
        {
            var parsed = YamlParser.Parse(source);
            var errors = parsed.Problems.Select(p => new ConfigError(p.Span, p.Detail)).ToList();
            if (errors.Count > 0) return (null, errors);
            if (parsed.Documents.Count > 1) return (null, new[] { new ConfigError(parsed.Documents[1].Span, "a configuration holds one YAML document") });
            return (parsed.Documents.Count == 0 ? null : parsed.Documents[0], errors);
        }

        /// <summary>Builds the config from an already parsed root node; throws <see cref="ConfigException"/> listing every problem.</summary>
        public static ShipshapeConfig Read(Node? root, SourceText source, string fullPath, RuleCatalogue? catalogue = null, string? baseDirectory = null)
        {
            var reader = new Reader(source, catalogue ?? RuleCatalogue.Embedded);
            string directory = baseDirectory ?? System.IO.Path.GetDirectoryName(fullPath) ?? string.Empty;
            var config = reader.ReadRoot(root, fullPath, directory);
            if (reader.Errors.Count > 0) throw new ConfigException(reader.Errors);
            return config;
        }

        /// <summary>The name of each kind a <c>kinds:</c> entry may give.</summary>
        public static IReadOnlyList<string> KindNames { get; } =
            Enum.GetValues(typeof(DocumentKind)).Cast<DocumentKind>().Where(k => k != DocumentKind.Unknown).Select(k => k.ToName())
                .Concat(Enum.GetValues(typeof(PolicyKind)).Cast<PolicyKind>().Select(k => k.ToName())).ToList();

        internal static bool TryParseKind(string name, out DocumentKind kind, out PolicyKind? policyKind)
        {
            foreach (DocumentKind k in Enum.GetValues(typeof(DocumentKind)))
            {
                if (k != DocumentKind.Unknown && k.ToName() == name)
                {
                    kind = k;
                    policyKind = null;
                    return true;
                }
            }
            foreach (PolicyKind p in Enum.GetValues(typeof(PolicyKind)))
            {
                if (p.ToName() == name)
                {
                    kind = DocumentKind.PolicyDocument;
                    policyKind = p;
                    return true;
                }
            }
            kind = DocumentKind.Unknown;
            policyKind = null;
            return false;
        }

        /// <summary>The strict reader: collects every error (with the node's position) rather than stopping at the first.</summary>
        private sealed class Reader
        {
            private static readonly Regex RuleIdPattern = new Regex("^[A-Z]+[0-9]{3}$", RegexOptions.CultureInvariant);
            private static readonly Regex AccountId = new Regex("^[0-9]{12}$", RegexOptions.CultureInvariant);

            private readonly SourceText _source;
            private readonly RuleCatalogue _catalogue;

            public Reader(SourceText source, RuleCatalogue catalogue)
            {
                _source = source;
                _catalogue = catalogue;
            }

            public List<ConfigError> Errors { get; } = new List<ConfigError>();

            private void Error(Node at, string message) => Errors.Add(new ConfigError(at.Span, message));

            public ShipshapeConfig ReadRoot(Node? root, string fullPath, string directory)
            {
                bool isRoot = false;
                IReadOnlyList<Glob>? include = null;
                IReadOnlyList<Glob> exclude = Array.Empty<Glob>();
                var kinds = new List<KindOverride>();
                var rules = new Dictionary<string, RuleConfig>(StringComparer.Ordinal);
                bool? inline = null;
                string? baseline = null;
                if (root is ScalarNode empty && empty.Kind == ScalarKind.Null)
                    return new ShipshapeConfig(fullPath, directory, false, null, exclude, kinds, rules, null, null);
                if (!(root is MappingNode map))
                {
                    if (root != null) Error(root, "the configuration must be a mapping of settings (" + string.Join(", ", TopLevelKeys) + ")");
                    return new ShipshapeConfig(fullPath, directory, false, null, exclude, kinds, rules, null, null);
                }
                foreach (var entry in map.Entries)
                {
                    switch (entry.Name)
                    {
                        case "root":
                            isRoot = Boolean(entry.Value, "root") ?? false;
                            break;
                        case "include":
                            include = Globs(entry.Value, "include");
                            break;
                        case "exclude":
                            exclude = Globs(entry.Value, "exclude");
                            break;
                        case "kinds":
                            ReadKinds(entry.Value, kinds);
                            break;
                        case "rules":
                            ReadRules(entry.Value, rules);
                            break;
                        case "inline-suppressions":
                            inline = Boolean(entry.Value, "inline-suppressions");
                            break;
                        case "baseline":
                            if (entry.Value is ScalarNode path && path.IsString && path.Value.Trim().Length > 0)
                                baseline = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, path.Value.Trim()));
                            else
                                Error(entry.Value, "baseline must be a file path (relative to this file's folder)");
                            break;
                        default:
                            Error(entry.Key, "unknown key '" + entry.Name + "'; expected one of: " + string.Join(", ", TopLevelKeys));
                            break;
                    }
                }
                return new ShipshapeConfig(fullPath, directory, isRoot, include, exclude, kinds, rules, inline, baseline);
            }

            private bool? Boolean(Node node, string what)
            {
                if (node is ScalarNode s && s.Kind == ScalarKind.Boolean) return string.Equals(s.Value, "true", StringComparison.OrdinalIgnoreCase);
                Error(node, what + " must be true or false, not " + Describe(node));
                return null;
            }

            private List<Glob> Globs(Node node, string what)
            {
                var globs = new List<Glob>();
                foreach (var item in Strings(node, what + " must be a list of globs"))
                {
                    try
                    {
                        globs.Add(new Glob(item.Value));
                    }
                    catch (FormatException ex)
                    {
                        Error(item, "bad glob: " + ex.Message);
                    }
                }
                return globs;
            }

            private List<ScalarNode> Strings(Node node, string expectation)
            {
                var result = new List<ScalarNode>();
                if (!(node is SequenceNode list))
                {
                    Error(node, expectation + ", not " + Describe(node));
                    return result;
                }
                foreach (var item in list.Items)
                {
                    if (item is ScalarNode s && (s.IsString || s.Kind == ScalarKind.Number) && s.Value.Length > 0) result.Add(s);
                    else Error(item, expectation + "; this item is " + Describe(item));
                }
                return result;
            }

            private void ReadKinds(Node node, List<KindOverride> kinds)
            {
                if (!(node is MappingNode map))
                {
                    Error(node, "kinds must map globs to kinds (\"deploy/*.json\": ecs-task-definition), not " + Describe(node));
                    return;
                }
                foreach (var entry in map.Entries)
                {
                    Glob? glob = null;
                    try
                    {
                        glob = new Glob(entry.Name);
                    }
                    catch (FormatException ex)
                    {
                        Error(entry.Key, "bad glob: " + ex.Message);
                    }
                    if (entry.Value is ScalarNode s && s.IsString && TryParseKind(s.Value, out var kind, out var policyKind))
                    {
                        if (glob != null) kinds.Add(new KindOverride(glob, kind, policyKind));
                    }
                    else
                    {
                        Error(entry.Value, "unknown kind " + Describe(entry.Value) + "; expected one of: " + string.Join(", ", KindNames));
                    }
                }
            }

            private void ReadRules(Node node, Dictionary<string, RuleConfig> rules)
            {
                if (!(node is MappingNode map))
                {
                    Error(node, "rules must map rule IDs to a severity or settings, not " + Describe(node));
                    return;
                }
                foreach (var entry in map.Entries)
                {
                    string id = entry.Name;
                    if (!RuleIdPattern.IsMatch(id) || !_catalogue.TryGet(id, out _))
                    {
                        Error(entry.Key, "unknown rule '" + id + "' (run 'shipshape rules' for the list)");
                        continue;
                    }
                    var rule = ReadRule(id, entry.Value);
                    if (rule != null) rules[id] = rule;
                }
            }

            private RuleConfig? ReadRule(string id, Node node)
            {
                if (node is ScalarNode scalar)
                {
                    var (off, severity, ok) = SeverityValue(scalar);
                    return ok ? new RuleConfig(off, severity, Array.Empty<Glob>(), RuleOptions.Empty) : null;
                }
                if (!(node is MappingNode map))
                {
                    Error(node, id + " must be a severity (error, warning, note, off) or a mapping with severity, exclude, options");
                    return null;
                }
                bool isOff = false;
                Severity? sev = null;
                IReadOnlyList<Glob> exclude = Array.Empty<Glob>();
                RuleOptions options = RuleOptions.Empty;
                foreach (var entry in map.Entries)
                {
                    switch (entry.Name)
                    {
                        case "severity":
                            if (entry.Value is ScalarNode s)
                            {
                                var (off, severity, _) = SeverityValue(s);
                                isOff = off;
                                sev = severity;
                            }
                            else
                            {
                                Error(entry.Value, "severity must be one of: error, warning, note, off");
                            }
                            break;
                        case "exclude":
                            exclude = Globs(entry.Value, "exclude");
                            break;
                        case "options":
                            options = ReadOptions(id, entry.Value);
                            break;
                        default:
                            Error(entry.Key, "unknown key '" + entry.Name + "' in " + id + "; expected one of: severity, exclude, options");
                            break;
                    }
                }
                return new RuleConfig(isOff, sev, exclude, options);
            }

            private (bool Off, Severity? Severity, bool Ok) SeverityValue(ScalarNode node)
            {
                string value = node.Value;
                if (node.IsString && value == "off") return (true, null, true);
                if (node.IsString && (value == "error" || value == "warning" || value == "note") && SeverityNames.TryParse(value, out var severity))
                    return (false, severity, true);
                Error(node, "severity must be one of: error, warning, note, off; not " + Describe(node));
                return (false, null, false);
            }

            private RuleOptions ReadOptions(string id, Node node)
            {
                var specs = _catalogue.TryGet(id, out var rule) ? rule.Options : Array.Empty<RuleOptionSpec>();
                if (specs.Count == 0)
                {
                    Error(node, id + " takes no options");
                    return RuleOptions.Empty;
                }
                if (!(node is MappingNode map))
                {
                    Error(node, "options must be a mapping; " + id + " takes: " + string.Join(", ", specs.Select(s => s.Name)));
                    return RuleOptions.Empty;
                }
                var values = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var entry in map.Entries)
                {
                    var spec = specs.FirstOrDefault(s => s.Name == entry.Name);
                    if (spec == null)
                    {
                        Error(entry.Key, "unknown option '" + entry.Name + "' for " + id + "; expected one of: " + string.Join(", ", specs.Select(s => s.Name)));
                        continue;
                    }
                    var value = OptionValue(spec, entry.Value);
                    if (value != null) values[spec.Name] = value;
                }
                return new RuleOptions(values);
            }

            private object? OptionValue(RuleOptionSpec spec, Node node)
            {
                switch (spec.Type)
                {
                    case RuleOptionType.Boolean:
                        return Boolean(node, spec.Name);
                    case RuleOptionType.Integer:
                        if (node is ScalarNode n && n.Kind == ScalarKind.Number && long.TryParse(n.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l;
                        Error(node, spec.Name + " must be a whole number, not " + Describe(node));
                        return null;
                    case RuleOptionType.String:
                        if (node is ScalarNode str && str.IsString) return str.Value;
                        Error(node, spec.Name + " must be a string, not " + Describe(node));
                        return null;
                }
                var items = Strings(node, spec.Name + " must be a list of " + ItemDescription(spec));
                var values = new List<string>();
                foreach (var item in items)
                {
                    string v = item.Value;
                    switch (spec.Type)
                    {
                        case RuleOptionType.AccountIdList:
                            if (!AccountId.IsMatch(v)) { Error(item, "'" + v + "' is not a 12-digit AWS account ID"); continue; }
                            break;
                        case RuleOptionType.RegexList:
                            try
                            {
                                _ = new Regex(v, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                            }
                            catch (ArgumentException ex)
                            {
                                Error(item, "bad regular expression: " + ex.Message);
                                continue;
                            }
                            break;
                        case RuleOptionType.EnumList:
                            if (!spec.AllowedValues.Contains(v)) { Error(item, "'" + v + "' is not one of: " + string.Join(", ", spec.AllowedValues)); continue; }
                            break;
                        default:
                            if (!item.IsString) { Error(item, spec.Name + " items must be strings, not " + Describe(item)); continue; }
                            break;
                    }
                    values.Add(v);
                }
                return values;
            }

            private static string ItemDescription(RuleOptionSpec spec)
            {
                switch (spec.Type)
                {
                    case RuleOptionType.AccountIdList: return "12-digit account IDs";
                    case RuleOptionType.RegexList: return "regular expressions";
                    case RuleOptionType.EnumList: return "values from: " + string.Join(", ", spec.AllowedValues);
                    default: return "strings";
                }
            }

            internal static string Describe(Node node)
            {
                switch (node)
                {
                    case MappingNode _: return "a mapping";
                    case SequenceNode _: return "a list";
                    case ScalarNode s when s.Kind == ScalarKind.Null: return "empty";
                    case ScalarNode s: return "'" + s.Value + "'";
                    default: return "something else";
                }
            }
        }
    }
}
