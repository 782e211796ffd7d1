using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Configuration;
using Shipshape.Engine;
using Shipshape.Text;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class MissingControlPlaneLogTypesTests
    {
        private const string Eksctl = """
            apiVersion: eksctl.io/v1alpha5
            kind: ClusterConfig
            metadata:
              name: shop
            cloudWatch:
              clusterLogging:
                logRetentionInDays: 30
                enableTypes: TYPES
            """;

        [TestMethod]
        [DataRow("[\"*\"]")]
        [DataRow("[\"all\"]")]
        [DataRow("[\"api\", \"*\"]")]
        [DataRow("[scheduler, controllerManager, authenticator, audit, api]")]
        [DataRow("[\"api\", \"${MORE_TYPES}\"]")]
        public void All_five_wildcards_and_unknown_items_are_not_reported(string types)
        {
            Markup.Verify("cluster.yaml", Eksctl.Replace("TYPES", types), "EKS002");
        }

        [TestMethod]
        public void A_partial_list_is_reported_on_the_list_and_lists_what_is_missing()
        {
            string marked = Eksctl.Replace("TYPES", "{|EKS002:[\"api\", \"api\", \"audit\"]|}");
            var finding = Markup.VerifyAndGet("cluster.yaml", marked, "EKS002").Single();
            Assert.AreEqual("Cluster 'shop' does not send these control-plane log types to CloudWatch Logs: 'authenticator', 'controllerManager' and 'scheduler'.", finding.Message);
        }

        [TestMethod]
        public void Wrongly_cased_types_do_not_count_as_enabled()
        {
            string marked = Eksctl.Replace("TYPES", "{|EKS002:[\"API\", \"audit\", \"authenticator\", \"controllerManager\", \"scheduler\"]|}");
            var finding = Markup.VerifyAndGet("cluster.yaml", marked, "EKS002").Single();
            StringAssert.EndsWith(finding.Message, "CloudWatch Logs: 'api'.");
        }

        [TestMethod]
        public void A_block_list_is_marked_from_the_first_dash_to_the_last_item_not_the_trailing_comment()
        {
            Markup.Verify("cluster.yaml", """
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata:
                  name: shop
                cloudWatch:
                  clusterLogging:
                    enableTypes:
                      {|EKS002:- api
                      - audit|}   # more later
                    # authenticator: too chatty

                    logRetentionInDays: 30
                """, "EKS002");
        }

        [TestMethod]
        public void CloudFormation_has_no_wildcard()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Cluster:
                    Type: AWS::EKS::Cluster
                    Properties:
                      Logging:
                        ClusterLogging:
                          EnabledTypes: {|EKS002:[{Type: "*"}]|}
                """, "EKS002");
        }

        [TestMethod]
        public void CloudFormation_block_list_of_mappings_ends_at_the_last_type()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Cluster:
                    Type: AWS::EKS::Cluster
                    Properties:
                      Logging:
                        ClusterLogging:
                          EnabledTypes:
                            {|EKS002:- Type: api
                            - Type: audit|}
                      Tags: []
                """, "EKS002");
        }

        [TestMethod]
        [DataRow("- !If [Prod, {Type: scheduler}, !Ref AWS::NoValue]")]
        [DataRow("- Type: !Ref ExtraType")]
        [DataRow("- Type: !FindInMap [Logging, !Ref Env, Type]")]
        public void CloudFormation_items_only_known_at_deploy_time_may_enable_the_rest(string item)
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Cluster:
                    Type: AWS::EKS::Cluster
                    Properties:
                      Logging:
                        ClusterLogging:
                          EnabledTypes:
                            - Type: api
                            ITEM
                """.Replace("ITEM", item), "EKS002");
        }

        [TestMethod]
        public void Empty_lists_are_EKS001_not_EKS002()
        {
            Markup.Verify("cluster.yaml", Eksctl.Replace("TYPES", "{|EKS001:[]|}"), "EKS001", "EKS002");
        }

        private static List<string> MessagesRequiring(string types, params string[] required)
        {
            var options = new RuleOptions(new Dictionary<string, object> { [RuleOptionSpecs.RequiredLogTypes] = required.ToList() });
            var settings = new LintSettings(null, null, id => id == "EKS002" ? options : RuleOptions.Empty);
            return Shared.Engine.LintText(new SourceText("cluster.yaml", Eksctl.Replace("TYPES", types)), true, settings)
                .Findings.Where(f => f.RuleId == "EKS002").Select(f => f.Message).ToList();
        }

        [TestMethod]
        public void Required_log_types_report_only_the_required_ones_that_are_missing()
        {
            CollectionAssert.AreEqual(new[] { "Cluster 'shop' does not send these control-plane log types to CloudWatch Logs: 'authenticator'." },
                MessagesRequiring("[api, audit, scheduler]", "api", "audit", "authenticator"));
        }

        [TestMethod]
        public void Required_log_types_all_enabled_is_not_reported_though_others_are_missing()
        {
            Assert.IsEmpty(MessagesRequiring("[api, audit]", "audit", "api"));
            Assert.IsEmpty(MessagesRequiring("[api]"));
        }

        [TestMethod]
        public void Required_log_types_from_a_config_file_reach_the_rule_and_bad_types_are_config_errors()
        {
            using var dir = new Shipshape.Tests.Configuration.TempFolder();
            dir.Write(".shipshape.yaml", "rules:\n  EKS002:\n    options:\n      required-log-types: [api, audit]\n");
            var config = new ConfigResolver().ForFile(dir.Full("cluster.yaml"));
            Assert.IsEmpty(Shared.Engine.LintText(new SourceText("cluster.yaml", Eksctl.Replace("TYPES", "[api, audit]")), true, config.ToLintSettings())
                .Findings.Where(f => f.RuleId == "EKS002").ToList());
            Assert.HasCount(1, Shared.Engine.LintText(new SourceText("cluster.yaml", Eksctl.Replace("TYPES", "[api]")), true, config.ToLintSettings())
                .Findings.Where(f => f.RuleId == "EKS002").ToList());

            var bad = Assert.ThrowsExactly<ConfigException>(() => ShipshapeConfig.Parse(
                new SourceText(".shipshape.yaml", "rules:\n  EKS002:\n    options:\n      required-log-types: [api, Audit]\n"), "/repo/.shipshape.yaml"));
            Assert.AreEqual(".shipshape.yaml:4:33: 'Audit' is not one of: api, audit, authenticator, controllerManager, scheduler", bad.Errors.Single().ToString());
        }
    }
}
