using Shipshape.Eks;

namespace Shipshape.Rules.Eks
{
    /// <summary>
    /// A log type EKS (or eksctl) does not know: wrong case, a typo, a component name, a wildcard in
    /// CloudFormation, or a bare string where CloudFormation wants <c>{Type: …}</c>. It would be rejected.
    /// </summary>
    public sealed class UnknownControlPlaneLogType : Rule<EksCluster>
    {
        public override void Check(EksCluster cluster, RuleContext context)
        {
            foreach (var entry in cluster.Entries)
            {
                var value = entry.Value;
                if (value == null || entry.IsUnknown) continue;
                if (entry.IsBareString)
                {
                    string type = EksLogTypes.IsType(value.Value) ? value.Value : EksLogTypes.Suggest(value.Value, cluster.Format) ?? value.Value;
                    context.Report(value, value.Value, "EnabledTypes holds objects, not strings; write '- Type: " + type + "'");
                    continue;
                }
                if (EksLogTypes.IsValid(value.Value, cluster.Format)) continue;
                context.Report(value, value.Value, EksLogTypes.Explain(value.Value, cluster.Format));
            }
        }
    }
}
