using Shipshape.Policies;

namespace Shipshape.Rules.Iam
{
    /// <summary>
    /// <c>Allow</c> with <c>NotPrincipal</c> grants everyone but the named principals (anonymous callers included);
    /// <c>Allow</c> with <c>NotAction</c> grants every action but the named ones, including future ones.
    /// </summary>
    public sealed class AllowWithNotPrincipalOrNotAction : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            if (!policy.IsResourceBased) return;
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                if (PolicyReader.Effect(statement) != "Allow") continue;
                var notPrincipal = statement.GetEntry("NotPrincipal");
                if (notPrincipal != null)
                    context.Report(notPrincipal.Key, "NotPrincipal", "everyone except the listed principals, anonymous callers included; name the principals in 'Principal' instead");
                var notAction = statement.GetEntry("NotAction");
                if (notAction != null)
                    context.Report(notAction.Key, "NotAction", "every action except the listed ones, including actions AWS adds later; list the allowed actions in 'Action' instead");
            }
        }
    }
}
