using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Shipshape.Catalogue;
using Shipshape.Findings;

namespace Shipshape.Cli.Output
{
    /// <summary>
    /// SARIF 2.1.0 as GitHub code scanning reads it: every catalogue rule in <c>tool.driver.rules</c>,
    /// results with repo-relative URIs under <c>%SRCROOT%</c>, and a line-hash fingerprint that survives
    /// edits elsewhere in the file. Empty strings are omitted, never written.
    /// </summary>
    internal sealed class SarifFormatter : IReportFormatter
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        public const string SourceRootId = "%SRCROOT%";

        private readonly string _toolVersion;

        public SarifFormatter(string toolVersion)
        {
            _toolVersion = toolVersion;
        }

        public void Write(CheckReport report, TextWriter writer) => JsonText.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, report.Catalogue);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRootId);
            json.WriteString("uri", FolderUri(report.SourceRoot));
            json.WriteEndObject();
            json.WriteEndObject();
            // Columns count UTF-16 code units, as SourceText does.
            json.WriteString("columnKind", "utf16CodeUnits");
            WriteResults(json, report);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });

        private void WriteTool(Utf8JsonWriter json, RuleCatalogue catalogue)
        {
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("informationUri", ToolInfo.InformationUri);
            json.WriteString("semanticVersion", _toolVersion);
            json.WriteStartArray("rules");
            foreach (var rule in catalogue.Rules) WriteRule(json, rule);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            string name = RuleName(rule.Title);
            if (name.Length > 0) json.WriteString("name", name);
            WriteMessage(json, "shortDescription", rule.Title);
            WriteMessage(json, "fullDescription", rule.Summary);
            json.WriteStartObject("help");
            json.WriteString("text", HelpText(rule));
            json.WriteString("markdown", HelpMarkdown(rule));
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", rule.DefaultSeverity.ToName());
            json.WriteEndObject();
            var tags = rule.Tags.Where(t => t.Length > 0).ToList();
            if (tags.Count > 0 || rule.SecuritySeverity.HasValue)
            {
                json.WriteStartObject("properties");
                if (tags.Count > 0)
                {
                    json.WriteStartArray("tags");
                    foreach (string tag in tags) json.WriteStringValue(tag);
                    json.WriteEndArray();
                }
                if (rule.SecuritySeverity.HasValue)
                    json.WriteString("security-severity", rule.SecuritySeverity.Value.ToString("0.0", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }

        private static void WriteResults(Utf8JsonWriter json, CheckReport report)
        {
            var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < report.Catalogue.Rules.Count; i++) ruleIndex[report.Catalogue.Rules[i].Id] = i;
            var fingerprints = new LineFingerprints();

            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                if (ruleIndex.TryGetValue(finding.RuleId, out int index)) json.WriteNumber("ruleIndex", index);
                json.WriteString("level", finding.Severity.ToName());
                WriteMessage(json, "message", finding.Message.Length > 0 ? finding.Message : finding.RuleId);
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                bool absolute = Path.IsPathRooted(finding.Path);
                json.WriteString("uri", absolute ? new Uri(finding.Path).AbsoluteUri : RelativeUri(finding.Path));
                if (!absolute) json.WriteString("uriBaseId", SourceRootId);
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.Start.Line);
                json.WriteNumber("startColumn", finding.Start.Column);
                json.WriteNumber("endLine", finding.End.Line);
                json.WriteNumber("endColumn", finding.End.Column);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("partialFingerprints");
                json.WriteString("primaryLocationLineHash", fingerprints.Next(finding));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        private static void WriteMessage(Utf8JsonWriter json, string name, string text)
        {
            json.WriteStartObject(name);
            json.WriteString("text", text.Trim());
            json.WriteEndObject();
        }

        /// <summary>A PascalCase name from the title ("Public ECR repository policy" → "PublicECRRepositoryPolicy").</summary>
        internal static string RuleName(string title)
        {
            var name = new StringBuilder(title.Length);
            bool wordStart = true;
            foreach (char c in title)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    wordStart = true;
                    continue;
                }
                name.Append(wordStart ? char.ToUpperInvariant(c) : c);
                wordStart = false;
            }
            return name.ToString();
        }

        private static string HelpText(RuleDescriptor rule)
            => rule.Summary.Trim() + "\n\n" + rule.Rationale.Trim() + "\n\nHow to fix: " + rule.Remediation.Trim() + "\n\n" + rule.HelpUri;

        private static string HelpMarkdown(RuleDescriptor rule)
            => "**" + rule.Id + ": " + rule.Title.Trim() + "**\n\n" + rule.Summary.Trim()
               + "\n\n## Why it matters\n\n" + rule.Rationale.Trim()
               + "\n\n## How to fix\n\n" + rule.Remediation.Trim()
               + "\n\n[Documentation](" + rule.HelpUri + ")";

        private static string RelativeUri(string path)
            => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

        private static string FolderUri(string folder)
        {
            string uri = new Uri(folder).AbsoluteUri;
            return uri.EndsWith("/", StringComparison.Ordinal) ? uri : uri + "/";
        }
    }
}
