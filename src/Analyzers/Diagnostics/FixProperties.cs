using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Shipshape.Policies;
using Shipshape.Rules.Iam;

namespace Shipshape.Analyzers.Diagnostics
{
    /// <summary>
    /// What a mechanical fix would write, computed where the facts are (the analyzer) and carried to the code fix in
    /// the diagnostic's properties: the code-fix assembly then only edits text.
    /// </summary>
    public static class FixProperties
    {
        /// <summary>The string literal's new value.</summary>
        public const string Replacement = "Shipshape.Replacement";

        /// <summary>The code action's title.</summary>
        public const string Title = "Shipshape.FixTitle";

        private static readonly Regex ServiceName = new Regex(@"^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$", RegexOptions.CultureInvariant);

        internal static ImmutableDictionary<string, string?> For(string ruleId, SyntaxTree tree, TextSpan span, System.Threading.CancellationToken cancellationToken)
        {
            if (ruleId != "IAM006" && ruleId != "IAM007" && ruleId != "IAM008") return ImmutableDictionary<string, string?>.Empty;
            var node = tree.GetRoot(cancellationToken).FindNode(span, getInnermostNodeForTie: true);
            if (!(node is LiteralExpressionSyntax literal) || !literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.Span != span)
                return ImmutableDictionary<string, string?>.Empty;
            string value = literal.Token.ValueText;
            string? replacement = null;
            string? title = null;
            switch (ruleId)
            {
                case "IAM006":
                {
                    string stripped = RemoveWhitespace(value);
                    if (stripped != value && MalformedAction.Problem(stripped) == null) { replacement = stripped; title = "Remove the whitespace: '" + stripped + "'"; }
                    break;
                }
                case "IAM007":
                {
                    string? suggestion = value.IndexOf('*') < 0 && value.IndexOf('?') < 0 ? ActionCatalogue.Suggest(value) : null;
                    if (suggestion != null) { replacement = suggestion; title = "Replace with '" + suggestion + "'"; }
                    break;
                }
                case "IAM008":
                {
                    string stripped = RemoveWhitespace(value);
                    if (stripped != value && (MalformedPrincipal.AwsProblem(stripped) == null || ServiceName.IsMatch(stripped))) { replacement = stripped; title = "Remove the whitespace: '" + stripped + "'"; }
                    break;
                }
            }
            if (replacement == null) return ImmutableDictionary<string, string?>.Empty;
            return ImmutableDictionary<string, string?>.Empty.Add(Replacement, replacement).Add(Title, title);
        }

        private static string RemoveWhitespace(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (char c in value)
                if (!char.IsWhiteSpace(c)) builder.Append(c);
            return builder.ToString();
        }
    }
}
