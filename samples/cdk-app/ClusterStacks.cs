using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;

namespace Northwind.Parcel
{
    // The EKS clusters that run the parcel services, one per stack (CDK allows one L2 cluster in a stack). Two of them
    // ship too few control-plane logs to CloudWatch Logs: Kubernetes keeps events for an hour, so without the logs
    // nobody can tell later who did what in the cluster.

    /// <summary>No <c>ClusterLogging</c>: CDK enables no log type at all (EKS001).</summary>
    public sealed class SortingClusterStack : Stack
    {
        public SortingClusterStack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {
            _ = new Cluster(this, "Sorting", new ClusterProps
            {
                Version = KubernetesVersion.V1_29,
            });
        }
    }

    /// <summary>API and audit logs only: who authenticated as whom, and why pods were (not) scheduled, is lost (EKS002).</summary>
    public sealed class TrackingClusterStack : Stack
    {
        public TrackingClusterStack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {
            _ = new Cluster(this, "Tracking", new ClusterProps
            {
                Version = KubernetesVersion.V1_29,
                ClusterLogging = new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT },
            });
        }
    }

    /// <summary>The clean twin: every control-plane log type.</summary>
    public sealed class BillingClusterStack : Stack
    {
        public BillingClusterStack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {
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
