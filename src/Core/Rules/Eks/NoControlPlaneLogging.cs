using Shipshape.Eks;
using Shipshape.Model;

namespace Shipshape.Rules.Eks
{
    /// <summary>
    /// A cluster that ships no control-plane logs: no <c>cloudWatch.clusterLogging.enableTypes</c> /
    /// <c>Logging.ClusterLogging.EnabledTypes</c>, or an empty list. Unknown settings are never reported.
    /// </summary>
    public sealed class NoControlPlaneLogging : Rule<EksCluster>
    {
        public override void Check(EksCluster cluster, RuleContext context)
        {
            if (cluster.LoggingUnknown) return;
            if (cluster.EnabledTypes == null)
                context.Report(cluster.Anchor, cluster.Description, cluster.TypesPath);
            else if (cluster.EnabledTypes is SequenceNode list && list.Items.Count == 0)
                context.Report(list, cluster.Description, cluster.TypesPath);
        }
    }
}
