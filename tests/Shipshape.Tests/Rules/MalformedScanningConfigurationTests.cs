using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class MalformedScanningConfigurationTests
    {
        private const string Rule = "ECR025";

        private static string Messages(string path, string marked)
        {
            var (text, _) = Markup.Parse(marked);
            return string.Join("\n", Shared.Engine.LintText(new SourceText(path, text)).Findings.Where(f => f.RuleId == Rule).Select(f => f.Message));
        }

        [TestMethod]
        [DataRow("BASIC", "SCAN_ON_PUSH")]
        [DataRow("BASIC", "MANUAL")]
        [DataRow("ENHANCED", "SCAN_ON_PUSH")]
        [DataRow("ENHANCED", "CONTINUOUS_SCAN")]
        public void Frequencies_the_API_accepts_for_the_scan_type(string scanType, string frequency)
        {
            Markup.Verify("registry-scanning.json", "{\"scanType\": \"" + scanType + "\", \"rules\": [{\"scanFrequency\": \"" + frequency + "\", \"repositoryFilters\": [{\"filter\": \"*\", \"filterType\": \"WILDCARD\"}]}]}", Rule);
        }

        [TestMethod]
        public void A_resource_without_Properties_misses_both_required_settings()
        {
            string marked = """
                Resources:
                  {|ECR025:{|ECR025:Scanning|}|}:
                    Type: AWS::ECR::RegistryScanningConfiguration
                  Unknown:
                    Type: AWS::ECR::RegistryScanningConfiguration
                    Properties: !If [UseScanning, {ScanType: BASIC, Rules: []}, !Ref AWS::NoValue]
                """;
            Markup.Verify("template.yaml", marked, Rule);
            string messages = Messages("template.yaml", marked);
            StringAssert.Contains(messages, "'ScanType' is required");
            StringAssert.Contains(messages, "'Rules' is required");
        }

        [TestMethod]
        public void Continuous_scanning_needs_enhanced_and_the_API_default_is_basic()
        {
            Markup.Verify("registry-scanning.json", """{"rules": [{"scanFrequency": {|ECR025:"CONTINUOUS_SCAN"|}, "repositoryFilters": []}]}""", Rule);
            StringAssert.Contains(Messages("registry-scanning.json", """{"rules": [{"scanFrequency": "CONTINUOUS_SCAN", "repositoryFilters": []}]}"""),
                "'scanFrequency' CONTINUOUS_SCAN needs enhanced scanning, but 'scanType' is absent (so BASIC); set scanType to ENHANCED or use SCAN_ON_PUSH");
        }

        [TestMethod]
        public void Manual_is_not_a_frequency_of_enhanced_scanning_nor_of_CloudFormation()
        {
            Markup.Verify("registry-scanning.json", """{"scanType": "ENHANCED", "rules": [{"scanFrequency": {|ECR025:"MANUAL"|}, "repositoryFilters": []}]}""", Rule);
            Markup.Verify("template.yaml", """
                Resources:
                  Scanning:
                    Type: AWS::ECR::RegistryScanningConfiguration
                    Properties:
                      ScanType: BASIC
                      Rules:
                        - ScanFrequency: {|ECR025:MANUAL|}
                          RepositoryFilters: []
                """, Rule);
        }

        [TestMethod]
        public void Values_are_case_sensitive()
        {
            string marked = """{"scanType": {|ECR025:"Enhanced"|}, "rules": [{"scanFrequency": {|ECR025:"scan_on_push"|}, "repositoryFilters": [{"filter": "*", "filterType": {|ECR025:"wildcard"|}}]}]}""";
            Markup.Verify("registry-scanning.json", marked, Rule);
            string messages = Messages("registry-scanning.json", marked);
            StringAssert.Contains(messages, "'scanType' must be 'BASIC' or 'ENHANCED' (values are case-sensitive: write 'ENHANCED')");
            StringAssert.Contains(messages, "write 'SCAN_ON_PUSH'");
            StringAssert.Contains(messages, "'filterType' must be WILDCARD (values are case-sensitive: write 'WILDCARD')");
        }

        [TestMethod]
        public void A_frequency_is_not_checked_against_an_unknown_or_invalid_scan_type()
        {
            Markup.Verify("registry-scanning.json", """{"scanType": {|ECR025:"FULL"|}, "rules": [{"scanFrequency": "CONTINUOUS_SCAN", "repositoryFilters": []}]}""", Rule);
        }

        [TestMethod]
        [DataRow("Prod-*")]
        [DataRow("prod_")]
        [DataRow("/prod")]
        [DataRow("prod..api")]
        [DataRow("prod api")]
        [DataRow("")]
        public void Filters_must_be_valid_repository_name_patterns(string filter)
        {
            Markup.Verify("registry-scanning.json", "{\"scanType\": \"BASIC\", \"rules\": [{\"scanFrequency\": \"SCAN_ON_PUSH\", \"repositoryFilters\": [{\"filter\": {|ECR025:\"" + filter + "\"|}, \"filterType\": \"WILDCARD\"}]}]}", Rule);
        }

        [TestMethod]
        public void Prefix_match_is_for_replication_and_the_message_says_what_to_write()
        {
            string marked = """{"scanType": "BASIC", "rules": [{"scanFrequency": "SCAN_ON_PUSH", "repositoryFilters": [{"filter": "prod", "filterType": {|ECR025:"PREFIX_MATCH"|}}]}]}""";
            Markup.Verify("registry-scanning.json", marked, Rule);
            StringAssert.Contains(Messages("registry-scanning.json", marked), "PREFIX_MATCH is for replication rules; for a prefix write the filter as 'prefix*'");
        }

        [TestMethod]
        public void Missing_fields_land_on_the_rule_filter_or_resource()
        {
            Markup.Verify("registry-scanning.json", """
                {"scanType": "ENHANCED", "rules": [
                  {|ECR025:{"repositoryFilters": [{|ECR025:{"filterType": "WILDCARD"}|}]}|},
                  {|ECR025:{"scanFrequency": "SCAN_ON_PUSH"}|}
                ]}
                """, Rule);
            Markup.Verify("template.yaml", """
                Resources:
                  {|ECR025:Scanning|}:
                    Type: AWS::ECR::RegistryScanningConfiguration
                    Properties:
                      ScanType: ENHANCED
                  {|ECR025:Other|}:
                    Type: AWS::ECR::RegistryScanningConfiguration
                    Properties:
                      Rules: []
                """, Rule);
        }

        [TestMethod]
        public void CamelCase_names_in_a_template_are_reported_once_with_the_PascalCase_spelling()
        {
            string marked = """
                Resources:
                  Scanning:
                    Type: AWS::ECR::RegistryScanningConfiguration
                    Properties:
                      {|ECR025:scanType|}: ENHANCED
                      Rules:
                        - {|ECR025:scanFrequency|}: CONTINUOUS_SCAN
                          RepositoryFilters:
                            - {|ECR025:filter|}: "*"
                              FilterType: WILDCARD
                """;
            Markup.Verify("template.yaml", marked, Rule);
            StringAssert.Contains(Messages("template.yaml", marked), "unknown field 'scanFrequency' in a scanning rule; field names are case-sensitive: write 'ScanFrequency'");
        }

        [TestMethod]
        public void Unknown_fields_and_misplaced_filter_fields()
        {
            Markup.Verify("registry-scanning.json", """
                {"scanType": "BASIC", {|ECR025:"scanOnPush"|}: true, "rules": [
                  {"scanFrequency": "SCAN_ON_PUSH", {|ECR025:"filter"|}: "prod*", "repositoryFilters": [{"filter": "x", "filterType": "WILDCARD", {|ECR025:"comment"|}: "y"}]}
                ]}
                """, Rule);
        }

        [TestMethod]
        public void At_most_two_rules_and_one_hundred_filters()
        {
            string filters = string.Join(", ", Enumerable.Range(0, 101).Select(i => (i == 100 ? "{|ECR025:" : "") + "{\"filter\": \"repo" + i + "\", \"filterType\": \"WILDCARD\"}" + (i == 100 ? "|}" : "")));
            Markup.Verify("registry-scanning.json", "{\"scanType\": \"ENHANCED\", \"rules\": [{\"scanFrequency\": \"SCAN_ON_PUSH\", \"repositoryFilters\": [" + filters + "]}]}", Rule);
            Markup.Verify("registry-scanning.json", """
                {"scanType": "ENHANCED", "rules": [
                  {"scanFrequency": "SCAN_ON_PUSH", "repositoryFilters": []},
                  {"scanFrequency": "CONTINUOUS_SCAN", "repositoryFilters": []},
                  {|ECR025:{"scanFrequency": "SCAN_ON_PUSH", "repositoryFilters": []}|}
                ]}
                """, Rule);
        }

        [TestMethod]
        public void Wrong_shapes_are_reported_on_the_value()
        {
            Markup.Verify("registry-scanning.json", """{"scanType": "BASIC", "rules": {|ECR025:{"scanFrequency": "SCAN_ON_PUSH"}|}}""", Rule);
            Markup.Verify("registry-scanning.json", """{"scanType": "BASIC", "rules": [{|ECR025:"SCAN_ON_PUSH"|}]}""", Rule);
            Markup.Verify("registry-scanning.json", """{"scanType": "BASIC", "rules": [{"scanFrequency": "SCAN_ON_PUSH", "repositoryFilters": {|ECR025:"prod*"|}}]}""", Rule);
            Markup.Verify("registry-scanning.json", """{"scanType": "BASIC", "rules": [{"scanFrequency": "SCAN_ON_PUSH", "repositoryFilters": [{|ECR025:"prod*"|}, {"filter": {|ECR025:5|}, "filterType": "WILDCARD"}]}]}""", Rule);
        }

        [TestMethod]
        public void Intrinsics_are_unknown_not_malformed()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Scanning:
                    Type: AWS::ECR::RegistryScanningConfiguration
                    Properties:
                      ScanType: !If [Enhanced, ENHANCED, BASIC]
                      Rules:
                        - ScanFrequency: !Ref Frequency
                          RepositoryFilters:
                            - Filter: !Sub "${Team}-*"
                              FilterType: !Ref FilterType
                            - !If [Extra, {Filter: "x", FilterType: WILDCARD}, !Ref AWS::NoValue]
                        - !Ref AWS::NoValue
                        - ScanFrequency: CONTINUOUS_SCAN
                          RepositoryFilters: !Ref Filters
                  Other:
                    Type: AWS::ECR::RegistryScanningConfiguration
                    Properties:
                      ScanType: BASIC
                      Rules: !Ref Rules
                """, Rule);
        }

        [TestMethod]
        public void The_describe_output_is_read_through_its_wrapper()
        {
            Markup.Verify("registry-scanning.json", """
                {"registryId": "111122223333", "scanningConfiguration": {"scanType": "BASIC", "rules": [
                  {"scanFrequency": {|ECR025:"CONTINUOUS_SCAN"|}, "repositoryFilters": [{"filter": "*", "filterType": "WILDCARD"}]}]}}
                """, Rule);
        }

        [TestMethod]
        public void A_configuration_is_detected_by_content_without_a_conventional_name()
        {
            Markup.Verify("ecr/scanning.json", """
                {"scanType": "BASIC", "rules": [{"scanFrequency": "SCAN_ON_PUSH", "repositoryFilters": [{"filter": {|ECR025:"Prod"|}, "filterType": "WILDCARD"}]}]}
                """, Rule);
        }

        [TestMethod]
        public void A_replication_configuration_is_not_a_scanning_configuration()
        {
            Markup.Verify("registry-scanning.json", """
                {"rules": [{"destinations": [{"region": "us-west-1", "registryId": "111122223333"}],
                  "repositoryFilters": [{"filter": "prod", "filterType": "PREFIX_MATCH"}]}]}
                """, Rule);
        }

        [TestMethod]
        public void Positions_in_a_JSON_template()
        {
            Markup.Verify("template.json", """
                {"Resources": {"Scanning": {"Type": "AWS::ECR::RegistryScanningConfiguration", "Properties": {
                  "ScanType": "BASIC",
                  "Rules": [{"ScanFrequency": {|ECR025:"CONTINUOUS_SCAN"|}, "RepositoryFilters": [{"Filter": {|ECR025:"team//api"|}, "FilterType": "WILDCARD"}]}]}}}}
                """, Rule);
        }

        [TestMethod]
        public void Every_truncation_and_single_character_edit_is_handled()
        {
            foreach (var (path, text) in new[]
            {
                ("registry-scanning.json", "{\"scanType\": \"BASIC\", \"rules\": [{\"scanFrequency\": \"CONTINUOUS_SCAN\", \"repositoryFilters\": [{\"filter\": \"a-*\", \"filterType\": \"WILDCARD\"}]}]}"),
                ("template.yaml", "Resources:\n  A:\n    Type: AWS::ECR::Repository\n    Properties: {RepositoryName: a-b}\n  S:\n    Type: AWS::ECR::RegistryScanningConfiguration\n    Properties:\n      ScanType: BASIC\n      Rules:\n        - ScanFrequency: SCAN_ON_PUSH\n          RepositoryFilters: [{Filter: c-d, FilterType: WILDCARD}]\n"),
            })
            {
                for (int length = 0; length <= text.Length; length++)
                    AssertSpansInside(path, text.Substring(0, length));
                for (int i = 0; i < text.Length; i++)
                    foreach (var replacement in new[] { "", "0", "-1", "\"", "{", "[", "}", "]", "null", "*" })
                        AssertSpansInside(path, text.Substring(0, i) + replacement + text.Substring(i + 1));
            }
        }

        private static void AssertSpansInside(string path, string text)
        {
            foreach (var finding in Shared.Engine.LintText(new SourceText(path, text)).Findings)
                Assert.IsTrue(finding.Span.Start >= 0 && finding.Span.End <= text.Length, finding.ToString());
        }
    }
}
