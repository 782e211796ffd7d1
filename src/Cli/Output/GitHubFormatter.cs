using System.Globalization;
using System.IO;
using System.Text;
using Shipshape.Findings;

namespace Shipshape.Cli.Output
{
    /// <summary>GitHub Actions workflow commands (<c>::error file=…::message</c>) that become annotations on the diff.</summary>
    internal sealed class GitHubFormatter : IReportFormatter
    {
        public void Write(CheckReport report, TextWriter writer)
        {
            foreach (var finding in report.Findings)
            {
                var line = new StringBuilder("::").Append(Command(finding.Severity));
                line.Append(" file=").Append(EscapeProperty(finding.Path));
                line.Append(",line=").Append(finding.Start.Line.ToString(CultureInfo.InvariantCulture));
                line.Append(",col=").Append(finding.Start.Column.ToString(CultureInfo.InvariantCulture));
                line.Append(",endLine=").Append(finding.End.Line.ToString(CultureInfo.InvariantCulture));
                line.Append(",endColumn=").Append(finding.End.Column.ToString(CultureInfo.InvariantCulture));
                line.Append(",title=").Append(EscapeProperty(finding.RuleId));
                line.Append("::").Append(EscapeData(finding.Message));
                writer.WriteLine(line.ToString());
            }
        }

        private static string Command(Severity severity)
        {
            switch (severity)
            {
                case Severity.Error: return "error";
                case Severity.Warning: return "warning";
                default: return "notice";
            }
        }

        /// <summary>The runner unescapes these in a command's message.</summary>
        internal static string EscapeData(string value)
            => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        /// <summary>Property values also end at <c>:</c> and <c>,</c>.</summary>
        internal static string EscapeProperty(string value)
            => EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
    }
}
