using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
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
    }
}
