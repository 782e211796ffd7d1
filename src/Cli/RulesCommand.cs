using System;
using System.IO;
using System.Linq;
using Shipshape.Catalogue;
using Shipshape.Cli.Output;
using Shipshape.Findings;

namespace Shipshape.Cli
{
    /// <summary><c>shipshape rules</c>: the catalogue as a table or as JSON.</summary>
    internal sealed class RulesCommand
    {
        public static readonly string[] Formats = { "text", "json" };

        private readonly RuleCatalogue _catalogue;

        public RulesCommand(RuleCatalogue catalogue)
        {
            _catalogue = catalogue;
        }

        public int Run(string format, TextWriter output)
        {
            if (format == "json") WriteJson(output);
            else WriteTable(output);
            return ExitCodes.Clean;
        }

        private void WriteTable(TextWriter output)
        {
            int idWidth = Math.Max("ID".Length, _catalogue.Rules.Select(r => r.Id.Length).DefaultIfEmpty(0).Max());
            const int severityWidth = 8; // "SEVERITY", "warning"
            output.WriteLine("ID".PadRight(idWidth) + "  " + "SEVERITY".PadRight(severityWidth) + "  TITLE");
            foreach (var rule in _catalogue.Rules)
                output.WriteLine(rule.Id.PadRight(idWidth) + "  " + rule.DefaultSeverity.ToName().PadRight(severityWidth) + "  " + rule.Title);
        }

        private void WriteJson(TextWriter output) => JsonText.Write(output, json =>
        {
            json.WriteStartArray();
            foreach (var rule in _catalogue.Rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("title", rule.Title);
                json.WriteString("severity", rule.DefaultSeverity.ToName());
                json.WriteString("category", rule.Category);
                json.WriteStartArray("tags");
                foreach (string tag in rule.Tags) json.WriteStringValue(tag);
                json.WriteEndArray();
                json.WriteString("summary", rule.Summary.Trim());
                json.WriteString("helpUri", rule.HelpUri);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
    }
}
