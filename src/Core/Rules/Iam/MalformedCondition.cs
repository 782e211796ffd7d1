using System;
using System.Collections.Generic;
using System.Linq;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Rules.Iam
{
    /// <summary>A <c>Condition</c> block is operator → key → value(s), with operators from the IAM grammar.</summary>
    public sealed class MalformedCondition : PolicyRule
    {
        private static readonly string[] BaseOperators =
        {
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
            "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
            "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
        };

        private static readonly HashSet<string> Operators = BuildOperators();

        public override void Check(PolicyDocument policy, RuleContext context)
        {
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                var condition = statement.Get("Condition");
                if (condition == null || condition.IsUnknown) continue;
                if (!(condition is MappingNode operators))
                {
                    context.Report(condition, "'Condition' must be an object of operators, such as {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}}");
                    continue;
                }
                foreach (var op in operators.Entries)
                {
                    if (!IsKnownOperator(op.Name))
                    {
                        string? suggestion = Suggest(op.Name);
                        context.Report(op.Key, "unknown condition operator '" + op.Name + "'" + (suggestion != null ? "; did you mean '" + suggestion + "'?" : string.Empty));
                        continue;
                    }
                    if (op.Value.IsUnknown) continue;
                    if (!(op.Value is MappingNode keys))
                    {
                        context.Report(op.Value, "the value of '" + op.Name + "' must be an object of condition keys and values");
                        continue;
                    }
                    if (keys.Entries.Count == 0) context.Report(keys, "'" + op.Name + "' has no condition keys");
                    foreach (var key in keys.Entries)
                        CheckValues(op.Name, key, context);
                }
            }
        }

        private static void CheckValues(string op, MappingEntry key, RuleContext context)
        {
            if (key.Name.Length == 0 || key.Name.Any(char.IsWhiteSpace))
                context.Report(key.Key, "the condition key '" + key.Name + "' is empty or contains whitespace");
            if (key.Value.IsUnknown) return;
            if (key.Value is SequenceNode list)
            {
                if (list.Items.Count == 0) context.Report(list, "the condition key '" + key.Name + "' has an empty list of values");
                foreach (var item in list.Items)
                    if (!(item is ScalarNode) && !item.IsUnknown) context.Report(item, "condition values are strings, numbers or booleans");
            }
            else if (!(key.Value is ScalarNode))
            {
                context.Report(key.Value, "condition values are strings, numbers or booleans (or a list of them)");
            }
            else if (op.EndsWith("Null", StringComparison.Ordinal) && key.Value is ScalarNode s && s.Value != "true" && s.Value != "false")
            {
                context.Report(s, "'Null' takes true or false");
            }
        }

        /// <summary>An operator with its optional <c>ForAnyValue:</c>/<c>ForAllValues:</c> prefix and <c>IfExists</c> suffix.</summary>
        public static bool IsKnownOperator(string op) => Operators.Contains(op);

        private static HashSet<string> BuildOperators()
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var prefix in new[] { string.Empty, "ForAnyValue:", "ForAllValues:" })
            {
                foreach (var op in BaseOperators)
                {
                    set.Add(prefix + op);
                    if (op != "Null") set.Add(prefix + op + "IfExists");
                }
            }
            return set;
        }

        private static string? Suggest(string op)
        {
            var exact = Operators.FirstOrDefault(o => string.Equals(o, op, StringComparison.OrdinalIgnoreCase));
            if (exact != null) return exact;
            string trimmed = op.Replace(" ", string.Empty);
            return Operators.FirstOrDefault(o => string.Equals(o, trimmed, StringComparison.OrdinalIgnoreCase));
        }
    }
}
