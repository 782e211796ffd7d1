using System;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Rules.Iam
{
    /// <summary><c>Effect</c> is required and is exactly <c>Allow</c> or <c>Deny</c>: IAM compares it case-sensitively.</summary>
    public sealed class InvalidEffect : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                var effect = statement.GetEntry("Effect");
                if (effect == null)
                {
                    context.Report(statement.Head, "the statement has no 'Effect'; add \"Effect\": \"Allow\" or \"Deny\"");
                    continue;
                }
                if (effect.Value.IsUnknown || !(effect.Value is ScalarNode value)) continue;
                if (value.Value == "Allow" || value.Value == "Deny") continue;
                string hint = string.Equals(value.Value, "allow", StringComparison.OrdinalIgnoreCase) ? "; write \"Allow\""
                    : string.Equals(value.Value, "deny", StringComparison.OrdinalIgnoreCase) ? "; write \"Deny\""
                    : "; it must be \"Allow\" or \"Deny\"";
                context.Report(value, "'Effect' is '" + value.Value + "'" + hint);
            }
        }
    }
}
