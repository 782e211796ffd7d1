using System.Collections.Generic;
using Shipshape.Model;
using Shipshape.Text;

namespace Shipshape.Parsing
{
    /// <summary>The catalogue IDs the engine itself reports (their docs live in rules/ like every other rule).</summary>
    public static class EngineRuleIds
    {
        public const string SyntaxError = "LINT001";
        public const string LimitExceeded = "LINT002";
        public const string MissingSuppressionReason = "LINT003";
        public const string UnusedSuppression = "LINT004";
        public const string DuplicateKey = "LINT005";
    }

    /// <summary>Something wrong with the text itself, found while reading it.</summary>
    public sealed class ParseProblem
    {
        public ParseProblem(string ruleId, SourceSpan span, string detail)
        {
            RuleId = ruleId;
            Span = span;
            Detail = detail;
        }

        public string RuleId { get; }
        public SourceSpan Span { get; }
        public string Detail { get; }
    }

    /// <summary>Limits that keep hostile input from exhausting time, stack or memory.</summary>
    public sealed class ParseLimits
    {
        public static readonly ParseLimits Default = new ParseLimits();

        /// <summary>Files larger than this are not parsed (LINT002).</summary>
        public long MaxFileBytes { get; set; } = 10L * 1024 * 1024;

        /// <summary>Deepest nesting of mappings and sequences accepted.</summary>
        public int MaxDepth { get; set; } = 256;

        /// <summary>How many nodes YAML aliases may add in all (guards against "billion laughs").</summary>
        public int MaxAliasExpansion { get; set; } = 100_000;
    }

    public sealed class ParseResult
    {
        public ParseResult(IReadOnlyList<Node> documents, IReadOnlyList<ParseProblem> problems)
        {
            Documents = documents;
            Problems = problems;
        }

        /// <summary>The roots of the documents read (a YAML stream may hold several; JSON holds one).</summary>
        public IReadOnlyList<Node> Documents { get; }

        public IReadOnlyList<ParseProblem> Problems { get; }

        /// <summary>False when the text could not be read completely; rules do not run on a partial document.</summary>
        public bool Succeeded
        {
            get
            {
                foreach (var p in Problems)
                    if (p.RuleId != EngineRuleIds.DuplicateKey) return false;
                return true;
            }
        }
    }
}
