using System.Collections.Generic;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Rules.Iam
{
    /// <summary>Statement IDs must be unique within a policy; several services reject duplicates.</summary>
    public sealed class DuplicateSid : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            var seen = new Dictionary<string, ScalarNode>();
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                if (!(statement.Get("Sid") is ScalarNode sid) || !sid.IsString || sid.Value.Length == 0) continue;
                if (seen.TryGetValue(sid.Value, out var first))
                    context.Report(sid, sid.Value, first.Span.StartPosition.Line);
                else
                    seen[sid.Value] = sid;
            }
        }
    }
}
