using System;
using System.IO;
using System.Text;
using Shipshape.Findings;

namespace Shipshape.Cli.Output
{
    /// <summary>
    /// <c>path:line:col: severity ID: message</c> (the gcc/clang form editors and terminals link), then the
    /// source line with <c>^~~~</c> under the span.
    /// </summary>
    internal sealed class TextFormatter : IReportFormatter
    {
        // Minified JSON and CDK templates can be one huge line: show a window around the span instead.
        internal const int MaxSnippetWidth = 120;
        private const int ContextBeforeSpan = 40;
        private const string Ellipsis = "...";

        private const string Bold = "\u001b[1m";
        private const string Red = "\u001b[31m";
        private const string Yellow = "\u001b[33m";
        private const string Cyan = "\u001b[36m";
        private const string Green = "\u001b[32m";
        private const string Reset = "\u001b[0m";

        private readonly bool _color;

        public TextFormatter(bool color)
        {
            _color = color;
        }

        public void Write(CheckReport report, TextWriter writer)
        {
            var lastLine = new LastLine();
            foreach (var finding in report.Findings)
            {
                writer.Write(Paint(Bold, finding.Path + ":" + finding.Start.Line + ":" + finding.Start.Column + ":"));
                writer.Write(' ');
                writer.Write(Paint(Bold + SeverityColor(finding.Severity), finding.Severity.ToName()));
                writer.Write(' ');
                writer.Write(Paint(Bold, finding.RuleId + ":"));
                writer.Write(' ');
                writer.WriteLine(finding.Message);
                lastLine.MoveTo(finding);
                bool sensitive = report.Catalogue.TryGet(finding.RuleId, out var rule) && rule.Sensitive;
                WriteSnippet(finding, sensitive ? Mask(finding, lastLine.Text) : lastLine.Text, writer);
            }
        }

        private void WriteSnippet(Finding finding, string line, TextWriter writer)
        {
            if (line.Length == 0) return;

            int start = Math.Min(finding.Start.Column - 1, line.Length);
            int end = finding.End.Line == finding.Start.Line ? Math.Min(finding.End.Column - 1, line.Length) : line.Length;
            int length = Math.Max(1, end - start);

            int windowStart = 0, windowEnd = line.Length;
            if (line.Length > MaxSnippetWidth)
            {
                windowStart = Math.Max(0, start - ContextBeforeSpan);
                windowEnd = Math.Min(line.Length, windowStart + MaxSnippetWidth);
                windowStart = Math.Max(0, windowEnd - MaxSnippetWidth);
            }
            string prefix = windowStart > 0 ? Ellipsis : string.Empty;
            string suffix = windowEnd < line.Length ? Ellipsis : string.Empty;
            writer.WriteLine(prefix + line.Substring(windowStart, windowEnd - windowStart) + suffix);

            // Tabs are copied into the padding so the caret lines up whatever the terminal's tab width.
            var padding = new StringBuilder(prefix.Length + start - windowStart);
            padding.Append(' ', prefix.Length);
            for (int i = windowStart; i < start; i++) padding.Append(line[i] == '\t' ? '\t' : ' ');
            length = Math.Max(1, Math.Min(length, windowEnd - start));
            writer.WriteLine(padding + Paint(Green, "^" + new string('~', length - 1)));
        }

        /// <summary>Hides a secret the finding points at (its quotes stay), so it never reaches terminals and CI logs.</summary>
        private static string Mask(Finding finding, string line)
        {
            int start = Math.Min(finding.Start.Column - 1, line.Length);
            int end = finding.End.Line == finding.Start.Line ? Math.Min(finding.End.Column - 1, line.Length) : line.Length;
            var chars = line.ToCharArray();
            for (int i = start; i < end; i++)
                if (!((i == start || i == end - 1) && (chars[i] == '"' || chars[i] == '\''))) chars[i] = '*';
            return new string(chars);
        }

        private string Paint(string color, string text) => _color ? color + text + Reset : text;

        private static string SeverityColor(Severity severity)
        {
            switch (severity)
            {
                case Severity.Error: return Red;
                case Severity.Warning: return Yellow;
                default: return Cyan;
            }
        }
    }
}
