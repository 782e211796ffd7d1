using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Shipshape.Findings;

namespace Shipshape.Catalogue
{
    /// <summary>
    /// Renders the docs generated from the catalogue: one page per rule (<c>docs/rules/ID.md</c>) and the
    /// rules table of the README. Never edited by hand; a test fails when they drift.
    /// </summary>
    public static class CatalogueDocs
    {
        public const string TableStart = "<!-- rules:start (generated from rules/*.yaml) -->";
        public const string TableEnd = "<!-- rules:end -->";

        private static string ValueOf(Configuration.RuleOptionSpec option)
        {
            switch (option.Type)
            {
                case Configuration.RuleOptionType.StringList: return "list of strings";
                case Configuration.RuleOptionType.AccountIdList: return "list of 12-digit account IDs";
                case Configuration.RuleOptionType.RegexList: return "list of .NET regular expressions";
                case Configuration.RuleOptionType.EnumList: return "list of " + string.Join(", ", option.AllowedValues.Select(v => "`" + v + "`"));
                case Configuration.RuleOptionType.Boolean: return "true or false";
                case Configuration.RuleOptionType.Integer: return "whole number";
                default: return "string";
            }
        }

        public static string RenderRulePage(RuleDescriptor rule)
        {
            var md = new StringBuilder();
            md.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append("\n\n");
            md.Append("| | |\n|---|---|\n");
            md.Append("| Severity | ").Append(rule.DefaultSeverity.ToName()).Append(" |\n");
            md.Append("| Category | ").Append(rule.Category).Append(" |\n");
            md.Append("| Tags | ").Append(string.Join(", ", rule.Tags)).Append(" |\n");
            md.Append("| C# CDK | ").Append(rule.CSharpAnalyzers.Count > 0
                ? "reported while you type, by " + string.Join(", ", rule.CSharpAnalyzers.Select(a => "`" + a + "`"))
                : "not checked in C# code (only in templates and files)").Append(" |\n");
            if (rule.SecuritySeverity.HasValue)
                md.Append("| Security severity | ").Append(rule.SecuritySeverity.Value.ToString("0.0", CultureInfo.InvariantCulture)).Append(" |\n");
            md.Append("\n").Append(rule.Summary.Trim()).Append("\n\n");
            md.Append("## Why\n\n").Append(rule.Rationale.Trim()).Append("\n\n");
            md.Append("## How to fix\n\n").Append(rule.Remediation.Trim()).Append("\n");
            if (rule.Options.Count > 0)
            {
                md.Append("\n## Options\n\nIn `.shipshape.yaml`: `rules: { ").Append(rule.Id).Append(": { options: { … } } }`.\n\n");
                md.Append("| Option | Value | Meaning |\n|---|---|---|\n");
                foreach (var option in rule.Options)
                    md.Append("| `").Append(option.Name).Append("` | ").Append(ValueOf(option)).Append(" | ").Append(option.Description).Append(" |\n");
            }
            if (rule.Examples.Count > 0)
            {
                md.Append("\n## Examples\n");
                foreach (var example in rule.Examples)
                {
                    md.Append("\n### ").Append(example.Compliant ? "Compliant: " : "Non-compliant: ").Append(example.Name).Append("\n\n");
                    md.Append('`').Append(example.File).Append("`");
                    var marks = Marks(example.Code);
                    if (marks.Count > 0)
                        md.Append(" — reported at ").Append(string.Join(", ", marks.Select(m => m.Id + " " + m.Line + ":" + m.Column)));
                    md.Append("\n\n```").Append(Fence(example.File)).Append('\n').Append(ExampleMarkup.Strip(example.Code).TrimEnd('\n')).Append("\n```\n");
                }
            }
            return md.ToString();
        }

        public static string RenderRulesTable(RuleCatalogue catalogue)
        {
            var md = new StringBuilder();
            md.Append(TableStart).Append('\n');
            md.Append("| ID | Severity | Title | C# CDK |\n|---|---|---|---|\n");
            foreach (var rule in catalogue.Rules)
                md.Append("| [").Append(rule.Id).Append("](docs/rules/").Append(rule.Id).Append(".md) | ").Append(rule.DefaultSeverity.ToName()).Append(" | ").Append(rule.Title)
                    .Append(" | ").Append(rule.CSharpAnalyzers.Count > 0 ? "yes" : "").Append(" |\n");
            md.Append(TableEnd);
            return md.ToString();
        }

        /// <summary>Replaces the generated table between the markers of a README.</summary>
        public static string UpdateReadme(string readme, RuleCatalogue catalogue)
        {
            int start = readme.IndexOf(TableStart, StringComparison.Ordinal);
            int end = readme.IndexOf(TableEnd, StringComparison.Ordinal);
            if (start < 0 || end < start) throw new FormatException("The README has no generated rules table markers.");
            return readme.Substring(0, start) + RenderRulesTable(catalogue) + readme.Substring(end + TableEnd.Length);
        }

        private static string Fence(string file)
        {
            string lower = file.ToLowerInvariant();
            switch (Shell.ScriptFiles.KindFromName(file))
            {
                case Detection.DocumentKind.ShellScript: return "sh";
                case Detection.DocumentKind.Makefile: return "makefile";
                case Detection.DocumentKind.Dockerfile: return "dockerfile";
            }
            return lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal) ? "yaml" : "json";
        }

        /// <summary>The 1-based positions of the markup in an example, in the clean text.</summary>
        private static List<(string Id, int Line, int Column)> Marks(string code)
        {
            var (text, marks) = ExampleMarkup.Parse(code);
            var result = new List<(string, int, int)>();
            foreach (var mark in marks)
            {
                int line = 1, column = 1;
                for (int i = 0; i < mark.Start; i++)
                {
                    if (text[i] == '\n') { line++; column = 1; }
                    else column++;
                }
                result.Add((mark.RuleId, line, column));
            }
            return result;
        }
    }
}
