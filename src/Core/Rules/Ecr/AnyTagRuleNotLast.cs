using System.Linq;
using Shipshape.Ecr;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// A <c>tagStatus: any</c> rule whose <c>rulePriority</c> is not the highest of its policy. ECR requires the rule
    /// that matches every image to be evaluated last. Reported on the <c>any</c> rule's priority; unknown priorities
    /// are never assumed higher or lower.
    /// </summary>
    public sealed class AnyTagRuleNotLast : Rule<EcrLifecyclePolicy>
    {
        public override void Check(EcrLifecyclePolicy policy, RuleContext context)
        {
            var rules = LifecyclePolicyReader.Rules(policy.Root).ToList();
            var known = rules.Where(r => r.Priority != null).Select(r => r.Priority!.Value).ToList();
            if (known.Count < 2) return;
            decimal highest = known.Max();
            foreach (var rule in rules)
            {
                if (rule.TagStatus != "any" || rule.Priority == null || rule.PriorityNode == null) continue;
                if (rule.Priority.Value >= highest) continue;
                context.Report(rule.PriorityNode, LifecyclePolicyReader.Format(rule.Priority.Value), LifecyclePolicyReader.Format(highest));
            }
        }
    }
}
