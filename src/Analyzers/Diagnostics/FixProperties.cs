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

        /// <summary>The L2 props member to set (<c>ImageScanOnPush</c>) on the construct the diagnostic is about.</summary>
        public const string SetMember = "Shipshape.SetMember";

        /// <summary>The value to set it to, as a fully qualified C# expression (simplified by the code fix).</summary>
        public const string SetValue = "Shipshape.SetValue";

        /// <summary>The props type to create when the construct has none (fully qualified).</summary>
        public const string PropsType = "Shipshape.PropsType";

        /// <summary>The environment variable whose literal value moves to a <c>Secrets</c> entry (ECS001 on an L2 container).</summary>
        public const string SecretName = "Shipshape.SecretName";

        /// <summary>The <c>ClusterLoggingTypes</c> members to add to an L2 cluster's <c>ClusterLogging</c>, comma-separated (<c>API,AUDIT</c>).</summary>
        public const string AddLogTypes = "Shipshape.AddLogTypes";

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

        /// <summary>
        /// The mechanical fix of a repository-settings rule on an L2 <c>Repository</c>: the secure setting CDK offers
        /// for what the rule reports (KMS encryption, scan on push, immutable tags); empty for other rules.
        /// </summary>
        /// <param name="hasExclusionFilters">
        /// The props set <c>ImageTagMutabilityExclusionFilters</c> (CDK 2.277+): CDK and ECR accept them only with a
        /// <c>*_WITH_EXCLUSION</c> mutability, so <c>IMMUTABLE</c> would not deploy, and which tags should stay mutable is the
        /// author's choice. No tag-mutability fix then.
        /// </param>
        internal static ImmutableDictionary<string, string?> ForRepositorySetting(string ruleId, bool hasExclusionFilters)
        {
            string member;
            string value;
            if (ruleId == "ECR014" && hasExclusionFilters) return ImmutableDictionary<string, string?>.Empty;
            switch (ruleId)
            {
                case "ECR010": member = "Encryption"; value = "Amazon.CDK.AWS.ECR.RepositoryEncryption.KMS"; break;
                case "ECR013": member = "ImageScanOnPush"; value = "true"; break;
                case "ECR014": member = "ImageTagMutability"; value = "Amazon.CDK.AWS.ECR.TagMutability.IMMUTABLE"; break;
                default: return ImmutableDictionary<string, string?>.Empty;
            }
            // "Amazon.CDK.AWS.ECR.TagMutability.IMMUTABLE" → "TagMutability.IMMUTABLE" for the title.
            int last = value.LastIndexOf('.');
            string shortValue = last <= 0 ? value : value.Substring(value.LastIndexOf('.', last - 1) + 1);
            return ImmutableDictionary<string, string?>.Empty
                .Add(SetMember, member)
                .Add(SetValue, value)
                .Add(PropsType, "Amazon.CDK.AWS.ECR.RepositoryProps")
                .Add(Title, "Set " + member + " = " + shortValue);
        }

        /// <summary>
        /// ECS001 on a literal in an L2 container's inline <c>Environment</c>: move the variable to <c>Secrets</c>, read from an
        /// SSM SecureString parameter whose name the author fills in.
        /// </summary>
        internal static ImmutableDictionary<string, string?> ForEnvironmentSecret(string variable)
            => ImmutableDictionary<string, string?>.Empty
                .Add(SecretName, variable)
                .Add(Title, "Move '" + variable + "' to Secrets (an SSM SecureString parameter to fill in)");

        /// <summary>The fix of EKS001/EKS002 on an L2 cluster: add the <paramref name="members"/> of <c>ClusterLoggingTypes</c> that are missing.</summary>
        internal static ImmutableDictionary<string, string?> ForClusterLogging(System.Collections.Generic.IReadOnlyList<string> members)
        {
            if (members.Count == 0) return ImmutableDictionary<string, string?>.Empty;
            string title = members.Count == 5
                ? "Enable every control-plane log type"
                : "Enable " + string.Join(", ", System.Linq.Enumerable.Select(members, m => "ClusterLoggingTypes." + m));
            return ImmutableDictionary<string, string?>.Empty.Add(AddLogTypes, string.Join(",", members)).Add(Title, title);
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
