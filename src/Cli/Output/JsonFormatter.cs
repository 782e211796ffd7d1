using System.IO;
using System.Text.Json;
using Shipshape.Findings;

namespace Shipshape.Cli.Output
{
    /// <summary>A JSON object for scripts: <c>version</c>, <c>findings</c> and <c>summary</c>.</summary>
    internal sealed class JsonFormatter : IReportFormatter
    {
        private readonly string _toolVersion;

        public JsonFormatter(string toolVersion)
        {
            _toolVersion = toolVersion;
        }

        public void Write(CheckReport report, TextWriter writer) => JsonText.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("version", _toolVersion);
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("severity", finding.Severity.ToName());
                json.WriteString("message", finding.Message);
                json.WriteString("path", finding.Path);
                json.WriteNumber("line", finding.Start.Line);
                json.WriteNumber("column", finding.Start.Column);
                json.WriteNumber("endLine", finding.End.Line);
                json.WriteNumber("endColumn", finding.End.Column);
                string? helpUri = report.HelpUri(finding.RuleId);
                if (helpUri != null) json.WriteString("helpUri", helpUri);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("filesChecked", report.FilesChecked);
            json.WriteNumber("filesSkipped", report.FilesSkipped);
            json.WriteNumber("errors", report.Count(Severity.Error));
            json.WriteNumber("warnings", report.Count(Severity.Warning));
            json.WriteNumber("notes", report.Count(Severity.Note));
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }
}
