using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class PublicEcrPolicyTests
    {
        [TestMethod]
        [DataRow("StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5")]
        [DataRow("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*")]
        [DataRow("StringEquals", "aws:PrincipalAccount", "111122223333")]
        [DataRow("StringEquals", "aws:SourceAccount", "111122223333")]
        [DataRow("StringEquals", "aws:sourcevpce", "vpce-1a2b3c4d")]
        [DataRow("StringEquals", "aws:SourceVpc", "vpc-111bbb22")]
        [DataRow("ArnLike", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/ci-*")]
        public void Narrowing_conditions_keep_star_private(string op, string key, string value)
        {
            Markup.Verify("repository-policy.json", """
                {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage",
                  "Condition": {"OP": {"KEY": "VALUE"}}}]}
                """.Replace("OP", op).Replace("KEY", key).Replace("VALUE", value), "ECR001");
        }

        [TestMethod]
        [DataRow("StringNotEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5")]
        [DataRow("StringEqualsIfExists", "aws:PrincipalOrgID", "o-a1b2c3d4e5")]
        [DataRow("ForAllValues:StringLike", "aws:PrincipalOrgPaths", "o-a1b2c3d4e5/*")]
        [DataRow("StringLike", "aws:PrincipalOrgID", "*")]
        [DataRow("Bool", "aws:SecureTransport", "true")]
        [DataRow("Null", "aws:PrincipalOrgID", "false")]
        public void Conditions_that_do_not_narrow_leave_it_public(string op, string key, string value)
        {
            Markup.Verify("repository-policy.json", """
                {"Statement": [{"Effect": "Allow", "Principal": {|ECR001:"*"|}, "Action": "ecr:BatchGetImage",
                  "Condition": {"OP": {"KEY": "VALUE"}}}]}
                """.Replace("OP", op).Replace("KEY", key).Replace("VALUE", value), "ECR001");
        }

        [TestMethod]
        public void Identity_and_KMS_policies_are_not_ECR_policies()
        {
            Markup.Verify("key-policy.json", """
                {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*"}]}
                """, "ECR001");
        }

        [TestMethod]
        public void A_standalone_policy_with_only_ecr_actions_is_a_repository_policy()
        {
            Markup.Verify("shared-pull.json", """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {|ECR001:"*"|}, "Action": ["ecr:BatchGetImage"]}}
                """, "ECR001");
        }

        [TestMethod]
        public void Ecr_public_repositories_are_public_by_design()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Public:
                    Type: AWS::ECR::PublicRepository
                    Properties:
                      RepositoryPolicyText:
                        Statement:
                          - Effect: Allow
                            Principal: "*"
                            Action: ecr-public:BatchGetImage
                """, "ECR001");
        }

        [TestMethod]
        public void Effect_is_case_sensitive_and_unknown_effects_are_not_guessed()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryPolicyText:
                        Statement:
                          - Effect: !If [Open, Allow, Deny]
                            Principal: "*"
                            Action: ecr:BatchGetImage
                          - Effect: allow
                            Principal: "*"
                            Action: ecr:BatchGetImage
                          - Effect: Allow
                            Principal: {|ECR001:'*'|}
                            Action: ecr:BatchGetImage
                """, "ECR001");
        }

        [TestMethod]
        public void Registry_policy_in_a_template_given_as_a_single_quoted_YAML_string()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Registry:
                    Type: AWS::ECR::RegistryPolicy
                    Properties:
                      PolicyText: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": {|ECR001:"*"|}}, "Action": "ecr:ReplicateImage", "Resource": "*"}]}'
                """, "ECR001");
        }
    
        [TestMethod]
        public void Allow_with_NotPrincipal_lets_everyone_else_in()
        {
            Markup.Verify("repository-policy.json", """
                {"Statement": [{"Effect": "Allow", {|ECR001:"NotPrincipal"|}: {"AWS": "arn:aws:iam::444455556666:role/x"}, "Action": "ecr:BatchGetImage"},
                               {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::444455556666:role/x"}, "Action": "ecr:*"}]}
                """, "ECR001");
        }

        [TestMethod]
        public void A_policy_with_star_actions_and_ecr_actions_is_still_an_ECR_policy()
        {
            Markup.Verify("ecr-policy.json", """
                {"Statement": [{"Effect": "Allow", "Principal": {|ECR001:"*"|}, "Action": ["ecr:BatchGetImage", "*"]}]}
                """, "ECR001");
        }

        [TestMethod]
        public void A_statement_reused_through_a_YAML_alias_is_reported_once()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  A:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryPolicyText:
                        Statement:
                          - &open
                            Effect: Allow
                            Principal: {|ECR001:"*"|}
                            Action: ecr:BatchGetImage
                  B:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryPolicyText:
                        Statement:
                          - *open
                """, "ECR001");
        }
    }
}
