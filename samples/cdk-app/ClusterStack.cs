using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;

namespace Northwind.Parcel
{
    /// <summary>
    /// The EKS clusters that run the parcel services. Two of them ship too few control-plane logs to CloudWatch Logs:
    /// Kubernetes keeps events for an hour, so without the logs nobody can tell later who did what in the cluster.
    /// </summary>
    public sealed class ClusterStack : Stack
    {
        public ClusterStack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {
            // No ClusterLogging: CDK enables no log type at all (EKS001).
            _ = new Cluster(this, "Sorting", new ClusterProps
            {
                Version = KubernetesVersion.V1_29,
            });

            // API and audit logs only: who authenticated as whom, and why pods were (not) scheduled, is lost (EKS002).
            _ = new Cluster(this, "Tracking", new ClusterProps
            {
                Version = KubernetesVersion.V1_29,
                ClusterLogging = new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT },
            });

            // The clean twin: every control-plane log type.
            _ = new Cluster(this, "Billing", new ClusterProps
            {
                Version = KubernetesVersion.V1_29,
                ClusterLogging = new[]
                {
                    ClusterLoggingTypes.API,
                    ClusterLoggingTypes.AUDIT,
                    ClusterLoggingTypes.AUTHENTICATOR,
                    ClusterLoggingTypes.CONTROLLER_MANAGER,
                    ClusterLoggingTypes.SCHEDULER,
                },
            });
        }
    }
}
