using System;
using System.Collections.Generic;
using Shipshape.Detection;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// A repository or registry policy that lets anyone in: <c>Allow</c> to <c>"*"</c> with no condition
    /// that narrows the caller to an organisation, account or network. Deny statements never count.
    /// </summary>
    public sealed class PublicEcrPolicy : PolicyRule
    {
        private static readonly HashSet<string> NarrowingKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn",
            "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths",
            "aws:SourceVpce", "aws:SourceVpc", "aws:VpceAccount", "aws:VpceOrgID", "aws:VpceOrgPaths",
        };

        public override void Check(PolicyDocument policy, RuleContext context)
        {
            if (!policy.IsEcrPolicy) return;
            string subject = policy.Kind == PolicyKind.EcrRegistryPolicy ? "to act in this registry" : "to access this repository";
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                if (PolicyReader.Effect(statement) != "Allow") continue;
                // "Allow" with NotPrincipal grants everyone but the listed principals.
                var notPrincipal = statement.GetEntry("NotPrincipal");
                Node? everyone = notPrincipal != null && !notPrincipal.Value.IsUnknown ? notPrincipal.Key : WildcardPrincipal(statement.Get("Principal"));
                if (everyone == null) continue;
                if (IsNarrowed(statement.Get("Condition"))) continue;
                context.Report(everyone, PolicyReader.Describe(statement), subject);
            }
        }

        /// <summary>The <c>"*"</c> that makes the principal everyone: <c>"*"</c> or <c>{"AWS": "*"}</c> (alone or in a list).</summary>
        private static ScalarNode? WildcardPrincipal(Node? principal)
        {
            if (principal is ScalarNode s) return s.IsString && s.Value == "*" ? s : null;
            if (principal is MappingNode map)
                foreach (var value in PolicyReader.Strings(map.Get("AWS")))
                    if (value.Value == "*") return value;
            return null;
        }

        /// <summary>True when a condition limits who can use the grant, or when it is unknown (then it may).</summary>
        private static bool IsNarrowed(Node? condition)
        {
            if (condition == null) return false;
            if (!(condition is MappingNode operators) || condition.IsUnknown) return true;
            foreach (var op in operators.Entries)
            {
                if (op.Value.IsUnknown) return true;
                if (!NarrowsWhenKeyPresent(op.Name) || !(op.Value is MappingNode keys)) continue;
                foreach (var key in keys.Entries)
                {
                    if (!NarrowingKeys.Contains(key.Name)) continue;
                    if (key.Value.IsUnknown) return true;
                    foreach (var value in PolicyReader.Strings(key.Value))
                        if (value.Value.Length > 0 && value.Value != "*") return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Positive operators narrow. Negated ones (StringNotEquals…), <c>…IfExists</c> and <c>ForAllValues:</c>
        /// also match when the key is absent, and <c>Null</c> tests only presence, so none of them do.
        /// </summary>
        private static bool NarrowsWhenKeyPresent(string op)
        {
            if (op.StartsWith("ForAllValues:", StringComparison.Ordinal) || op.EndsWith("IfExists", StringComparison.Ordinal)) return false;
            if (op.StartsWith("ForAnyValue:", StringComparison.Ordinal)) op = op.Substring("ForAnyValue:".Length);
            switch (op)
            {
                case "StringEquals":
                case "StringEqualsIgnoreCase":
                case "StringLike":
                case "ArnEquals":
                case "ArnLike":
                    return true;
                default:
                    return false;
            }
        }
    }
}
