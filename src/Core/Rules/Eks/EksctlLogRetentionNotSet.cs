using Shipshape.Eks;
using Shipshape.Model;

namespace Shipshape.Rules.Eks
{
    /// <summary>
    /// eksctl enables control-plane logging but sets no <c>logRetentionInDays</c> (or 0, which eksctl treats as
    /// unset): CloudWatch Logs keeps the log group forever, and bills for it.
    /// </summary>
    public sealed class EksctlLogRetentionNotSet : Rule<EksCluster>
    {
        public override void Check(EksCluster cluster, RuleContext context)
        {
            if (cluster.Format != EksClusterFormat.Eksctl || cluster.LoggingUnknown) return;
            if (!EnablesSomething(cluster)) return;
            var retention = cluster.Retention;
            if (retention == null)
            {
                context.Report(cluster.Anchor, cluster.Description, "not set");
                return;
            }
            if (!(retention.Value is ScalarNode value)) return;
            if (value.Kind == ScalarKind.Null)
                context.Report(retention.Key, cluster.Description, "empty");
            else if (value.Kind == ScalarKind.Number && double.TryParse(value.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double days) && days == 0)
                context.Report(value, cluster.Description, "0, which eksctl treats as not set");
        }

        /// <summary>A non-empty list with at least one type, wildcard or unknown item (a list of only typos is rejected anyway).</summary>
        private static bool EnablesSomething(EksCluster cluster)
        {
            foreach (var entry in cluster.Entries)
                if (entry.IsUnknown || (entry.Value != null && EksLogTypes.IsValid(entry.Value.Value, cluster.Format))) return true;
            return false;
        }
    }
}
