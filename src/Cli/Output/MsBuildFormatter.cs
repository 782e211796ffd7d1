using System.Globalization;
using System.IO;
using Shipshape.Findings;

namespace Shipshape.Cli.Output
{
    /// <summary>
    /// MSBuild's canonical <c>file(line,col,endLine,endCol): error ID: message</c> lines, which Visual Studio,
    /// VS Code's <c>$msCompile</c> matcher and MSBuild's Exec task parse. The end column is exclusive, as Roslyn's.
    /// </summary>
    internal sealed class MsBuildFormatter : IReportFormatter
    {
        public void Write(CheckReport report, TextWriter writer)
        {
            foreach (var finding in report.Findings)
            {
                writer.Write(finding.Path);
                writer.Write(string.Format(CultureInfo.InvariantCulture, "({0},{1},{2},{3}): ",
                    finding.Start.Line, finding.Start.Column, finding.End.Line, finding.End.Column));
                writer.Write(Category(finding.Severity));
                writer.Write(' ');
                writer.Write(finding.RuleId);
                writer.Write(": ");
                writer.WriteLine(OneLine(finding.Message));
            }
        }

        // MSBuild knows only error and warning; "info" is what $msCompile and Roslyn use for the rest.
        private static string Category(Severity severity) => severity == Severity.Note ? "info" : severity.ToName();

        private static string OneLine(string message) => message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
    }
}
