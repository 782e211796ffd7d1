using System.Globalization;
using System.IO;
using Shipshape.Catalogue;
using Shipshape.Findings;

namespace Shipshape.Cli
{
    /// <summary><c>shipshape explain ID</c>: a rule's documentation and examples, for reading in a terminal.</summary>
    internal sealed class ExplainCommand
    {
        private const string Indent = "  ";

        private readonly RuleCatalogue _catalogue;

        public ExplainCommand(RuleCatalogue catalogue)
        {
            _catalogue = catalogue;
        }

        public int Run(string id, TextWriter output, TextWriter error)
        {
            if (!_catalogue.TryGet(id.Trim().ToUpperInvariant(), out var rule))
            {
                error.WriteLine("shipshape: no rule " + id + "; 'shipshape rules' lists them all");
                return ExitCodes.UsageOrInternalError;
            }

            output.WriteLine(rule.Id + ": " + rule.Title);
            string facts = "Severity: " + rule.DefaultSeverity.ToName() + "   Category: " + rule.Category;
            if (rule.Tags.Count > 0) facts += "   Tags: " + string.Join(", ", rule.Tags);
            if (rule.SecuritySeverity.HasValue) facts += "   Security severity: " + rule.SecuritySeverity.Value.ToString("0.0", CultureInfo.InvariantCulture);
            output.WriteLine(facts);
            Section(output, "Summary", rule.Summary);
            Section(output, "Why it matters", rule.Rationale);
            Section(output, "How to fix", rule.Remediation);
            output.WriteLine();
            output.WriteLine("Help: " + rule.HelpUri);

            foreach (var example in rule.Examples)
            {
                output.WriteLine();
                output.WriteLine((example.Compliant ? "Compliant" : "Non-compliant") + ": " + example.Name + " (" + example.File + ")");
                foreach (string line in Lines(Shipshape.Catalogue.ExampleMarkup.Strip(example.Code))) output.WriteLine(line.Length == 0 ? line : Indent + Indent + line);
            }
            return ExitCodes.Clean;
        }

        private static void Section(TextWriter output, string heading, string body)
        {
            output.WriteLine();
            output.WriteLine(heading);
            foreach (string line in Lines(body)) output.WriteLine(line.Length == 0 ? line : Indent + line);
        }

        private static string[] Lines(string text) => text.TrimEnd().Replace("\r\n", "\n").Split('\n');
    }
}
