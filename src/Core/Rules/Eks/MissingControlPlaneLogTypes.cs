using System.Collections.Generic;
using System.Linq;
using Shipshape.Configuration;
using Shipshape.Eks;

namespace Shipshape.Rules.Eks
{
    /// <summary>
    /// Some control-plane log types are not enabled. eksctl's <c>"*"</c> and <c>"all"</c> enable all five;
    /// a list with an unknown item (an intrinsic, a placeholder) may enable anything and is not reported.
    /// The <c>required-log-types</c> option narrows the types a cluster must enable (default: all five).
    /// </summary>
    public sealed class MissingControlPlaneLogTypes : Rule<EksCluster>
    {
        public override void Check(EksCluster cluster, RuleContext context)
        {
            if (!cluster.HasKnownTypes) return;
            var enabled = new HashSet<string>();
            foreach (var entry in cluster.Entries)
            {
                if (entry.Value == null || entry.IsBareString) continue;
                if (cluster.Format == EksClusterFormat.Eksctl && EksLogTypes.IsEksctlWildcard(entry.Value.Value)) return;
                if (EksLogTypes.IsType(entry.Value.Value)) enabled.Add(entry.Value.Value);
            }
            var required = context.Options.Has(RuleOptionSpecs.RequiredLogTypes) ? context.Options.GetStrings(RuleOptionSpecs.RequiredLogTypes) : EksLogTypes.All;
            var missing = EksLogTypes.All.Where(t => required.Contains(t) && !enabled.Contains(t)).ToList();
            if (missing.Count > 0) context.Report(cluster.EnabledTypesSpan!.Value, cluster.Description, EksLogTypes.JoinQuoted(missing));
        }
    }
}
