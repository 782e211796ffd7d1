using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Shipshape.CloudFormation;
using Shipshape.Model;
using Shipshape.Parsing;

namespace Shipshape.Ecr
{
    /// <summary>
    /// Whether ECR can use a customer-managed KMS key, judged from its key policy. ECR calls
    /// <c>kms:DescribeKey</c> and <c>kms:CreateGrant</c> when the repository is created (the grant lets it
    /// call <c>kms:GenerateDataKey</c> on push and <c>kms:Decrypt</c> on pull). A key policy works when it
    /// delegates to the account (an account root principal allowed <c>kms:*</c>: IAM policies then decide)
    /// or when its statements allow those four calls. Anything unknown counts in the key's favour.
    /// </summary>
    public static class EcrKeyAccess
    {
        /// <summary>The calls ECR needs, with the names messages use for them.</summary>
        public static readonly IReadOnlyList<(string Action, string Display)> RequiredActions = new[]
        {
            ("kms:CreateGrant", "kms:CreateGrant"),
            ("kms:DescribeKey", "kms:DescribeKey"),
            ("kms:GenerateDataKey", "kms:GenerateDataKey*"),
            ("kms:Decrypt", "kms:Decrypt"),
        };

        private static readonly Regex AccountRoot = new Regex(@"^(arn:[a-z-]+:iam::[0-9]{12}:root|[0-9]{12})$", RegexOptions.CultureInvariant);

        /// <summary>
        /// The <c>AWS::KMS::Key</c> (or <c>ReplicaKey</c>) in the same template that a <c>KmsKey</c> value
        /// references (<c>Ref</c>, <c>Fn::GetAtt</c>, also through an <c>AWS::KMS::Alias</c>); null otherwise.
        /// </summary>
        public static TemplateResource? ResolveKey(CloudFormationTemplate? template, Node? kmsKey)
        {
            if (template == null) return null;
            var target = Resolve(template, kmsKey);
            if (target != null && target.TypeName == "AWS::KMS::Alias") target = Resolve(template, target.Properties?.Get("TargetKeyId"));
            return target != null && (target.TypeName == "AWS::KMS::Key" || target.TypeName == "AWS::KMS::ReplicaKey") ? target : null;
        }

        /// <summary>
        /// The calls (display names) ECR needs that the key policy does not allow, when it also does not
        /// delegate to the account; null when ECR can use the key or the policy cannot be read.
        /// An absent policy is the default key policy, which delegates to the account.
        /// </summary>
        public static IReadOnlyList<string>? MissingActions(Node? keyPolicy)
        {
            var policy = Read(keyPolicy);
            if (policy == null) return null;
            var statementsNode = policy.Get("Statement");
            if (statementsNode == null || statementsNode.IsUnknown) return null;
            var statements = statementsNode is SequenceNode list ? list.Items : new[] { statementsNode };
            var allowed = new bool[RequiredActions.Count];
            foreach (var item in statements)
            {
                if (!(item is MappingNode statement)) continue;
                if (statement.IsUnknown) return null;
                var effect = statement.Get("Effect");
                if (effect == null || (!effect.IsUnknown && CfnValue.Text(effect) != "Allow")) continue;
                if (KeepsEcrOut(statement.Get("Condition"))) continue;
                if (AllowsEverything(statement) && MayIncludeAccountRoot(statement)) return null;
                for (int i = 0; i < allowed.Length; i++)
                    if (Allows(statement, RequiredActions[i].Action)) allowed[i] = true;
            }
            if (allowed.All(a => a)) return null;
            return RequiredActions.Where((a, i) => !allowed[i]).Select(a => a.Display).ToList();
        }

        private static MappingNode? Read(Node? keyPolicy)
        {
            if (keyPolicy == null || keyPolicy.IsUnknown) return null;
            if (keyPolicy is MappingNode map) return map;
            if (keyPolicy is ScalarNode text && text.IsString && text.Value.Trim().Length > 0)
            {
                var parsed = EmbeddedJson.Parse(text);
                if (parsed.Succeeded && parsed.Documents.Count == 1) return parsed.Documents[0] as MappingNode;
            }
            return null;
        }

        private static TemplateResource? Resolve(CloudFormationTemplate template, Node? reference)
        {
            var resolved = template.Resolve(reference);
            if (resolved != null) return resolved;
            // Fn::GetAtt also takes the string form "Resource.Attribute".
            if (reference is MappingNode map && map.IntrinsicFunction == "Fn::GetAtt" && CfnValue.Text(map.Entries[0].Value) is string dotted)
            {
                int dot = dotted.IndexOf('.');
                if (dot > 0) return template.Find(dotted.Substring(0, dot));
            }
            return null;
        }

        /// <summary>Action <c>*</c> or <c>kms:*</c> (or an unknown action list, which may be).</summary>
        private static bool AllowsEverything(MappingNode statement)
        {
            var action = statement.Get("Action");
            if (action == null) return false;
            return Patterns(action).Any(p => p == null || p == "*" || string.Equals(p, "kms:*", StringComparison.OrdinalIgnoreCase));
        }

        private static bool Allows(MappingNode statement, string action)
        {
            var list = statement.Get("Action");
            if (list != null) return Patterns(list).Any(p => p == null || IamGlob(p, action));
            var notList = statement.Get("NotAction");
            if (notList != null) return !Patterns(notList).Any(p => p != null && IamGlob(p, action));
            return false;
        }

        /// <summary>The action patterns of an element; null items stand for unknown ones.</summary>
        private static IEnumerable<string?> Patterns(Node node)
        {
            if (node.IsUnknown) { yield return null; yield break; }
            if (node is SequenceNode list)
            {
                foreach (var item in list.Items)
                    yield return item.IsUnknown ? null : CfnValue.Text(item);
            }
            else
            {
                yield return CfnValue.Text(node);
            }
        }

        /// <summary>
        /// True when the principal may be the key's own account: an account root, <c>"*"</c>, a
        /// <c>NotPrincipal</c>, or a value only known at deploy time (unless its known end names a role, user…).
        /// </summary>
        private static bool MayIncludeAccountRoot(MappingNode statement)
        {
            var principal = statement.Get("Principal");
            if (principal == null || principal.IsUnknown) return true;
            if (principal is ScalarNode star) return star.Value == "*";
            if (!(principal is MappingNode map)) return true;
            var aws = map.Get("AWS");
            if (aws == null) return false;
            if (aws.IsUnknown) return true;
            var values = aws is SequenceNode list ? list.Items : new[] { aws };
            foreach (var value in values)
            {
                string? text = CfnValue.Render(value);
                if (text == null) continue;
                if (!CfnValue.HasUnknownParts(text))
                {
                    if (text == "*" || AccountRoot.IsMatch(text)) return true;
                    continue;
                }
                string suffix = CfnValue.KnownSuffix(text);
                if (suffix.EndsWith(":root", StringComparison.Ordinal) || (suffix.IndexOf(':') < 0 && suffix.IndexOf('/') < 0)) return true;
            }
            return false;
        }

        /// <summary>
        /// True when a <c>kms:ViaService</c> condition limits the statement to services other than ECR.
        /// Any other condition, and any value only known at deploy time, may let ECR in.
        /// </summary>
        private static bool KeepsEcrOut(Node? condition)
        {
            if (!(condition is MappingNode operators) || operators.IsUnknown) return false;
            foreach (var op in operators.Entries)
            {
                string name = op.Name;
                if (name.StartsWith("ForAnyValue:", StringComparison.Ordinal)) name = name.Substring("ForAnyValue:".Length);
                if (name.EndsWith("IfExists", StringComparison.Ordinal)) continue;
                if (name != "StringEquals" && name != "StringEqualsIgnoreCase" && name != "StringLike") continue;
                if (!(op.Value is MappingNode keys) || keys.IsUnknown) continue;
                foreach (var key in keys.Entries)
                {
                    if (!string.Equals(key.Name, "kms:ViaService", StringComparison.OrdinalIgnoreCase)) continue;
                    var values = key.Value is SequenceNode list ? list.Items : new[] { key.Value };
                    bool ecr = false;
                    foreach (var value in values)
                    {
                        string? text = CfnValue.Render(value);
                        if (text == null || LetsEcrIn(text)) { ecr = true; break; }
                    }
                    if (!ecr) return true;
                }
            }
            return false;
        }

        private static bool LetsEcrIn(string service)
        {
            string pattern = service.Replace(CfnValue.Unknown, '*');
            return pattern.StartsWith("ecr.", StringComparison.OrdinalIgnoreCase)
                || IamGlob(pattern, "ecr.us-east-1.amazonaws.com")
                || IamGlob(pattern, "ecr.cn-north-1.amazonaws.com.cn");
        }

        /// <summary>IAM's case-insensitive match: <c>*</c> any run of characters, <c>?</c> one character.</summary>
        private static bool IamGlob(string pattern, string text)
        {
            int p = 0, t = 0, star = -1, resume = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && pattern[p] == '*') { star = p++; resume = t; }
                else if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t]))) { p++; t++; }
                else if (star >= 0) { p = star + 1; t = ++resume; }
                else return false;
            }
            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }
    }
}
