using System.Collections.Generic;
using System.Globalization;
using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// Two rules of a lifecycle policy with the same <c>rulePriority</c>: ECR needs a unique priority per rule to order
    /// them and rejects the policy. Every repeat after the first is reported, on its priority.
    /// </summary>
    public sealed class DuplicateLifecycleRulePriority : Rule<EcrLifecyclePolicy>
    {
        public override void Check(EcrLifecyclePolicy policy, RuleContext context)
        {
            var first = new Dictionary<decimal, ScalarNode>();
            foreach (var rule in LifecyclePolicyReader.Rules(policy.Root))
            {
                if (rule.Priority == null || rule.PriorityNode == null) continue;
                decimal priority = rule.Priority.Value;
                if (first.TryGetValue(priority, out var earlier))
                    context.Report(rule.PriorityNode, LifecyclePolicyReader.Format(priority),
                        earlier.Span.StartPosition.Line.ToString(CultureInfo.InvariantCulture));
                else
                    first[priority] = rule.PriorityNode;
            }
        }
    }
}
