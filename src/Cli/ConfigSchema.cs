using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using Shipshape.Configuration;
using Shipshape.Model;
using Shipshape.Text;

namespace Shipshape.Cli
{
    /// <summary>
    /// Validates a <c>.shipshape.yaml</c> against the shipped JSON Schema with JsonSchema.Net (System.Text.Json, no
    /// reflection, so it works in the Native AOT tool) and maps each error back to the YAML node's file:line:col:
    /// the YAML model is turned into a <see cref="JsonNode"/> and each error's instance location (a JSON Pointer) is
    /// walked down the same YAML model.
    /// </summary>
    internal static class ConfigSchema
    {
        public const string ResourceName = "schemas/shipshape-config.schema.json";

        private const int MaxDepth = 256;

        private static readonly Lazy<JsonSchema> Schema = new Lazy<JsonSchema>(() => JsonSchema.FromText(Text));

        /// <summary>The schema as plain JSON, to read a failing keyword's neighbours (enum values, known keys, pattern).</summary>
        private static readonly Lazy<JsonNode> SchemaJson = new Lazy<JsonNode>(() => JsonNode.Parse(Text)!);

        private static readonly EvaluationOptions Options = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical };

        /// <summary>The schema's text, as embedded in the tool.</summary>
        public static string Text
        {
            get
            {
                using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream(ResourceName)
                    ?? throw new InvalidOperationException("the config schema is not embedded");
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }
        }

        public static IReadOnlyList<ConfigError> Validate(SourceText source, Node? root)
        {
            if (root == null || (root is ScalarNode empty && empty.Kind == ScalarKind.Null)) return Array.Empty<ConfigError>();
            var errors = new List<ConfigError>();
            var instance = ToJson(root, 0, errors);
            if (errors.Count > 0) return errors;
            var results = Schema.Value.Evaluate(instance, Options);
            Map(results, root, errors);
            return errors
                .GroupBy(e => (e.Position.Line, e.Position.Column, e.Message)).Select(g => g.First())
                .OrderBy(e => e.Position).ToList();
        }

        private static void Map(EvaluationResults result, Node root, List<ConfigError> sink)
        {
            if (result.IsValid) return;
            var branches = result.Details.Where(d => IsAnyOfBranch(d.EvaluationPath.ToString())).ToList();
            if (branches.Count > 0)
            {
                // anyOf: report the branch meant for this kind of value (a mapping → the object branch); when no branch
                // takes this kind of value, say which kinds would do.
                var chosen = branches.FirstOrDefault(b => !b.IsValid && !HasTypeErrorAt(b, result.InstanceLocation.ToString()));
                if (chosen != null) Map(chosen, root, sink);
                else
                {
                    var at = Resolve(root, result.InstanceLocation.ToList(), out _);
                    var kinds = branches.SelectMany(b => ExpectedTypes(b)).Distinct().ToList();
                    sink.Add(new ConfigError(at.Span, "expected " + string.Join(" or ", kinds) + ", not " + Describe(at)));
                }
            }
            foreach (var detail in result.Details)
                if (!IsAnyOfBranch(detail.EvaluationPath.ToString())) Map(detail, root, sink);
            if (result.Errors == null || result.Errors.Count == 0) return;

            var segments = result.InstanceLocation.ToList();
            var node = Resolve(root, segments, out var entry);
            var schema = SchemaAt(result.SchemaLocation);
            // A wrong type explains every other keyword that failed on the same value: report only that.
            var keywords = result.Errors.ContainsKey("type") ? new[] { "type" } : result.Errors.Keys.ToArray();
            foreach (string keyword in keywords)
            {
                if (keyword.Length == 0 && IsAdditionalProperty(result.EvaluationPath.ToString()) && entry != null)
                {
                    // additionalProperties: false — the key is what is wrong; the schema one level up lists the known keys.
                    var known = (SchemaAt(Parent(result.SchemaLocation))?["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? new List<string>();
                    sink.Add(new ConfigError(entry.Key.Span, "unknown key '" + entry.Name + "'" + (known.Count > 0 ? "; expected one of: " + string.Join(", ", known) : string.Empty)));
                    continue;
                }
                if (keyword == "pattern" && IsPropertyName(result.EvaluationPath.ToString()) && entry != null)
                {
                    sink.Add(new ConfigError(entry.Key.Span, "'" + entry.Name + "' does not match " + schema?["pattern"]));
                    continue;
                }
                sink.Add(new ConfigError(node.Span, Message(keyword, result.Errors[keyword], schema, node)));
            }
        }

        private static string Message(string keyword, string libraryMessage, JsonNode? schema, Node at)
        {
            string value = Describe(at);
            switch (keyword)
            {
                case "type":
                    return "expected " + string.Join(" or ", TypeNames(schema?["type"])) + ", not " + value;
                case "enum":
                    var allowed = (schema?["enum"] as JsonArray)?.Select(e => e?.ToString() ?? "null") ?? Enumerable.Empty<string>();
                    return value + " is not one of: " + string.Join(", ", allowed);
                case "required":
                    var missing = (schema?["required"] as JsonArray)?.Select(r => r?.ToString() ?? string.Empty)
                        .Where(name => !(at is MappingNode map && map.Has(name))).ToList() ?? new List<string>();
                    return "missing key " + string.Join(", ", missing.Select(name => "'" + name + "'"));
                case "pattern":
                    return value + " does not match " + schema?["pattern"];
                case "minLength":
                    return "an empty string is not allowed here";
                case "minimum":
                case "maximum":
                    return value + " is out of range";
                default:
                    return keyword + ": " + value + " (" + libraryMessage + ")";
            }
        }

        private static string Describe(Node at)
            => at is ScalarNode s ? "'" + s.Value + "'" : at is MappingNode ? "a mapping" : "a list";

        private static bool IsAnyOfBranch(string evaluationPath)
        {
            int slash = evaluationPath.LastIndexOf('/');
            return slash > 0 && evaluationPath.Substring(0, slash).EndsWith("/anyOf", StringComparison.Ordinal);
        }

        private static bool IsAdditionalProperty(string evaluationPath) => evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal);

        private static bool IsPropertyName(string evaluationPath) => evaluationPath.EndsWith("/propertyNames", StringComparison.Ordinal);

        /// <summary>Whether this branch failed because the value itself has the wrong JSON type.</summary>
        private static bool HasTypeErrorAt(EvaluationResults branch, string instanceLocation)
            => (branch.InstanceLocation.ToString() == instanceLocation && branch.Errors != null && branch.Errors.ContainsKey("type"))
               || branch.Details.Any(d => HasTypeErrorAt(d, instanceLocation));

        private static IEnumerable<string> ExpectedTypes(EvaluationResults branch)
        {
            if (branch.Errors != null && branch.Errors.ContainsKey("type"))
                foreach (string name in TypeNames(SchemaAt(branch.SchemaLocation)?["type"])) yield return name;
            foreach (var detail in branch.Details)
                foreach (string name in ExpectedTypes(detail)) yield return name;
        }

        private static IEnumerable<string> TypeNames(JsonNode? type)
            => type is JsonArray many ? many.Select(t => t?.ToString() ?? "null") : new[] { type?.ToString() ?? "a value" };

        /// <summary>The YAML node at a JSON Pointer's segments, and the mapping entry that holds it (if any).</summary>
        private static Node Resolve(Node root, IReadOnlyList<string> segments, out MappingEntry? entry)
        {
            entry = null;
            Node node = root;
            foreach (string segment in segments)
            {
                if (node is MappingNode map && map.GetEntry(segment) is MappingEntry found)
                {
                    entry = found;
                    node = found.Value;
                }
                else if (node is SequenceNode seq && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < seq.Items.Count)
                {
                    entry = null;
                    node = seq.Items[index];
                }
                else break;
            }
            return node;
        }

        /// <summary>The part of the schema document a resolved schema location (its URI fragment) points at.</summary>
        private static JsonNode? SchemaAt(Uri? location)
        {
            if (location == null) return null;
            string fragment = Uri.UnescapeDataString(location.Fragment.TrimStart('#'));
            JsonNode? node = SchemaJson.Value;
            foreach (string raw in fragment.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string segment = raw.Replace("~1", "/").Replace("~0", "~");
                node = node is JsonObject obj ? obj[segment]
                    : node is JsonArray array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < array.Count ? array[i]
                    : null;
                if (node == null) return null;
            }
            return node;
        }

        private static Uri? Parent(Uri location)
        {
            string text = location.ToString();
            int slash = text.LastIndexOf('/');
            int hash = text.IndexOf('#');
            return hash >= 0 && slash > hash ? new Uri(text.Substring(0, slash)) : null;
        }

        /// <summary>The YAML model as JSON (a duplicated key keeps its last value, as the engine reads it).</summary>
        private static JsonNode? ToJson(Node node, int depth, List<ConfigError> errors)
        {
            if (depth > MaxDepth)
            {
                if (errors.Count == 0) errors.Add(new ConfigError(node.Span, "the configuration is nested too deeply"));
                return null;
            }
            switch (node)
            {
                case MappingNode map:
                    var obj = new JsonObject();
                    foreach (var entry in map.Entries) obj[entry.Name] = ToJson(entry.Value, depth + 1, errors);
                    return obj;
                case SequenceNode seq:
                    var array = new JsonArray();
                    foreach (var item in seq.Items) array.Add(ToJson(item, depth + 1, errors));
                    return array;
                case ScalarNode scalar:
                    return Scalar(scalar);
                default:
                    return null;
            }
        }

        private static JsonNode? Scalar(ScalarNode scalar)
        {
            switch (scalar.Kind)
            {
                case ScalarKind.Null: return null;
                case ScalarKind.Boolean: return JsonValue.Create(scalar.Value.ToLowerInvariant() == "true");
                case ScalarKind.Number:
                    if (long.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return JsonValue.Create(l);
                    if (double.TryParse(scalar.Value.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !double.IsInfinity(d) && !double.IsNaN(d))
                        return JsonValue.Create(d);
                    return JsonValue.Create(scalar.Value);
                default: return JsonValue.Create(scalar.Value);
            }
        }
    }
}
