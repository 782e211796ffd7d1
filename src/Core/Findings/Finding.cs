using System;
using System.Collections.Generic;
using Shipshape.Text;

namespace Shipshape.Findings
{
    /// <summary>Ordered so that a higher value is more severe (fail levels compare with it).</summary>
    public enum Severity
    {
        Note = 0,
        Warning = 1,
        Error = 2,
    }

    public static class SeverityNames
    {
        public static string ToName(this Severity severity)
        {
            switch (severity)
            {
                case Severity.Error: return "error";
                case Severity.Warning: return "warning";
                default: return "note";
            }
        }

        public static bool TryParse(string? text, out Severity severity)
        {
            switch (text?.Trim().ToLowerInvariant())
            {
                case "error": severity = Severity.Error; return true;
                case "warning": severity = Severity.Warning; return true;
                case "note": severity = Severity.Note; return true;
                default: severity = Severity.Note; return false;
            }
        }
    }

    /// <summary>One problem found: which rule, how bad, what to say and exactly where.</summary>
    public sealed class Finding : IComparable<Finding>
    {
        // Set on detached findings (see Detach), which no longer hold their file's text.
        private readonly LinePosition? _start;
        private readonly LinePosition? _end;
        private readonly string? _startLineText;

        public Finding(string ruleId, Severity severity, string message, SourceSpan span)
        {
            RuleId = ruleId;
            Severity = severity;
            Message = message;
            Span = span;
        }

        private Finding(Finding original, SourceSpan span, LinePosition start, LinePosition end, string startLineText)
            : this(original.RuleId, original.Severity, original.Message, span)
        {
            _start = start;
            _end = end;
            _startLineText = startLineText;
        }

        public string RuleId { get; }
        public Severity Severity { get; }
        public string Message { get; }

        /// <summary>The offsets in the file. On a detached finding the span's source has the path but no text.</summary>
        public SourceSpan Span { get; }

        public string Path => Span.Source.Path;
        public LinePosition Start => _start ?? Span.StartPosition;
        public LinePosition End => _end ?? Span.EndPosition;

        /// <summary>The text of the line the finding starts on, without its line break.</summary>
        public string StartLineText => _startLineText ?? Span.Source.GetLineText(Start.Line);

        /// <summary>True for a copy made by <see cref="Detach"/>.</summary>
        public bool IsDetached => _start.HasValue;

        /// <summary>
        /// Copies that keep what reports need (offsets, line and column, the text of the start line) but not
        /// the file's text, so a run over many files holds only what it will print, never every file
        /// (findings on one line share one copy of it). <see cref="SourceSpan.Text"/> is not available on them.
        /// </summary>
        public static IReadOnlyList<Finding> Detach(IReadOnlyList<Finding> findings)
        {
            if (findings.Count == 0) return findings;
            var result = new Finding[findings.Count];
            var pathOnly = new Dictionary<SourceText, SourceText>();
            var lines = new Dictionary<(SourceText, int), string>();
            for (int i = 0; i < findings.Count; i++)
            {
                var f = findings[i];
                if (f.IsDetached)
                {
                    result[i] = f;
                    continue;
                }
                SourceText source = f.Span.Source;
                if (!pathOnly.TryGetValue(source, out var empty)) pathOnly[source] = empty = new SourceText(source.Path, string.Empty);
                LinePosition start = f.Start;
                if (!lines.TryGetValue((source, start.Line), out string? line)) lines[(source, start.Line)] = line = source.GetLineText(start.Line);
                result[i] = new Finding(f, new SourceSpan(empty, f.Span.Start, f.Span.End), start, f.End, line);
            }
            return result;
        }

        /// <summary>Deterministic order: file, line, column, rule, message.</summary>
        public int CompareTo(Finding? other)
        {
            if (other == null) return 1;
            int c = string.CompareOrdinal(Path, other.Path);
            if (c != 0) return c;
            c = Span.Start.CompareTo(other.Span.Start);
            if (c != 0) return c;
            c = string.CompareOrdinal(RuleId, other.RuleId);
            if (c != 0) return c;
            return string.CompareOrdinal(Message, other.Message);
        }

        public override string ToString() => Path + ":" + Start + ": " + Severity.ToName() + " " + RuleId + ": " + Message;
    }
}
