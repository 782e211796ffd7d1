using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class NoControlPlaneLoggingTests
    {
        [TestMethod]
        public void Eksctl_config_without_cloudWatch_is_reported_on_metadata()
        {
            Markup.Verify("cluster.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                {|EKS001:metadata|}:
                  name: shop
                nodeGroups:
                  - name: ng-1
                """, "EKS001");
        }

        [TestMethod]
        public void Eksctl_config_without_metadata_is_reported_on_its_first_key()
        {
            Markup.Verify("cluster.yaml", """
                {|EKS001:apiVersion|}: eksctl.io/v1alpha5
                kind: ClusterConfig
                """, "EKS001");
        }

        [TestMethod]
        [DataRow("cloudWatch: {}")]
        [DataRow("cloudWatch:")]
        [DataRow("cloudWatch:\n  clusterLogging: {}")]
        [DataRow("cloudWatch:\n  clusterLogging:\n    logRetentionInDays: 30")]
        [DataRow("cloudWatch:\n  clusterLogging:\n    enableTypes:")]
        [DataRow("cloudWatch:\n  clusterLogging:\n    enableTypes: null")]
        public void A_cloudWatch_section_that_enables_nothing_is_reported_on_its_key(string section)
        {
            Markup.Verify("cluster.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: shop

                """ + section.Replace("cloudWatch:", "{|EKS001:cloudWatch|}:"), "EKS001");
        }

        [TestMethod]
        public void An_empty_list_is_reported_on_the_list()
        {
            Markup.Verify("cluster.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: shop
                cloudWatch:
                  clusterLogging:
                    enableTypes: {|EKS001:[ ]|}
                    logRetentionInDays: 30
                """, "EKS001");
        }

        [TestMethod]
        [DataRow("enableTypes: ${LOG_TYPES}")]
        [DataRow("enableTypes: [\"${LOG_TYPE}\"]")]
        [DataRow("enableTypes: [\"api\"]")]
        [DataRow("enableTypes: [\"all\"]")]
        [DataRow("enableTypes: [\"Audit\"]")]
        public void Placeholders_and_non_empty_lists_are_not_reported(string types)
        {
            Markup.Verify("cluster.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: shop
                cloudWatch:
                  clusterLogging:
                    TYPES
                """.Replace("TYPES", types), "EKS001");
        }

        [TestMethod]
        public void Each_document_of_a_stream_is_its_own_cluster()
        {
            Markup.Verify("clusters.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: logged
                cloudWatch:
                  clusterLogging:
                    enableTypes: ["*"]
                    logRetentionInDays: 30
                ---
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                {|EKS001:metadata|}:
                  name: silent
                """, "EKS001");
        }

        [TestMethod]
        public void Other_eksctl_and_Kubernetes_kinds_are_not_clusters()
        {
            Markup.Verify("nodegroup.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: NodeGroupConfig
                metadata:
                  name: shop
                """, "EKS001");
            Markup.Verify("deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                """, "EKS001");
        }

        [TestMethod]
        public void CloudFormation_cluster_without_properties_is_reported_on_its_logical_id()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  {|EKS001:Cluster|}:
                    Type: AWS::EKS::Cluster
                  Nodes:
                    Type: AWS::EKS::Nodegroup
                    Properties:
                      ClusterName: !Ref Cluster
                """, "EKS001");
        }

        [TestMethod]
        public void CloudFormation_empty_EnabledTypes_is_reported_on_the_list()
        {
            Markup.Verify("template.json", """
                {"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {
                  "Logging": {"ClusterLogging": {"EnabledTypes": {|EKS001:[]|}}}}}}}
                """, "EKS001");
        }

        [TestMethod]
        public void CloudFormation_Logging_without_types_is_reported_on_Logging()
        {
            Markup.Verify("template.json", """
                {"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {
                  {|EKS001:"Logging"|}: {"ClusterLogging": {}}}}}}
                """, "EKS001");
        }

        [TestMethod]
        [DataRow("Properties: !If [Prod, {Logging: {ClusterLogging: {EnabledTypes: [{Type: api}]}}}, {}]")]
        [DataRow("Properties:\n      Logging: !If [Prod, {ClusterLogging: {EnabledTypes: [{Type: api}]}}, !Ref AWS::NoValue]")]
        [DataRow("Properties:\n      Logging:\n        ClusterLogging: !If [Prod, {EnabledTypes: [{Type: api}]}, !Ref AWS::NoValue]")]
        [DataRow("Properties:\n      Logging:\n        ClusterLogging:\n          EnabledTypes: !Ref LogTypes")]
        public void Logging_only_known_at_deploy_time_is_not_reported(string properties)
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Cluster:
                    Type: AWS::EKS::Cluster
                    PROPERTIES
                """.Replace("PROPERTIES", properties), "EKS001");
        }

        [TestMethod]
        public void The_message_names_the_cluster_and_where_to_enable_logging()
        {
            var report = Shared.Engine.LintText(new SourceText("cluster.yaml", "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: shop\n"));
            var finding = report.Findings.Single(f => f.RuleId == "EKS001");
            StringAssert.StartsWith(finding.Message, "Cluster 'shop' sends no control-plane logs to CloudWatch Logs: Kubernetes events live only 60 minutes");
            StringAssert.EndsWith(finding.Message, "Enable cloudWatch.clusterLogging.enableTypes.");

            report = Shared.Engine.LintText(new SourceText("template.yaml", "Resources:\n  Eks:\n    Type: AWS::EKS::Cluster\n    Properties:\n      Name: shop\n"));
            finding = report.Findings.Single(f => f.RuleId == "EKS001");
            StringAssert.StartsWith(finding.Message, "Cluster 'Eks' sends no control-plane logs");
            StringAssert.EndsWith(finding.Message, "Enable Logging.ClusterLogging.EnabledTypes.");
        }
    }
}
