using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Ecr;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class ScanOnPushDisabledTests
    {
        [TestMethod]
        public void False_lands_on_the_value_absent_setting_on_its_block_and_absent_block_on_the_logical_id()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Off:
                    Type: AWS::ECR::Repository
                    Properties:
                      ImageScanningConfiguration:
                        ScanOnPush: {|ECR013:false|}
                  OffAsString:
                    Type: AWS::ECR::Repository
                    Properties:
                      ImageScanningConfiguration:
                        ScanOnPush: {|ECR013:"false"|}
                  OffCapitalised:
                    Type: AWS::ECR::Repository
                    Properties:
                      ImageScanningConfiguration:
                        ScanOnPush: {|ECR013:False|}
                  EmptyBlock:
                    Type: AWS::ECR::Repository
                    Properties:
                      {|ECR013:ImageScanningConfiguration|}: {}
                  {|ECR013:NoBlock|}:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryName: app
                  {|ECR013:NoProperties|}:
                    Type: AWS::ECR::Repository
                """, "ECR013");
        }

        [TestMethod]
        [DataRow("true")]
        [DataRow("\"true\"")]
        [DataRow("'True'")]
        [DataRow("!Ref ScanImages")]
        [DataRow("!If [IsProd, true, false]")]
        [DataRow("maybe")]
        public void True_in_any_spelling_unknown_and_invalid_values_are_not_reported(string value)
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      ImageScanningConfiguration:
                        ScanOnPush: VALUE
                """.Replace("VALUE", value), "ECR013");
        }

        [TestMethod]
        public void Json_booleans_and_strings()
        {
            Markup.Verify("template.json", """
                {"Resources": {
                  "A": {"Type": "AWS::ECR::Repository", "Properties": {"ImageScanningConfiguration": {"ScanOnPush": true}}},
                  "B": {"Type": "AWS::ECR::Repository", "Properties": {"ImageScanningConfiguration": {"ScanOnPush": "true"}}},
                  "C": {"Type": "AWS::ECR::Repository", "Properties": {"ImageScanningConfiguration": {"ScanOnPush": {|ECR013:"false"|}}}},
                  "D": {"Type": "AWS::ECR::Repository", "Properties": {"ImageScanningConfiguration": {"ScanOnPush": {"Ref": "Scan"}}}},
                  "E": {"Type": "AWS::ECR::Repository", "Properties": {"ImageScanningConfiguration": {"Fn::If": ["Scan", {"ScanOnPush": true}, {"Ref": "AWS::NoValue"}]}}}
                }}
                """, "ECR013");
        }

        private static string WithRegistryRule(string frequency, string filter, string repositoryName, string marked = "Repo", string filterType = "WILDCARD") => """
            Resources:
              Scanning:
                Type: AWS::ECR::RegistryScanningConfiguration
                Properties:
                  ScanType: ENHANCED
                  Rules:
                    - ScanFrequency: FREQUENCY
                      RepositoryFilters:
                        - Filter: FILTER
                          FilterType: FILTERTYPE
              MARKED:
                Type: AWS::ECR::Repository
                Properties:
                  NAME
                  ImageTagMutability: IMMUTABLE
            """.Replace("FREQUENCY", frequency).Replace("FILTERTYPE", filterType).Replace("FILTER", filter)
               .Replace("NAME", repositoryName.Length == 0 ? "EmptyOnDelete: false" : "RepositoryName: " + repositoryName).Replace("MARKED", marked);

        [TestMethod]
        [DataRow("SCAN_ON_PUSH", "'shop/*'", "shop/web")]
        [DataRow("CONTINUOUS_SCAN", "'*'", "shop/web")]
        [DataRow("CONTINUOUS_SCAN", "web", "shop/web-api")]
        [DataRow("SCAN_ON_PUSH", "'*web'", "shop/web")]
        [DataRow("SCAN_ON_PUSH", "'shop*web'", "shop/frontend/web")]
        [DataRow("SCAN_ON_PUSH", "'*'", "")]
        [DataRow("SCAN_ON_PUSH", "'shop/*'", "!Ref RepositoryName")]
        [DataRow("SCAN_ON_PUSH", "'shop/*'", "")]
        [DataRow("SCAN_ON_PUSH", "!Ref Filter", "shop/web")]
        [DataRow("!Ref Frequency", "'shop/*'", "shop/web")]
        public void Registry_scanning_that_covers_or_may_cover_the_repository_is_enough(string frequency, string filter, string name)
        {
            Markup.Verify("template.yaml", WithRegistryRule(frequency, filter, name), "ECR013");
        }

        [TestMethod]
        [DataRow("SCAN_ON_PUSH", "'payments/*'", "shop/web")]
        [DataRow("SCAN_ON_PUSH", "'*prod'", "prod-repo")]
        [DataRow("SCAN_ON_PUSH", "'prod*'", "repo-prod")]
        [DataRow("SCAN_ON_PUSH", "Shop", "shop/web")]
        [DataRow("MANUAL", "'*'", "shop/web")]
        public void Registry_rules_that_do_not_cover_the_repository_leave_it_unscanned(string frequency, string filter, string name)
        {
            Markup.Verify("template.yaml", WithRegistryRule(frequency, filter, name, "{|ECR013:Repo|}"), "ECR013");
        }

        [TestMethod]
        public void Only_wildcard_filters_count()
        {
            Markup.Verify("template.yaml", WithRegistryRule("SCAN_ON_PUSH", "shop", "shop/web", "{|ECR013:Repo|}", "PREFIX_MATCH"), "ECR013");
        }

        [TestMethod]
        public void Unknown_registry_rules_may_cover_anything()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Scanning:
                    Type: AWS::ECR::RegistryScanningConfiguration
                    Properties:
                      ScanType: BASIC
                      Rules: !If [Scan, [{ScanFrequency: SCAN_ON_PUSH, RepositoryFilters: [{Filter: "*", FilterType: WILDCARD}]}], []]
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryName: shop/web
                """, "ECR013");
        }

        [TestMethod]
        public void Without_a_registry_configuration_an_unknown_name_does_not_matter()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  {|ECR013:Repo|}:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryName: !Ref Name
                """, "ECR013");
        }

        [TestMethod]
        [DataRow("prod", "prod", true)]
        [DataRow("prod", "repo-prod", true)]
        [DataRow("prod", "prod-repo", true)]
        [DataRow("prod", "repo-prod-repo", true)]
        [DataRow("prod", "prodrepo", true)]
        [DataRow("*prod", "prod", true)]
        [DataRow("*prod", "repo-prod", true)]
        [DataRow("*prod", "prod-repo", false)]
        [DataRow("prod*", "prod", true)]
        [DataRow("prod*", "prod-repo", true)]
        [DataRow("prod*", "prodrepo", true)]
        [DataRow("prod*", "repo-prod", false)]
        [DataRow("prod*repo", "prod-repo", true)]
        [DataRow("prod*repo", "prodrepo", true)]
        [DataRow("prod*repo", "prod-repo-x", false)]
        [DataRow("a*b*c", "a/x/b/y/c", true)]
        [DataRow("a*b*c", "a/x/c/y/b", false)]
        [DataRow("*", "anything/at-all", true)]
        [DataRow("**", "x", true)]
        public void Filter_matching_follows_the_ECR_user_guide(string filter, string name, bool matches)
        {
            Assert.AreEqual(matches, RegistryScanning.FilterMatches(filter, name));
        }

        [TestMethod]
        public void Long_filters_with_many_stars_match_in_linear_time()
        {
            string name = new string('a', 256);
            string filter = string.Concat(Enumerable.Repeat("a*", 100)) + "b";
            Assert.IsFalse(RegistryScanning.FilterMatches(filter, name));
        }

        [TestMethod]
        public void Message_names_the_repository_and_both_fixes()
        {
            var report = Shared.Engine.LintText(new SourceText("template.yaml", "Resources:\n  Images:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageScanningConfiguration:\n        ScanOnPush: false\n"));
            var finding = report.Findings.Single(f => f.RuleId == "ECR013");
            StringAssert.Contains(finding.Message, "Repository 'Images' has ScanOnPush false and no registry scanning rule in this template covers it");
            StringAssert.Contains(finding.Message, "Set ImageScanningConfiguration.ScanOnPush to true, or add an AWS::ECR::RegistryScanningConfiguration rule");
        }
    }
}
