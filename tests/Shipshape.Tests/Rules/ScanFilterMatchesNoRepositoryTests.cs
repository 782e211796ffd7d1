using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class ScanFilterMatchesNoRepositoryTests
    {
        private const string Rule = "ECR026";

        private static string Template(string repositories, string filters, string extra = "") => """
            Resources:
            REPOS
              Scanning:
                Type: AWS::ECR::RegistryScanningConfiguration
                Properties:
                  ScanType: ENHANCED
                  Rules:
                    - ScanFrequency: CONTINUOUS_SCAN
                      RepositoryFilters:
            FILTERS
            EXTRA
            """.Replace("REPOS", repositories).Replace("FILTERS", filters).Replace("EXTRA", extra);

        private static string Repo(string id, string name) => "  " + id + ":\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: " + name;

        private static string Filter(string filter) => "            - Filter: " + filter + "\n              FilterType: WILDCARD";

        [TestMethod]
        [DataRow("prod", "api-prod-eu")]
        [DataRow("prod*", "prod-api")]
        [DataRow("'*prod'", "api-prod")]
        [DataRow("'*'", "anything")]
        [DataRow("payments/*", "payments/api")]
        [DataRow("api*eu", "api-prod-eu")]
        public void A_filter_matching_a_repository_is_fine(string filter, string name)
        {
            Markup.Verify("template.yaml", Template(Repo("Repo", name) + "\n" + Repo("Other", "zzz"), Filter(filter)), Rule);
        }

        [TestMethod]
        [DataRow("prod*", "api-prod")]
        [DataRow("'*prod'", "prod-api")]
        [DataRow("payment/*", "payments/api")]
        [DataRow("prd", "api-prod")]
        public void A_filter_matching_none_is_reported_on_the_filter(string filter, string name)
        {
            Markup.Verify("template.yaml", Template(Repo("Repo", name), Filter("{|ECR026:" + filter + "|}")), Rule);
        }

        [TestMethod]
        public void Each_filter_is_judged_on_its_own_and_the_message_lists_the_names()
        {
            string marked = Template(Repo("Api", "shop/api") + "\n" + Repo("Web", "shop/web"), Filter("shop/*") + "\n" + Filter("{|ECR026:'*-prod'|}"));
            Markup.Verify("template.yaml", marked, Rule);
            var (text, _) = Markup.Parse(marked);
            var finding = Shared.Engine.LintText(new SourceText("template.yaml", text)).Findings.Single(f => f.RuleId == Rule);
            Assert.AreEqual("Scan filter '*-prod' matches none of the repositories this template declares ('shop/api', 'shop/web'); fix the filter, or ignore this if it targets repositories managed elsewhere.", finding.Message);
            Assert.AreEqual("warning", finding.Severity.ToString().ToLowerInvariant());
        }

        [TestMethod]
        public void Nothing_is_reported_when_a_repository_name_is_unknown()
        {
            // A generated name (no RepositoryName), !Sub, !Ref, properties given by an intrinsic, no properties at all.
            foreach (var unknown in new[]
            {
                "  Generated:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: IMMUTABLE",
                Repo("Sub", "!Sub \"${AWS::StackName}-api\""),
                Repo("Ref", "!Ref RepositoryName"),
                "  Conditional:\n    Type: AWS::ECR::Repository\n    Properties: !If [Named, {RepositoryName: prod}, {}]",
                "  Bare:\n    Type: AWS::ECR::Repository",
            })
            {
                Markup.Verify("template.yaml", Template(Repo("Known", "api") + "\n" + unknown, Filter("'*prod*'")), Rule);
            }
        }

        [TestMethod]
        public void Nothing_is_reported_when_repositories_are_created_on_the_fly_or_not_declared()
        {
            string cache = "\n  Cache:\n    Type: AWS::ECR::PullThroughCacheRule\n    Properties:\n      EcrRepositoryPrefix: docker-hub\n      UpstreamRegistryUrl: registry-1.docker.io";
            Markup.Verify("template.yaml", Template(Repo("Api", "api"), Filter("docker-hub/*"), cache), Rule);
            string creation = "\n  Creation:\n    Type: AWS::ECR::RepositoryCreationTemplate\n    Properties:\n      Prefix: team\n      AppliedFor: [REPLICATION]";
            Markup.Verify("template.yaml", Template(Repo("Api", "api"), Filter("team/*"), creation), Rule);
            Markup.Verify("template.yaml", Template("  Topic:\n    Type: AWS::SNS::Topic", Filter("anything")), Rule);
            string nested = "\n  Registry:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example.com/repositories.yaml";
            Markup.Verify("template.yaml", Template(Repo("Api", "api"), Filter("billing-*"), nested), Rule);
        }

        [TestMethod]
        public void Malformed_or_unknown_filters_are_left_to_ECR025()
        {
            Markup.Verify("template.yaml", Template(Repo("Api", "api"),
                Filter("{|ECR025:Prod|}") + "\n" + Filter("!Ref Filter") + "\n            - Filter: zzz\n              FilterType: !Ref Type\n            - Filter: zzz\n              FilterType: {|ECR025:PREFIX_MATCH|}"), Rule, "ECR025");
        }

        [TestMethod]
        public void Standalone_API_files_have_no_template_to_compare_with()
        {
            Markup.Verify("registry-scanning.json", """
                {"scanType": "ENHANCED", "rules": [{"scanFrequency": "SCAN_ON_PUSH", "repositoryFilters": [{"filter": "nothing-matches-me", "filterType": "WILDCARD"}]}]}
                """, Rule);
        }

        [TestMethod]
        public void Positions_in_a_JSON_template()
        {
            Markup.Verify("template.json", """
                {"Resources": {
                  "Api": {"Type": "AWS::ECR::Repository", "Properties": {"RepositoryName": "orders-api"}},
                  "Public": {"Type": "AWS::ECR::PublicRepository", "Properties": {"RepositoryName": "public-tools"}},
                  "Scanning": {"Type": "AWS::ECR::RegistryScanningConfiguration", "Properties": {"ScanType": "BASIC",
                    "Rules": [{"ScanFrequency": "SCAN_ON_PUSH", "RepositoryFilters": [
                      {"Filter": "orders-*", "FilterType": "WILDCARD"},
                      {"Filter": {|ECR026:"public-*"|}, "FilterType": "WILDCARD"}]}]}}}}
                """, Rule);
        }
    }
}
