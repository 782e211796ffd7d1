using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class DuplicateLifecycleRulePriorityTests
    {
        private const string Rule = "ECR021";

        private static string R(string priority, string tagStatus = "untagged")
            => "{\"rulePriority\": " + priority + ", \"selection\": {\"tagStatus\": \"" + tagStatus + "\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1}, \"action\": {\"type\": \"expire\"}}";

        [TestMethod]
        public void Every_repeat_after_the_first_is_reported_on_its_priority()
        {
            Markup.Verify("lifecycle-policy.json",
                "{\"rules\": [" + R("1") + ",\n" + R("2") + ",\n" + R("{|ECR021:1|}") + ",\n" + R("{|ECR021:2|}") + ",\n" + R("{|ECR021:1|}") + "]}", Rule);
        }

        [TestMethod]
        public void The_message_names_the_priority_and_the_line_of_the_first_rule()
        {
            string text = "{\"rules\": [\n" + R("7") + ",\n" + R("7") + "\n]}";
            var finding = Shared.Engine.LintText(new SourceText("lifecycle-policy.json", text)).Findings.Single(f => f.RuleId == Rule);
            Assert.AreEqual("rulePriority 7 is already used by the rule at line 2; give every rule of the policy a unique rulePriority.", finding.Message);
            Assert.AreEqual(3, finding.Span.StartPosition.Line);
        }

        [TestMethod]
        public void The_same_number_written_differently_is_the_same_priority()
        {
            Markup.Verify("lifecycle-policy.json", "{\"rules\": [" + R("3") + ", " + R("{|ECR021:3.0|}") + "]}", Rule);
        }

        [TestMethod]
        public void Unique_and_non_sequential_priorities_are_fine()
        {
            Markup.Verify("lifecycle-policy.json", "{\"rules\": [" + R("10") + ", " + R("2") + ", " + R("30", "any") + "]}", Rule);
        }

        [TestMethod]
        public void Unknown_and_malformed_priorities_are_left_to_other_checks()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy:
                        LifecyclePolicyText:
                          rules:
                            - rulePriority: !Ref First
                              selection: {tagStatus: untagged, countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                            - rulePriority: !Ref First
                              selection: {tagStatus: tagged, tagPatternList: ["a*"], countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                            - rulePriority: "1"
                              selection: {tagStatus: tagged, tagPatternList: ["b*"], countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                            - rulePriority: 1
                              selection: {tagStatus: any, countType: imageCountMoreThan, countNumber: 1}
                              action: {type: expire}
                """, Rule);
        }

        [TestMethod]
        public void Duplicates_in_a_repository_creation_template_string()
        {
            Markup.Verify("template.json", """
                {"Resources": {"Creation": {"Type": "AWS::ECR::RepositoryCreationTemplate", "Properties": {"Prefix": "ROOT", "AppliedFor": ["PULL_THROUGH_CACHE"],
                  "LifecyclePolicy": "{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":1},\"action\":{\"type\":\"expire\"}},{\"rulePriority\":{|ECR021:1|},\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":9},\"action\":{\"type\":\"expire\"}}]}"}}}}
                """, Rule);
        }
    }
}
