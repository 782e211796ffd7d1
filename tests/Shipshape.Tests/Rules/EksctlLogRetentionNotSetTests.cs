using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class EksctlLogRetentionNotSetTests
    {
        [TestMethod]
        public void Logging_without_retention_is_reported_on_cloudWatch()
        {
            string marked = """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: shop
                {|EKS005:cloudWatch|}:
                  clusterLogging:
                    enableTypes: ["audit"]
                """;
            var finding = Markup.VerifyAndGet("cluster.yaml", marked, "EKS005").Single();
            Assert.AreEqual("Cluster 'shop' keeps its control-plane logs forever: logRetentionInDays is not set, so CloudWatch Logs stores (and bills) them indefinitely.", finding.Message);
        }

        [TestMethod]
        public void Zero_is_reported_on_the_zero_and_an_empty_value_on_the_key()
        {
            Markup.Verify("cluster.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: shop
                cloudWatch:
                  clusterLogging:
                    enableTypes: ["*"]
                    logRetentionInDays: {|EKS005:0|}
                """, "EKS005");
            Markup.Verify("cluster.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: shop
                cloudWatch:
                  clusterLogging:
                    enableTypes: ["*"]
                    {|EKS005:logRetentionInDays|}:
                """, "EKS005");
        }

        [TestMethod]
        [DataRow("enableTypes: []\n    logRetentionInDays: 0")]
        [DataRow("enableTypes: [\"Audit\"]")]
        [DataRow("enableTypes: [\"*\"]\n    logRetentionInDays: \"${RETENTION}\"")]
        [DataRow("enableTypes: [\"*\"]\n    logRetentionInDays: 31")]
        [DataRow("enableTypes: ${TYPES}")]
        public void No_note_when_nothing_is_enabled_or_the_retention_is_set_or_unknown(string settings)
        {
            Markup.Verify("cluster.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: shop
                cloudWatch:
                  clusterLogging:
                    SETTINGS
                """.Replace("SETTINGS", settings), "EKS005");
        }

        [TestMethod]
        public void A_placeholder_type_may_enable_logging()
        {
            Markup.Verify("cluster.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: <generated>
                {|EKS005:cloudWatch|}:
                  clusterLogging:
                    enableTypes: ["${LOG_TYPE}"]
                """, "EKS005");
            var finding = Shared.Engine.LintText(new SourceText("cluster.yaml", "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: <generated>\ncloudWatch:\n  clusterLogging:\n    enableTypes: [api]\n")).Findings.Single(f => f.RuleId == "EKS005");
            StringAssert.StartsWith(finding.Message, "This cluster keeps its control-plane logs forever");
        }

        [TestMethod]
        public void CloudFormation_is_not_checked()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Cluster:
                    Type: AWS::EKS::Cluster
                    Properties:
                      Logging:
                        ClusterLogging:
                          EnabledTypes: [{Type: api}]
                """, "EKS005");
        }
    }
}
