using System;
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
        public Finding(string ruleId, Severity severity, string message, SourceSpan span)
        {
            RuleId = ruleId;
            Severity = severity;
            Message = message;
            Span = span;
        }

        public string RuleId { get; }
        public Severity Severity { get; }
        public string Message { get; }
        public SourceSpan Span { get; }

        public string Path => Span.Source.Path;
        public LinePosition Start => Span.StartPosition;
        public LinePosition End => Span.EndPosition;

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
