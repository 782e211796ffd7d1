using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class NoLifecyclePolicyTests
    {
        [TestMethod]
        public void Absent_policy_lands_on_the_logical_id_and_a_policy_without_text_on_its_key()
        {
            Markup.Verify("template.json", """
                {"Resources": {
                  {|ECR015:"Absent"|}: {"Type": "AWS::ECR::Repository", "Properties": {"RepositoryName": "app"}},
                  "NoText": {"Type": "AWS::ECR::Repository", "Properties": {{|ECR015:"LifecyclePolicy"|}: {"RegistryId": "111122223333"}}},
                  "EmptyText": {"Type": "AWS::ECR::Repository", "Properties": {{|ECR015:"LifecyclePolicy"|}: {"LifecyclePolicyText": " "}}},
                  {|ECR015:"NoProperties"|}: {"Type": "AWS::ECR::Repository"}
                }}
                """, "ECR015");
        }

        [TestMethod]
        public void Policies_given_in_any_form_or_only_known_at_deploy_time_comply()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  AsString:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy:
                        LifecyclePolicyText: '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":1},"action":{"type":"expire"}}]}'
                  AsBlock:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy:
                        LifecyclePolicyText: |
                          {"rules": [{"rulePriority": 1, "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 50}, "action": {"type": "expire"}}]}
                  FromParameter:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy:
                        LifecyclePolicyText: !Ref LifecyclePolicyText
                  ByCondition:
                    Type: AWS::ECR::Repository
                    Properties:
                      LifecyclePolicy: !If [Expire, {LifecyclePolicyText: !Ref Text}, !Ref AWS::NoValue]
                """, "ECR015");
        }

        [TestMethod]
        public void Message_names_the_repository_and_the_fix()
        {
            var report = Shared.Engine.LintText(new SourceText("template.yaml", "Resources:\n  Images:\n    Type: AWS::ECR::Repository\n"));
            var finding = report.Findings.Single(f => f.RuleId == "ECR015");
            StringAssert.Contains(finding.Message, "Repository 'Images' has no lifecycle policy");
            StringAssert.Contains(finding.Message, "Add LifecyclePolicy.LifecyclePolicyText");
        }
    }
}
