using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class UnknownControlPlaneLogTypeTests
    {
        private const string Eksctl = """
            apiVersion: eksctl.io/v1alpha5
            kind: ClusterConfig
            metadata:
              name: shop
            cloudWatch:
              clusterLogging:
                enableTypes: [TYPES]
                logRetentionInDays: 30
            """;

        private const string Template = """
            Resources:
              Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  Logging:
                    ClusterLogging:
                      EnabledTypes:
                        - Type: TYPE
            """;

        [TestMethod]
        [DataRow("\"Audit\"", "log types are case-sensitive; write 'audit'")]
        [DataRow("controllermanager", "log types are case-sensitive; write 'controllerManager'")]
        [DataRow("\"ALL\"", "log types are case-sensitive; write 'all'")]
        [DataRow("\"kube-apiserver\"", "did you mean 'api'?")]
        [DataRow("\"controller-manager\"", "did you mean 'controllerManager'?")]
        [DataRow("\"kube-scheduler\"", "did you mean 'scheduler'?")]
        [DataRow("\"authentication\"", "did you mean 'authenticator'?")]
        [DataRow("\"schedular\"", "did you mean 'scheduler'?")]
        [DataRow("\"audits\"", "did you mean 'audit'?")]
        [DataRow("\" api\"", "it has surrounding whitespace; write 'api'")]
        [DataRow("\"kubelet\"", "the log types are 'api', 'audit', 'authenticator', 'controllerManager' and 'scheduler', or '*'/'all' for all five")]
        [DataRow("\"\"", "the log types are 'api', 'audit', 'authenticator', 'controllerManager' and 'scheduler', or '*'/'all' for all five")]
        public void Eksctl_unknown_types_are_reported_on_the_value_with_a_suggestion(string value, string explanation)
        {
            string marked = Eksctl.Replace("TYPES", "\"api\", {|EKS003:" + value + "|}");
            var finding = Markup.VerifyAndGet("cluster.yaml", marked, "EKS003").Single();
            string written = value.Trim('"');
            Assert.AreEqual("Log type '" + written + "' would be rejected: " + explanation + ".", finding.Message);
        }

        [TestMethod]
        [DataRow("\"*\"")]
        [DataRow("all")]
        [DataRow("api, audit, authenticator, controllerManager, scheduler")]
        [DataRow("\"${EXTRA_LOG_TYPE}\"")]
        [DataRow("\"<generated>\"")]
        [DataRow("null")]
        public void Eksctl_valid_types_wildcards_and_placeholders_are_not_reported(string types)
        {
            Markup.Verify("cluster.yaml", Eksctl.Replace("TYPES", types), "EKS003");
        }

        [TestMethod]
        public void CloudFormation_wildcards_are_unknown_there()
        {
            string marked = Template.Replace("TYPE", "{|EKS003:all|}");
            var finding = Markup.VerifyAndGet("template.yaml", marked, "EKS003").Single();
            Assert.AreEqual("Log type 'all' would be rejected: CloudFormation has no wildcard (only eksctl expands it); list the types 'api', 'audit', 'authenticator', 'controllerManager' and 'scheduler'.", finding.Message);
        }

        [TestMethod]
        [DataRow("!Ref LogType")]
        [DataRow("!If [Prod, audit, api]")]
        [DataRow("!Sub \"${Prefix}\"")]
        [DataRow("controllerManager")]
        public void CloudFormation_intrinsics_and_valid_types_are_not_reported(string type)
        {
            Markup.Verify("template.yaml", Template.Replace("TYPE", type), "EKS003");
        }

        [TestMethod]
        public void CloudFormation_bare_strings_are_reported_with_the_object_form()
        {
            string marked = """
                {"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {
                  "Logging": {"ClusterLogging": {"EnabledTypes": [{|EKS003:"api"|}, {|EKS003:"Scheduler"|}, {"Type": "audit"}]}}}}}}
                """;
            var messages = Markup.VerifyAndGet("template.json", marked, "EKS003").Select(f => f.Message).ToList();
            CollectionAssert.AreEqual(new[]
            {
                "Log type 'api' would be rejected: EnabledTypes holds objects, not strings; write '- Type: api'.",
                "Log type 'Scheduler' would be rejected: EnabledTypes holds objects, not strings; write '- Type: scheduler'.",
            }, messages);
        }

        [TestMethod]
        public void CloudFormation_JSON_type_typo_is_reported_on_the_string()
        {
            Markup.Verify("template.json", """
                {"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {
                  "Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": {|EKS003:"Controllermanager"|}}, {"Type": "api"}]}}}}}}
                """, "EKS003");
        }
    }
}
