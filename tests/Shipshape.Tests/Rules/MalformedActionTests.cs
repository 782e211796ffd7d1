using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Rules.Iam;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class MalformedActionTests
    {
        [TestMethod]
        public void Cross_account_policy_as_people_paste_it_reports_principal_and_both_broken_actions()
        {
            // The foundation issue's example, verbatim: IAM008 on the principal, IAM006 on each broken action.
            Markup.Verify("repository-policy.json", """
                {
                  "Version": "2008-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": { "AWS": {|IAM008:"arn:aws: iam:: 444455556666:root"|} },
                      "Action": [
                        "ecr:GetDownloadUrlForLayer",
                        {|IAM006:"ecr: BatchGet Image"|},
                        "ecr:BatchCheckLayerAvailability",
                        {|IAM006:"ecr: Put Image"|},
                        "ecr:InitiateLayerUpload",
                        "ecr:UploadLayerPart",
                        "ecr:CompleteLayerUpload"
                      ]
                    }
                  ]
                }
                """, "IAM006", "IAM008");
        }

        [TestMethod]
        public void Exact_line_and_column_of_the_issue_example()
        {
            string text = "{\n  \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\",\n    \"Action\": [\"ecr:GetDownloadUrlForLayer\", \"ecr: Put Image\"]}]\n}\n";
            var report = Shared.Engine.LintText(new Shipshape.Text.SourceText("repository-policy.json", text));
            var finding = System.Linq.Enumerable.Single(report.Findings, f => f.RuleId == "IAM006");
            Assert.AreEqual(3, finding.Start.Line);
            Assert.AreEqual(46, finding.Start.Column);
            Assert.AreEqual(62, finding.End.Column);
            Assert.AreEqual("Action 'ecr: Put Image' is malformed: it contains whitespace.", finding.Message);
        }

        [TestMethod]
        public void NotAction_is_checked_too()
        {
            Markup.Verify("policy.json", """
                {"Statement": [{"Effect": "Deny", "NotAction": [{|IAM006:"ecr:"|}, {|IAM006:":GetAuthorizationToken"|}], "Resource": "*"}]}
                """, "IAM006");
        }

        [TestMethod]
        [DataRow("*")]
        [DataRow("ecr:*")]
        [DataRow("ecr:Batch*")]
        [DataRow("ECR:batchgetimage")]
        [DataRow("ecr:Get?ownloadUrlForLayer")]
        [DataRow("ecr-public:GetAuthorizationToken")]
        public void Well_formed_actions_pass(string action) => Assert.IsNull(MalformedAction.Problem(action));

        [TestMethod]
        [DataRow("", "it is empty")]
        [DataRow("ecr:Batch Get", "it contains whitespace")]
        [DataRow("BatchGetImage", "the service prefix is missing (expected service:ActionName)")]
        [DataRow(":BatchGetImage", "the service prefix is empty")]
        [DataRow("ecr:", "the action name is empty")]
        [DataRow("ecr:a:b", "it contains more than one ':'")]
        [DataRow("ec_r:Get", "the service prefix 'ec_r' has characters other than letters, digits and '-'")]
        [DataRow("ecr:Get-Image", "the action name 'Get-Image' has characters other than letters, digits and the wildcards '*' and '?'")]
        public void Malformed_actions_say_what_is_wrong(string action, string problem) => Assert.AreEqual(problem, MalformedAction.Problem(action));

        [TestMethod]
        public void Unknown_values_are_not_reported()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  P:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action:
                              - !Sub "${Service}:GetObject"
                              - !If [Cond, "ecr:BatchGetImage", !Ref AWS::NoValue]
                            Resource: "*"
                """, "IAM006");
        }
    
        [TestMethod]
        public void A_space_after_the_colon_in_YAML_is_caught_although_YAML_reads_a_mapping()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryPolicyText:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Principal: {AWS: "444455556666"}
                            Action:
                              - ecr:GetDownloadUrlForLayer
                              - {|IAM006:ecr: BatchGetImage|}
                """, "IAM006", "IAM001");
            var report = Shared.Engine.LintText(new Shipshape.Text.SourceText("t.yaml", "Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action:\n              - ecr: BatchGetImage\n            Resource: '*'\n"));
            Assert.AreEqual("Action 'ecr: BatchGetImage' is malformed: YAML reads the space after ':' as a key and a value; write ecr:BatchGetImage.",
                System.Linq.Enumerable.Single(report.Findings, f => f.RuleId == "IAM006").Message);
        }
    }
}
