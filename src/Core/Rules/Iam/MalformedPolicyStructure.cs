using System.Collections.Generic;
using Shipshape.Detection;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Rules.Iam
{
    /// <summary>The policy grammar's shape: elements, their types, and the pairs that exclude each other.</summary>
    public sealed class MalformedPolicyStructure : PolicyRule
    {
        private static readonly HashSet<string> TopLevel = new HashSet<string> { "Version", "Id", "Statement" };
        private static readonly HashSet<string> StatementElements = new HashSet<string>
        {
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition",
        };

        public override void Check(PolicyDocument policy, RuleContext context)
        {
            var root = policy.Root;
            foreach (var entry in root.Entries)
            {
                if (!TopLevel.Contains(entry.Name))
                    context.Report(entry.Key, "unknown top-level element '" + entry.Name + "' (allowed: Version, Id, Statement)");
                else if (entry.Name != "Statement" && !IsStringOrUnknown(entry.Value))
                    context.Report(entry.Value, "'" + entry.Name + "' must be a string");
            }
            var statement = root.GetEntry("Statement");
            if (statement == null)
            {
                context.Report(root.Head, "the policy has no 'Statement'");
                return;
            }
            if (statement.Value.IsUnknown) return;
            if (statement.Value is SequenceNode list)
            {
                foreach (var item in list.Items)
                {
                    if (item is MappingNode m) { if (!m.IsUnknown) CheckStatement(m, policy, context); }
                    else if (!item.IsUnknown) context.Report(item, "each statement must be an object");
                }
            }
            else if (statement.Value is MappingNode single)
            {
                CheckStatement(single, policy, context);
            }
            else
            {
                context.Report(statement.Value, "'Statement' must be an object or a list of objects");
            }
        }

        private static void CheckStatement(MappingNode statement, PolicyDocument policy, RuleContext context)
        {
            foreach (var entry in statement.Entries)
            {
                if (!StatementElements.Contains(entry.Name))
                {
                    context.Report(entry.Key, "unknown statement element '" + entry.Name + "'" + CaseHint(entry.Name));
                    continue;
                }
                if (entry.Value.IsUnknown) continue;
                switch (entry.Name)
                {
                    case "Sid":
                    case "Effect":
                        if (!(entry.Value is ScalarNode)) context.Report(entry.Value, "'" + entry.Name + "' must be a string");
                        break;
                    case "Action":
                    case "NotAction":
                    case "Resource":
                    case "NotResource":
                        CheckStringOrList(entry, context);
                        break;
                    case "Principal":
                    case "NotPrincipal":
                        if (entry.Value is ScalarNode s ? !s.IsString : !(entry.Value is MappingNode))
                            context.Report(entry.Value, "'" + entry.Name + "' must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"}");
                        break;
                }
            }
            Exclusive(statement, "Action", "NotAction", context);
            Exclusive(statement, "Principal", "NotPrincipal", context);
            Exclusive(statement, "Resource", "NotResource", context);

            if (!statement.Has("Action") && !statement.Has("NotAction"))
                context.Report(statement.Head, "the statement has no 'Action' or 'NotAction'");
            bool hasPrincipal = statement.Has("Principal") || statement.Has("NotPrincipal");
            switch (policy.Kind)
            {
                case PolicyKind.IdentityPolicy:
                    if (hasPrincipal)
                        context.Report(statement.GetEntry("Principal")?.Key ?? statement.GetEntry("NotPrincipal")!.Key,
                            "an identity policy cannot name a principal (it applies to whoever it is attached to)");
                    if (!statement.Has("Resource") && !statement.Has("NotResource"))
                        context.Report(statement.Head, "an identity policy statement needs 'Resource' or 'NotResource'");
                    break;
                case PolicyKind.TrustPolicy:
                    if (!hasPrincipal) context.Report(statement.Head, "a trust policy statement needs a 'Principal'");
                    var resource = statement.GetEntry("Resource") ?? statement.GetEntry("NotResource");
                    if (resource != null) context.Report(resource.Key, "a trust policy cannot have '" + resource.Name + "' (the role itself is the resource)");
                    break;
                default:
                    if (!hasPrincipal) context.Report(statement.Head, "a resource-based policy statement needs a 'Principal' or 'NotPrincipal'");
                    break;
            }
        }

        private static void CheckStringOrList(MappingEntry entry, RuleContext context)
        {
            if (entry.Value is ScalarNode s)
            {
                if (!s.IsString) context.Report(s, "'" + entry.Name + "' must be a string or a list of strings");
                return;
            }
            if (!(entry.Value is SequenceNode list))
            {
                context.Report(entry.Value, "'" + entry.Name + "' must be a string or a list of strings");
                return;
            }
            if (list.Items.Count == 0) context.Report(list, "'" + entry.Name + "' is an empty list");
            foreach (var item in list.Items)
                if (!item.IsUnknown && !(item is ScalarNode si && si.IsString) && PolicyReader.SplitYamlAction(item) == null)
                    context.Report(item, "each entry of '" + entry.Name + "' must be a string");
        }

        private static void Exclusive(MappingNode statement, string a, string b, RuleContext context)
        {
            var first = statement.GetEntry(a);
            var second = statement.GetEntry(b);
            if (first == null || second == null) return;
            var later = first.Key.Span.Start > second.Key.Span.Start ? first : second;
            context.Report(later.Key, "'" + a + "' and '" + b + "' cannot be used together in one statement");
        }

        private static bool IsStringOrUnknown(Node node) => node.IsUnknown || (node is ScalarNode s && s.IsString);

        private static string CaseHint(string name)
        {
            foreach (var element in StatementElements)
                if (string.Equals(element, name, System.StringComparison.OrdinalIgnoreCase)) return " (element names are case-sensitive: '" + element + "')";
            return string.Empty;
        }
    }
}
