using Shipshape.Text;

namespace Shipshape.Suppressions
{
    /// <summary>Where a suppression was written, which decides what it covers.</summary>
    public enum SuppressionScope
    {
        /// <summary><c># shipshape-ignore ID -- reason</c>: its own line (trailing) or the next line, and what starts there.</summary>
        Line,
        /// <summary><c># shipshape-ignore-file ID -- reason</c>: the whole file.</summary>
        File,
        /// <summary>A CloudFormation resource's <c>Metadata.shipshape.ignore</c>: the whole resource.</summary>
        Resource,
        /// <summary>The template's <c>Metadata.shipshape.ignore</c>: the whole template.</summary>
        Template,
    }

    /// <summary>One rule ID suppressed over a range of a file, and whether anything matched it.</summary>
    public sealed class Suppression
    {
        public Suppression(string ruleId, string? reason, SuppressionScope scope, SourceSpan idSpan, int rangeStart, int rangeEnd)
        {
            RuleId = ruleId;
            Reason = reason;
            Scope = scope;
            IdSpan = idSpan;
            RangeStart = rangeStart;
            RangeEnd = rangeEnd;
        }

        public string RuleId { get; }

        /// <summary>Why it is suppressed; null when the author gave no reason (LINT003).</summary>
        public string? Reason { get; }

        public SuppressionScope Scope { get; }

        /// <summary>The rule ID as written: where LINT004 lands when nothing matches.</summary>
        public SourceSpan IdSpan { get; }

        /// <summary>Findings that start in [RangeStart, RangeEnd] (offsets) are suppressed.</summary>
        public int RangeStart { get; }

        public int RangeEnd { get; }

        /// <summary>Set when a finding matched.</summary>
        public bool Used { get; internal set; }

        public bool Covers(SourceSpan span) => span.Start >= RangeStart && span.Start <= RangeEnd;

        public override string ToString() => RuleId + " (" + Scope + ") at " + IdSpan;
    }

    /// <summary>Something wrong with how a suppression is written (no reason, unknown ID, malformed Metadata).</summary>
    public sealed class SuppressionProblem
    {
        public SuppressionProblem(string ruleId, SourceSpan span, string detail)
        {
            RuleId = ruleId;
            Span = span;
            Detail = detail;
        }

        /// <summary>LINT003 or LINT004.</summary>
        public string RuleId { get; }
        public SourceSpan Span { get; }
        public string Detail { get; }
    }
}
