using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class AnyTagRuleNotLastTests
    {
        private const string Rule = "ECR022";

        private static string R(string priority, string tagStatus, string lists = "")
            => "{\"rulePriority\": " + priority + ", \"selection\": {\"tagStatus\": \"" + tagStatus + "\", " + lists + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 1}, \"action\": {\"type\": \"expire\"}}";

        private const string Tagged = "\"tagPatternList\": [\"v*\"], ";

        [TestMethod]
        public void The_any_rule_with_the_highest_priority_is_fine_wherever_it_is_listed()
        {
            Markup.Verify("lifecycle-policy.json", "{\"rules\": [" + R("99", "any") + ", " + R("1", "untagged") + ", " + R("2", "tagged", Tagged) + "]}", Rule);
        }

        [TestMethod]
        public void An_any_rule_below_another_rule_is_reported_on_its_priority()
        {
            Markup.Verify("lifecycle-policy.json", "{\"rules\": [" + R("1", "untagged") + ", " + R("{|ECR022:2|}", "any") + ", " + R("3", "tagged", Tagged) + "]}", Rule);
        }

        [TestMethod]
        public void The_message_names_both_priorities()
        {
            string text = "{\"rules\": [" + R("5", "any") + ", " + R("12", "untagged") + ", " + R("8", "tagged", Tagged) + "]}";
            var finding = Shared.Engine.LintText(new SourceText("lifecycle-policy.json", text)).Findings.Single(f => f.RuleId == Rule);
            Assert.AreEqual("The tagStatus 'any' rule has rulePriority 5, but another rule has the higher priority 12; give the 'any' rule the highest rulePriority of the policy so it is evaluated last.", finding.Message);
        }

        [TestMethod]
        public void Of_two_any_rules_only_the_highest_can_be_last()
        {
            Markup.Verify("lifecycle-policy.json", "{\"rules\": [" + R("{|ECR022:1|}", "any") + ", " + R("2", "any") + "]}", Rule);
        }

        [TestMethod]
        public void A_single_rule_and_ties_are_not_reported()
        {
            Markup.Verify("lifecycle-policy.json", "{\"rules\": [" + R("1", "any") + "]}", Rule);
            Markup.Verify("lifecycle-policy.json", "{\"rules\": [" + R("4", "untagged") + ", " + R("4", "any") + "]}", Rule);
        }

        [TestMethod]
        public void Unknown_priorities_are_never_assumed_higher_but_known_ones_still_count()
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
                              selection: {tagStatus: any, countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                            - rulePriority: !Ref Later
                              selection: {tagStatus: untagged, countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                  Other:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy:
                        LifecyclePolicyText:
                          rules:
                            - rulePriority: {|ECR022:1|}
                              selection: {tagStatus: any, countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                            - rulePriority: !Ref Later
                              selection: {tagStatus: untagged, countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                            - rulePriority: 2
                              selection: {tagStatus: tagged, tagPatternList: [v*], countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                """, Rule);
        }

        [TestMethod]
        public void An_unknown_tag_status_or_priority_of_the_catch_all_is_not_guessed()
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
                              selection: {tagStatus: !Ref Status, countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                            - rulePriority: !Ref Priority
                              selection: {tagStatus: any, countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                            - rulePriority: 3
                              selection: {tagStatus: untagged, countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                """, Rule);
        }

        [TestMethod]
        public void The_ECR_user_guide_example_with_three_rules_is_valid()
        {
            Markup.Verify("lifecycle-policy.json", "{\"rules\": [" + R("1", "tagged", "\"tagPrefixList\": [\"alpha\"], ") + ", " + R("2", "untagged") + ", " + R("3", "any") + "]}", Rule);
        }
    }
}
