using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Rules.Iam
{
    /// <summary><c>Version</c> must be one of the two policy language versions.</summary>
    public sealed class InvalidPolicyVersion : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            var version = policy.Root.Get("Version");
            if (version == null || version.IsUnknown) return;
            if (version is ScalarNode s && (s.Value == "2012-10-17" || s.Value == "2008-10-17")) return;
            context.Report(version, version is ScalarNode scalar ? scalar.Value : "(not a string)");
        }
    }

    /// <summary>
    /// A missing <c>Version</c> means 2008-10-17, the old language without policy variables:
    /// <c>${aws:username}</c> is then a literal string and silently matches nothing.
    /// </summary>
    public sealed class OutdatedPolicyVersion : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            var version = policy.Root.GetEntry("Version");
            if (version == null)
                context.Report(policy.Root.Head, "The policy has no 'Version', so it uses 2008-10-17");
            else if (version.Value is ScalarNode s && s.Value == "2008-10-17")
                context.Report(s, "'Version' is 2008-10-17");
        }
    }
}
