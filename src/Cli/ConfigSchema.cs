using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Shipshape.Configuration;
using Shipshape.Model;
using Shipshape.Text;

namespace Shipshape.Cli
{
    /// <summary>
    /// Validates a <c>.shipshape.yaml</c> against the shipped JSON Schema with NJsonSchema and maps each
    /// error back to the YAML node's file:line:col. The YAML model is written as JSON with one token per
    /// line, so the line NJsonSchema reports for an error names exactly one node.
    /// </summary>
    internal static class ConfigSchema
    {
        public const string ResourceName = "schemas/shipshape-config.schema.json";

        private static readonly Lazy<JsonSchema> Schema = new Lazy<JsonSchema>(() => JsonSchema.FromJsonAsync(Text).GetAwaiter().GetResult());

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
            var writer = new LineMappedJson();
            writer.Write(root);
            var token = JToken.Parse(writer.Json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace });
            var errors = new List<ConfigError>();
            foreach (var error in Schema.Value.Validate(token)) Map(error, writer, errors);
            return errors
                .GroupBy(e => (e.Position.Line, e.Position.Column, e.Message)).Select(g => g.First())
                .OrderBy(e => e.Position).ToList();
        }

        private static void Map(ValidationError error, LineMappedJson writer, List<ConfigError> sink)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                // anyOf: report the branch meant for this kind of value (a mapping → the object branch).
                var branches = child.Errors.Values.Where(b => b.Count > 0).ToList();
                var chosen = branches.FirstOrDefault(b => b.All(e => !IsTypeMismatch(e.Kind))) ?? branches.OrderBy(b => b.Count).FirstOrDefault();
                if (chosen != null && !chosen.All(e => IsTypeMismatch(e.Kind)))
                {
                    foreach (var inner in chosen) Map(inner, writer, sink);
                    return;
                }
            }
            Node? node = error.HasLineInfo ? writer.NodeAt(error.LineNumber) : null;
            node ??= writer.Root;
            if (node == null) return;
            Node at = node;
            if (error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && node is MappingNode map && error.Property != null && map.GetEntry(error.Property) is MappingEntry entry)
                at = entry.Key;
            else if (node is MappingNode m2 && error.Property != null && m2.GetEntry(error.Property) is MappingEntry valueEntry && error.Kind != ValidationErrorKind.PropertyRequired)
                at = valueEntry.Value;
            sink.Add(new ConfigError(at.Span, Message(error, at)));
        }

        private static bool IsTypeMismatch(ValidationErrorKind kind)
            => kind.ToString().EndsWith("Expected", StringComparison.Ordinal);

        private static string Message(ValidationError error, Node at)
        {
            string value = at is ScalarNode s ? "'" + s.Value + "'" : at is MappingNode ? "a mapping" : "a list";
            switch (error.Kind)
            {
                case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                    var known = error.Schema?.ActualSchema.Properties.Keys.ToList() ?? new List<string>();
                    return "unknown key '" + error.Property + "'" + (known.Count > 0 ? "; expected one of: " + string.Join(", ", known) : string.Empty);
                case ValidationErrorKind.NotInEnumeration:
                    var allowed = error.Schema?.ActualSchema.Enumeration.Select(e => Convert.ToString(e, CultureInfo.InvariantCulture)).ToList() ?? new List<string?>();
                    return value + " is not one of: " + string.Join(", ", allowed);
                case ValidationErrorKind.PropertyRequired:
                    return "missing key '" + error.Property + "'";
                case ValidationErrorKind.PatternMismatch:
                    return value + " does not match " + error.Schema?.ActualSchema.Pattern;
                case ValidationErrorKind.StringTooShort:
                    return "an empty string is not allowed here";
                case ValidationErrorKind.NumberTooSmall:
                case ValidationErrorKind.NumberTooBig:
                    return value + " is out of range";
                default:
                    string kind = error.Kind.ToString();
                    if (kind.EndsWith("Expected", StringComparison.Ordinal))
                        return "expected " + Words(kind.Substring(0, kind.Length - "Expected".Length)) + ", not " + value;
                    return Words(kind) + ": " + value;
            }
        }

        private static string Words(string pascal)
        {
            var words = new StringBuilder();
            foreach (char c in pascal)
            {
                if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
                words.Append(char.ToLowerInvariant(c));
            }
            return words.ToString();
        }

        /// <summary>JSON text with one token per line, and the node each line came from.</summary>
        private sealed class LineMappedJson
        {
            private readonly StringBuilder _json = new StringBuilder();
            private readonly List<Node> _lines = new List<Node>();

            public string Json => _json.ToString();
            public Node? Root => _lines.Count > 0 ? _lines[0] : null;

            public Node? NodeAt(int line) => line >= 1 && line <= _lines.Count ? _lines[line - 1] : null;

            public void Write(Node node, int depth = 0)
            {
                if (depth > 256) throw new InvalidOperationException("the configuration is nested too deeply");
                switch (node)
                {
                    case MappingNode map:
                        Line("{", map);
                        for (int i = 0; i < map.Entries.Count; i++)
                        {
                            var entry = map.Entries[i];
                            Line((i > 0 ? "," : string.Empty) + JsonConvert.ToString(entry.Name) + ":", map);
                            Write(entry.Value, depth + 1);
                        }
                        Line("}", map);
                        break;
                    case SequenceNode seq:
                        Line("[", seq);
                        for (int i = 0; i < seq.Items.Count; i++)
                        {
                            if (i > 0) Line(",", seq);
                            Write(seq.Items[i], depth + 1);
                        }
                        Line("]", seq);
                        break;
                    case ScalarNode scalar:
                        Line(Scalar(scalar), scalar);
                        break;
                }
            }

            private static string Scalar(ScalarNode scalar)
            {
                switch (scalar.Kind)
                {
                    case ScalarKind.Null: return "null";
                    case ScalarKind.Boolean: return scalar.Value.ToLowerInvariant() == "true" ? "true" : "false";
                    case ScalarKind.Number:
                        if (long.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l.ToString(CultureInfo.InvariantCulture);
                        if (double.TryParse(scalar.Value.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !double.IsInfinity(d) && !double.IsNaN(d))
                            return d.ToString("R", CultureInfo.InvariantCulture);
                        return JsonConvert.ToString(scalar.Value);
                    default: return JsonConvert.ToString(scalar.Value);
                }
            }

            private void Line(string text, Node node)
            {
                _json.Append(text).Append('\n');
                _lines.Add(node);
            }
        }
    }
}
