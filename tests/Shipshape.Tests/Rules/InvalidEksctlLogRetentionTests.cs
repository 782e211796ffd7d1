using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class InvalidEksctlLogRetentionTests
    {
        private const string Eksctl = """
            apiVersion: eksctl.io/v1alpha5
            kind: ClusterConfig
            metadata:
              name: shop
            cloudWatch:
              clusterLogging:
                enableTypes: ["*"]
                logRetentionInDays: DAYS
            """;

        [TestMethod]
        public void Every_value_eksctl_accepts_is_not_reported()
        {
            foreach (int days in new[] { 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653 })
                Markup.Verify("cluster.yaml", Eksctl.Replace("DAYS", days.ToString(System.Globalization.CultureInfo.InvariantCulture)), "EKS004");
        }

        [TestMethod]
        [DataRow("31", "eksctl allows only 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653 days; the nearest are 30 and 60")]
        [DataRow("1096", "CloudWatch Logs accepts it, but eksctl allows only 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653 days; the nearest are 731 and 1827")]
        [DataRow("5000", "eksctl allows only 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653 days; the nearest is 3653")]
        [DataRow("-7", "eksctl allows only 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653 days; the nearest is 1")]
        [DataRow("30.5", "it must be a whole number of days, one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653")]
        public void Values_eksctl_rejects_are_reported_on_the_value(string days, string explanation)
        {
            string marked = Eksctl.Replace("DAYS", "{|EKS004:" + days + "|}");
            var finding = Markup.VerifyAndGet("cluster.yaml", marked, "EKS004").Single();
            Assert.AreEqual("logRetentionInDays " + days + " would be rejected: " + explanation + ".", finding.Message);
        }

        [TestMethod]
        [DataRow("0")]
        [DataRow("null")]
        [DataRow("\"${LOG_RETENTION_DAYS}\"")]
        [DataRow("\"31\"")]
        [DataRow("30.0")]
        public void Unset_templated_and_quoted_values_are_not_judged(string days)
        {
            Markup.Verify("cluster.yaml", Eksctl.Replace("DAYS", days), "EKS004");
        }

        [TestMethod]
        public void The_value_is_judged_even_without_enabled_types()
        {
            Markup.Verify("cluster.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: shop
                cloudWatch:
                  clusterLogging:
                    logRetentionInDays: {|EKS004:10|}
                """, "EKS004");
        }

        [TestMethod]
        public void CloudFormation_clusters_have_no_retention_setting()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Cluster:
                    Type: AWS::EKS::Cluster
                    Properties:
                      Logging:
                        ClusterLogging:
                          EnabledTypes: [{Type: api}]
                          logRetentionInDays: 31
                """, "EKS004");
        }
    }
}
