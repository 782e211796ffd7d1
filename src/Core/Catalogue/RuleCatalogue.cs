using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Shipshape.Configuration;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Text;

namespace Shipshape.Catalogue
{
    /// <summary>
    /// The rule catalogue: every <c>rules/*.yaml</c> entry, embedded in the engine so the CLI, the MSBuild
    /// task and the analyzers share one truth about IDs, severities, messages and docs.
    /// </summary>
    public sealed class RuleCatalogue
    {
        public const string HelpUriBase = "https://github.com/shipshape-lint/shipshape/blob/main/docs/rules/";

        private static readonly Lazy<RuleCatalogue> EmbeddedInstance = new Lazy<RuleCatalogue>(LoadEmbedded);
        private readonly Dictionary<string, RuleDescriptor> _byId;

        public RuleCatalogue(IEnumerable<RuleDescriptor> rules)
        {
            Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            _byId = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        }

        /// <summary>The catalogue embedded in this assembly.</summary>
        public static RuleCatalogue Embedded => EmbeddedInstance.Value;

        public IReadOnlyList<RuleDescriptor> Rules { get; }

        public RuleDescriptor this[string id] => _byId.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException("No rule " + id + " in the catalogue.");

        public bool TryGet(string id, out RuleDescriptor descriptor) => _byId.TryGetValue(id, out descriptor!);

        /// <summary>The IDs of the rules whose entry names <paramref name="analyzer"/> (a class name) under <c>csharp-analyzers:</c>.</summary>
        public IReadOnlyList<string> IdsReportedBy(string analyzer)
            => Rules.Where(r => r.CSharpAnalyzers.Contains(analyzer)).Select(r => r.Id).ToList();

        private static RuleCatalogue LoadEmbedded()
        {
            var assembly = typeof(RuleCatalogue).Assembly;
            var rules = new List<RuleDescriptor>();
            foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
            {
                using Stream stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                string yaml = reader.ReadToEnd();
                // Parsing every entry with the YAML parser was most of the CLI's start-up (~40 ms with the JIT):
                // the fields linting needs are simple top-level lines; the rest is parsed when first asked for.
                var full = new Lazy<RuleDescriptor>(() => Read(name, yaml));
                rules.Add(ReadHeader(yaml, full) ?? full.Value);
            }
            return new RuleCatalogue(rules);
        }

        // The analyzers also need title, category, summary and tags for their descriptors when they load.
        private static readonly string[] HeaderKeys = { "id", "severity", "implementation", "message", "title", "category", "summary", "tags" };

        /// <summary>
        /// The id, severity, implementation, message, title, category, summary, tags, sensitive flag and C# analyzers of an entry when each is a
        /// one-line plain or double-quoted scalar at the top level (tags: a flow sequence of plain words), as in every
        /// entry today; null when anything is less simple, and then the caller parses the whole entry.
        /// </summary>
        private static RuleDescriptor? ReadHeader(string yaml, Lazy<RuleDescriptor> full)
        {
            var values = new string?[HeaderKeys.Length];
            bool sensitive = false;
            List<string>? analyzers = null;
            foreach (string rawLine in yaml.Split('\n'))
            {
                string line = rawLine.TrimEnd('\r');
                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                if (line.Length == 0 || colon <= 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#') continue;
                string key = line.Substring(0, colon);
                if (key == "csharp-analyzers")
                {
                    analyzers = SimpleTags(line.Substring(colon + 2).Trim());
                    if (analyzers == null) return null;
                    continue;
                }
                if (key == "sensitive")
                {
                    // Optional (absent means false); the text output asks every rule that reports, at start-up.
                    string flag = line.Substring(colon + 2).Trim();
                    if (flag != "true" && flag != "false") return null;
                    sensitive = flag == "true";
                    continue;
                }
                int index = Array.IndexOf(HeaderKeys, key);
                if (index < 0) continue;
                string raw = line.Substring(colon + 2).Trim();
                string? value = HeaderKeys[index] == "tags" ? (SimpleTags(raw) != null ? raw : null) : SimpleScalar(raw);
                if (value == null || values[index] != null) return null;
                values[index] = value.Trim();
            }
            if (values.Any(v => string.IsNullOrEmpty(v)) || !SeverityNames.TryParse(values[1], out Severity severity)) return null;
            return new RuleDescriptor(values[0]!, values[3]!, severity, values[2]!, values[4]!, values[5]!, values[6]!, SimpleTags(values[7]!)!, sensitive,
                (IReadOnlyList<string>?)analyzers ?? Array.Empty<string>(), full);
        }

        /// <summary><c>[a, b-c, d]</c>: a flow sequence of plain words (letters, digits, '-', '_'); null otherwise.</summary>
        private static List<string>? SimpleTags(string raw)
        {
            if (raw.Length < 2 || raw[0] != '[' || raw[raw.Length - 1] != ']') return null;
            var tags = new List<string>();
            string inner = raw.Substring(1, raw.Length - 2);
            if (inner.Trim().Length == 0) return tags;
            foreach (string part in inner.Split(','))
            {
                string tag = part.Trim();
                if (tag.Length == 0 || !tag.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_')) return null;
                tags.Add(tag);
            }
            return tags;
        }

        private static string? SimpleScalar(string raw)
        {
            if (raw.Length == 0) return null;
            if (raw[0] == '"')
            {
                var value = new System.Text.StringBuilder(raw.Length);
                for (int i = 1; i < raw.Length; i++)
                {
                    char c = raw[i];
                    if (c == '"') return raw.Substring(i + 1).Trim().Length == 0 ? value.ToString() : null;
                    if (c == '\\')
                    {
                        if (i + 1 >= raw.Length || (raw[i + 1] != '"' && raw[i + 1] != '\\')) return null;
                        c = raw[++i];
                    }
                    value.Append(c);
                }
                return null;
            }
            if ("'|>&*!%@`[{?-#,]}".IndexOf(raw[0]) >= 0 || raw.Contains(" #") || raw.Contains(": ")) return null;
            return raw;
        }

        /// <summary>Reads one catalogue entry; throws <see cref="FormatException"/> naming the field when the entry is broken.</summary>
        public static RuleDescriptor Read(string path, string yaml)
        {
            var result = YamlParser.Parse(new SourceText(path, yaml));
            if (!result.Succeeded || result.Documents.Count != 1 || !(result.Documents[0] is MappingNode root))
                throw new FormatException(path + ": not a YAML mapping" + (result.Problems.Count > 0 ? ": " + result.Problems[0].Detail : string.Empty));

            string Required(string key)
            {
                if (root.Get(key) is ScalarNode s && s.Value.Length > 0) return s.Value.Trim();
                throw new FormatException(path + ": '" + key + "' is missing or empty");
            }

            string id = Required("id");
            if (!SeverityNames.TryParse(Required("severity"), out Severity severity))
                throw new FormatException(path + ": severity must be error, warning or note");
            var tags = root.Get("tags") is SequenceNode tagList
                ? tagList.Items.OfType<ScalarNode>().Select(t => t.Value).ToList()
                : new List<string>();
            double? securitySeverity = null;
            if (root.Get("security-severity") is ScalarNode sev)
            {
                if (!double.TryParse(sev.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double score) || score < 0 || score > 10)
                    throw new FormatException(path + ": security-severity must be a number from 0.0 to 10.0");
                securitySeverity = score;
            }
            var examples = new List<RuleExample>();
            if (root.Get("examples") is SequenceNode exampleList)
            {
                foreach (var item in exampleList.Items.OfType<MappingNode>())
                {
                    string Field(string key) => item.Get(key) is ScalarNode s ? s.Value : throw new FormatException(path + ": an example has no '" + key + "'");
                    string verdict = Field("verdict");
                    if (verdict != "compliant" && verdict != "non-compliant")
                        throw new FormatException(path + ": example verdict must be compliant or non-compliant");
                    examples.Add(new RuleExample(Field("name"), verdict == "compliant", Field("file"), Field("code")));
                }
            }
            bool sensitive = root.Get("sensitive") is ScalarNode flag && flag.Value == "true";
            var csharpAnalyzers = root.Get("csharp-analyzers") is SequenceNode analyzerList
                ? analyzerList.Items.OfType<ScalarNode>().Select(a => a.Value).ToList()
                : new List<string>();
            return new RuleDescriptor(id, Required("title"), Required("message"), Required("category"), severity, tags,
                Required("summary"), Required("rationale"), Required("remediation"), Required("implementation"), securitySeverity, examples, sensitive,
                ReadOptions(path, root.Get("options")), csharpAnalyzers);
        }

        /// <summary><c>options: [ { name, type, description, values } ]</c>: what <c>.shipshape.yaml</c> may set for the rule.</summary>
        private static IReadOnlyList<RuleOptionSpec> ReadOptions(string path, Node? node)
        {
            if (node == null) return Array.Empty<RuleOptionSpec>();
            if (!(node is SequenceNode list)) throw new FormatException(path + ": options must be a list of { name, type, description }");
            var options = new List<RuleOptionSpec>();
            foreach (var item in list.Items)
            {
                string Field(string key) => item is MappingNode m && m.Get(key) is ScalarNode s && s.Value.Trim().Length > 0
                    ? s.Value.Trim() : throw new FormatException(path + ": an option has no '" + key + "'");
                string type = Field("type");
                if (!OptionTypes.TryGetValue(type, out var optionType))
                    throw new FormatException(path + ": option type must be one of: " + string.Join(", ", OptionTypes.Keys));
                var values = item is MappingNode map && map.Get("values") is SequenceNode v ? v.Items.OfType<ScalarNode>().Select(s => s.Value).ToArray() : Array.Empty<string>();
                if ((optionType == RuleOptionType.EnumList) != (values.Length > 0))
                    throw new FormatException(path + ": 'values' goes with type enum-list, and only with it");
                options.Add(new RuleOptionSpec(Field("name"), optionType, Field("description"), values));
            }
            return options;
        }

        private static readonly Dictionary<string, RuleOptionType> OptionTypes = new Dictionary<string, RuleOptionType>(StringComparer.Ordinal)
        {
            ["string-list"] = RuleOptionType.StringList,
            ["account-ids"] = RuleOptionType.AccountIdList,
            ["regex-list"] = RuleOptionType.RegexList,
            ["enum-list"] = RuleOptionType.EnumList,
            ["boolean"] = RuleOptionType.Boolean,
            ["integer"] = RuleOptionType.Integer,
            ["string"] = RuleOptionType.String,
        };
    }
}
