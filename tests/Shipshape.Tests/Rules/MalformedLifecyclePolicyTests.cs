using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class MalformedLifecyclePolicyTests
    {
        private const string Rule = "ECR020";

        /// <summary>A policy with one rule whose selection and action are given; markup goes inside them.</summary>
        private static string Policy(string selection, string action = "{\"type\": \"expire\"}")
            => "{\"rules\": [{\"rulePriority\": 1, \"selection\": " + selection + ", \"action\": " + action + "}]}";

        [TestMethod]
        public void Valid_shapes_from_the_ECR_user_guide_and_real_modules_are_not_reported()
        {
            // Shapes of the AWS documentation examples, the AWS CLI example and the QuiNovas / seek-oss modules.
            Markup.Verify("lifecycle-policy.json", """
                {
                  "rules": [
                    {"rulePriority": 1, "description": "Rule 1",
                     "selection": {"tagStatus": "tagged", "tagPrefixList": ["alpha", "beta"], "countType": "sinceImagePushed", "countNumber": 5, "countUnit": "days"},
                     "action": {"type": "expire"}},
                    {"action": {"type": "expire"}, "description": "Keep 20 tagged images", "rulePriority": 2,
                     "selection": {"countNumber": 20, "countType": "imageCountMoreThan", "tagPrefixList": ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"], "tagStatus": "tagged"}},
                    {"rulePriority": 3, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}},
                    {"rulePriority": 4, "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 100}, "action": {"type": "expire"}}
                  ]
                }
                """, Rule);
        }

        [TestMethod]
        public void The_CDK_synthesised_compact_string_is_valid()
        {
            Markup.Verify("cdk.out/App.template.json", """
                {"Resources": {"Repo02AC86CF": {"Type": "AWS::ECR::Repository", "Properties": {"LifecyclePolicy": {
                  "LifecyclePolicyText": "{\"rules\":[{\"rulePriority\":1,\"description\":\"Keep production images\",\"selection\":{\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"prod\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":100},\"action\":{\"type\":\"expire\"}},{\"rulePriority\":2,\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countNumber\":1,\"countUnit\":\"days\"},\"action\":{\"type\":\"expire\"}}]}"}}}}}
                """, Rule);
        }

        [TestMethod]
        public void A_tagged_rule_without_a_tag_list_is_reported_on_selection_as_in_the_trussworks_module()
        {
            Markup.Verify("lifecycle-policy.json", """
                {
                  "rules": [
                    {
                      "action": {"type": "expire"},
                      "description": "Keep only one tagged image, expire all others",
                      "rulePriority": 2,
                      {|ECR020:"selection"|}: {"countNumber": 1, "countType": "imageCountMoreThan", "tagStatus": "tagged"}
                    }
                  ]
                }
                """, Rule);
        }

        [TestMethod]
        public void Untagged_rules_must_not_have_tag_lists_and_tagged_rules_not_both()
        {
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "untagged", {|ECR020:"tagPatternList"|}: ["a*"], {|ECR020:"tagPrefixList"|}: ["a"], "countType": "imageCountMoreThan", "countNumber": 1}"""), Rule);
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "tagged", "tagPatternList": ["a*"], {|ECR020:"tagPrefixList"|}: ["a"], "countType": "imageCountMoreThan", "countNumber": 1}"""), Rule);
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 1}"""), Rule);
        }

        [TestMethod]
        [DataRow("prod*", false)]
        [DataRow("*test*1*2*3", false)]
        [DataRow("test*1*2*3*", false)]
        [DataRow("test*1*2*3*4*5*6", true)]
        [DataRow("*****", true)]
        public void At_most_four_wildcards_per_tag_pattern(string pattern, bool reported)
        {
            string item = reported ? "{|ECR020:\"" + pattern + "\"|}" : "\"" + pattern + "\"";
            Markup.Verify("lifecycle-policy.json", Policy("{\"tagStatus\": \"tagged\", \"tagPatternList\": [\"ok*\", " + item + "], \"countType\": \"imageCountMoreThan\", \"countNumber\": 1}"), Rule);
        }

        [TestMethod]
        public void CountUnit_must_fit_the_count_type()
        {
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "countType": "imageCountMoreThan", {|ECR020:"countUnit"|}: "days", "countNumber": 5}"""), Rule);
            Markup.Verify("lifecycle-policy.json", """{"rules": [{"rulePriority": 1, {|ECR020:"selection"|}: {"tagStatus": "any", "countType": "sinceImagePushed", "countNumber": 5}, "action": {"type": "expire"}}]}""", Rule);
            Markup.Verify("lifecycle-policy.json", """{"rules": [{"rulePriority": 1, {|ECR020:"selection"|}: {"tagStatus": "any", "countType": "sinceImagePulled", "countNumber": 5}, "action": {"type": "expire"}}]}""", Rule);
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "countType": "sinceImagePushed", "countUnit": {|ECR020:"hours"|}, "countNumber": 5}"""), Rule);
        }

        [TestMethod]
        [DataRow("0")]
        [DataRow("-3")]
        [DataRow("2.5")]
        [DataRow("\"5\"")]
        [DataRow("null")]
        public void CountNumber_must_be_a_positive_whole_number(string value)
        {
            Markup.Verify("lifecycle-policy.json", Policy("{\"tagStatus\": \"any\", \"countType\": \"imageCountMoreThan\", \"countNumber\": {|ECR020:" + value + "|}}"), Rule);
        }

        [TestMethod]
        [DataRow("1")]
        [DataRow("30720")]
        [DataRow("5.0")]
        [DataRow("1e1")]
        public void Whole_numbers_are_accepted_however_written(string value)
        {
            Markup.Verify("lifecycle-policy.json", "{\"rules\": [{\"rulePriority\": " + value + ", \"selection\": {\"tagStatus\": \"any\", \"countType\": \"imageCountMoreThan\", \"countNumber\": " + value + "}, \"action\": {\"type\": \"expire\"}}]}", Rule);
        }

        [TestMethod]
        [DataRow("0")]
        [DataRow("\"1\"")]
        [DataRow("1.5")]
        [DataRow("true")]
        public void RulePriority_must_be_a_whole_number_of_one_or_more(string value)
        {
            Markup.Verify("lifecycle-policy.json", "{\"rules\": [{\"rulePriority\": {|ECR020:" + value + "|}, \"selection\": {\"tagStatus\": \"any\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1}, \"action\": {\"type\": \"expire\"}}]}", Rule);
        }

        [TestMethod]
        public void Enum_values_are_case_sensitive_and_the_message_gives_the_right_spelling()
        {
            var (text, _) = Markup.Parse(Policy("""{"tagStatus": "Any", "countType": "ImageCountMoreThan", "countNumber": 1}""", """{"type": "EXPIRE"}"""));
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": {|ECR020:"Any"|}, "countType": {|ECR020:"ImageCountMoreThan"|}, "countNumber": 1}""", """{"type": {|ECR020:"EXPIRE"|}}"""), Rule);
            var messages = Shared.Engine.LintText(new SourceText("lifecycle-policy.json", text)).Findings.Select(f => f.Message).ToList();
            Assert.IsTrue(messages.Any(m => m.Contains("'tagStatus' must be one of 'tagged', 'untagged', 'any' (values are case-sensitive: write 'any')")), string.Join("\n", messages));
            Assert.IsTrue(messages.Any(m => m.Contains("write 'imageCountMoreThan'")), string.Join("\n", messages));
            Assert.IsTrue(messages.Any(m => m.Contains("write 'expire'")), string.Join("\n", messages));
        }

        [TestMethod]
        public void Unknown_fields_are_reported_on_the_key_with_the_right_spelling_or_place()
        {
            string marked = """
                {
                  "rules": [
                    {
                      {|ECR020:"RulePriority"|}: 1,
                      {|ECR020:"countNumber"|}: 3,
                      "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 1, {|ECR020:"type"|}: "expire"},
                      "action": {"type": "expire", {|ECR020:"comment"|}: "x"}
                    }
                  ],
                  {|ECR020:"version"|}: 1
                }
                """;
            Markup.Verify("lifecycle-policy.json", marked, Rule);
            var (text, _) = Markup.Parse(marked);
            var messages = Shared.Engine.LintText(new SourceText("lifecycle-policy.json", text)).Findings.Where(f => f.RuleId == Rule).Select(f => f.Message).ToList();
            CollectionAssert.AreEqual(new[]
            {
                "Malformed lifecycle policy: unknown field 'RulePriority' in a rule; field names are case-sensitive: write 'rulePriority'.",
                "Malformed lifecycle policy: 'countNumber' does not belong in a rule; move it into 'selection'.",
                "Malformed lifecycle policy: 'type' does not belong in 'selection'; move it into 'action'.",
                "Malformed lifecycle policy: unknown field 'comment' in 'action'; the fields allowed there are type, targetStorageClass: remove or rename it.",
                "Malformed lifecycle policy: unknown field 'version' in the policy; the fields allowed there are rules: remove or rename it.",
            }, messages);
        }

        [TestMethod]
        public void Missing_parts_of_a_rule_are_reported_on_the_rule_or_the_owning_key()
        {
            Markup.Verify("lifecycle-policy.json", """
                {"rules": [
                  {|ECR020:{"selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 1}, "action": {"type": "expire"}}|},
                  {|ECR020:{"rulePriority": 2, "action": {"type": "expire"}}|},
                  {|ECR020:{"rulePriority": 3, "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 1}}|},
                  {"rulePriority": 4, {|ECR020:"selection"|}: {"tagStatus": "any", "countType": "imageCountMoreThan"}, {|ECR020:"action"|}: {}}
                ]}
                """, Rule);
        }

        [TestMethod]
        public void Each_missing_selection_field_is_its_own_finding()
        {
            var (text, _) = Markup.Parse(Policy("{}"));
            var findings = Shared.Engine.LintText(new SourceText("lifecycle-policy.json", text)).Findings.Where(f => f.RuleId == Rule).ToList();
            Assert.AreEqual(3, findings.Count, string.Join("\n", findings));
            Assert.IsTrue(findings.All(f => f.Span.Text == "\"selection\""));
            foreach (var expected in new[] { "'tagStatus' is missing; add it with one of 'tagged', 'untagged', 'any'", "'countType' is missing", "'countNumber' is missing" })
                Assert.IsTrue(findings.Any(f => f.Message.Contains(expected)), expected);
        }

        [TestMethod]
        public void The_policy_needs_a_non_empty_list_of_rule_objects()
        {
            Markup.Verify("lifecycle-policy.json", """{|ECR020:{{|ECR020:"rulez"|}: []}|}""", Rule);
            Markup.Verify("lifecycle-policy.json", """{"rules": {|ECR020:[]|}}""", Rule);
            Markup.Verify("lifecycle-policy.json", """{"rules": {|ECR020:{"rulePriority": 1}|}}""", Rule);
            Markup.Verify("lifecycle-policy.json", """{"rules": [{|ECR020:"expire everything"|}]}""", Rule);
        }

        [TestMethod]
        public void A_misspelt_rules_key_is_reported_once_not_also_as_missing()
        {
            Markup.Verify("lifecycle-policy.json", """{{|ECR020:"Rules"|}: [{"rulePriority": 1}]}""", Rule);
        }

        [TestMethod]
        public void Lists_must_be_lists_of_strings()
        {
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "tagged", "tagPrefixList": {|ECR020:"prod"|}, "countType": "imageCountMoreThan", "countNumber": 1}"""), Rule);
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "tagged", "tagPatternList": ["prod*", {|ECR020:7|}], "countType": "imageCountMoreThan", "countNumber": 1}"""), Rule);
        }

        [TestMethod]
        public void Archive_storage_class_and_transition_rules()
        {
            // valid: transition to archive, then expire archived images
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "storageClass": "standard", "countType": "sinceImagePulled", "countUnit": "days", "countNumber": 30}""", """{"type": "transition", "targetStorageClass": "archive"}"""), Rule);
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "storageClass": "archive", "countType": "sinceImageTransitioned", "countUnit": "days", "countNumber": 90}"""), Rule);
            // wrong combinations
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "storageClass": {|ECR020:"standard"|}, "countType": "sinceImageTransitioned", "countUnit": "days", "countNumber": 90}"""), Rule);
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "storageClass": {|ECR020:"archive"|}, "countType": "imageCountMoreThan", "countNumber": 90}"""), Rule);
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "storageClass": {|ECR020:"glacier"|}, "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 90}"""), Rule);
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 90}""", """{"type": "expire", {|ECR020:"targetStorageClass"|}: "archive"}"""), Rule);
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 90}""", """{"type": "transition", "targetStorageClass": {|ECR020:"standard"|}}"""), Rule);
            Markup.Verify("lifecycle-policy.json", Policy("""{"tagStatus": "any", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 90}""", """{"type": {|ECR020:"delete"|}}"""), Rule);
        }

        [TestMethod]
        public void A_LifecyclePolicyText_that_is_not_JSON_is_LINT001_only()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy:
                        LifecyclePolicyText: |
                          {"rules": [{"rulePriority": 1 {|LINT001:"|}selection": {}}]}
                """, Rule, "LINT001");
        }

        [TestMethod]
        public void Positions_inside_a_YAML_block_scalar_map_to_the_outer_file()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy:
                        RegistryId: !Ref AWS::AccountId
                        LifecyclePolicyText: |
                          {
                            "rules": [
                              {
                                "rulePriority": 1,
                                "selection": {
                                  "tagStatus": "any",
                                  "countType": "imageCountMoreThan",
                                  "countNumber": {|ECR020:-1|}
                                },
                                "action": {"type": "expire"}
                              }
                            ]
                          }
                """, Rule);
        }

        [TestMethod]
        public void Escaped_newlines_and_quotes_in_a_JSON_template_string_keep_positions_exact()
        {
            Markup.Verify("template.json", """
                {"Resources": {"Repo": {"Type": "AWS::ECR::Repository", "Properties": {"LifecyclePolicy": {
                  "LifecyclePolicyText": "{\n  \"rules\": [\n    {\n      \"rulePriority\": 1,\n      \"description\": \"Keep \\\"latest\\\"\",\n      \"selection\": {\"tagStatus\": \"tagged\", \"tagPatternList\": [\"latest\"], \"countType\": \"imageCountMoreThan\", {|ECR020:\"countUnit\"|}: \"days\", \"countNumber\": 1},\n      \"action\": {\"type\": \"expire\"}\n    }\n  ]\n}"
                }}}}}
                """, Rule);
        }

        [TestMethod]
        public void Repository_creation_templates_are_checked_too()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Template:
                    Type: AWS::ECR::RepositoryCreationTemplate
                    Properties:
                      Prefix: team-a
                      AppliedFor: [REPLICATION]
                      LifecyclePolicy: '{"rules": [{"rulePriority": 1, "selection": {"tagStatus": {|ECR020:"all"|}, "countType": "imageCountMoreThan", "countNumber": 10}, "action": {"type": "expire"}}]}'
                """, Rule);
        }

        [TestMethod]
        public void Intrinsics_anywhere_in_a_policy_written_as_YAML_are_unknown_not_malformed()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy:
                        LifecyclePolicyText:
                          rules:
                            - rulePriority: !Ref Priority
                              description: !Sub "Keep ${Count} images"
                              selection:
                                tagStatus: !If [OnlyTagged, tagged, any]
                                tagPatternList: !Split [",", !Ref Patterns]
                                countType: !Ref CountType
                                countNumber: !Ref Count
                              action:
                                type: !Ref ActionType
                            - !If [Cleanup, {rulePriority: 2}, !Ref AWS::NoValue]
                            - rulePriority: 3
                              selection: !Ref Selection
                              action: !Ref Action
                """, Rule);
        }

        [TestMethod]
        public void A_policy_given_as_an_intrinsic_is_not_checked()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy:
                        LifecyclePolicyText: !Join ["", ['{"rules": [{"rulePriority": 0}', ']}']]
                  Other:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy: !If [HasPolicy, {LifecyclePolicyText: '{"rules": []}'}, !Ref AWS::NoValue]
                """, Rule);
        }

        [TestMethod]
        public void A_YAML_number_is_a_number_and_a_quoted_one_is_a_string()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy:
                        LifecyclePolicyText:
                          rules:
                            - rulePriority: 1
                              selection: {tagStatus: any, countType: imageCountMoreThan, countNumber: {|ECR020:"10"|}}
                              action: {type: expire}
                """, Rule);
        }

        [TestMethod]
        public void Every_truncation_and_single_character_edit_is_handled()
        {
            foreach (var (path, text) in new[]
            {
                ("lifecycle-policy.json", Policy("{\"tagStatus\": \"tagged\", \"tagPatternList\": [\"v*\"], \"countType\": \"sinceImagePushed\", \"countUnit\": \"days\", \"countNumber\": 3}")),
                ("template.json", "{\"Resources\": {\"R\": {\"Type\": \"AWS::ECR::Repository\", \"Properties\": {\"LifecyclePolicy\": {\"LifecyclePolicyText\": \"{\\\"rules\\\": [{\\\"rulePriority\\\": 1, \\\"selection\\\": {\\\"tagStatus\\\": \\\"any\\\"}}]}\"}}}}}"),
                ("template.yaml", "Resources:\n  R:\n    Type: AWS::ECR::Repository\n    Properties:\n      LifecyclePolicy:\n        LifecyclePolicyText: |\n          {\"rules\": [{\"rulePriority\": 2,\n            \"selection\": {\"tagStatus\": \"any\", \"countNumber\": 0}}]}\n"),
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
