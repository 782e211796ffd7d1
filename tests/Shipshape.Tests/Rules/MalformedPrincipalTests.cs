using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Rules.Iam;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class MalformedPrincipalTests
    {
        [TestMethod]
        [DataRow("*")]
        [DataRow("123456789012")]
        [DataRow("arn:aws:iam::123456789012:root")]
        [DataRow("arn:aws:iam::123456789012:role/path/to/Role")]
        [DataRow("arn:aws:iam::123456789012:user/alice")]
        [DataRow("arn:aws-us-gov:iam::123456789012:role/x")]
        [DataRow("arn:aws-cn:sts::123456789012:assumed-role/role/session")]
        [DataRow("arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL")]
        public void Well_formed_AWS_principals_pass(string value) => Assert.IsNull(MalformedPrincipal.AwsProblem(value));

        [TestMethod]
        [DataRow("arn:aws: iam:: 444455556666:root", "it contains whitespace")]
        [DataRow("12345678901", "an account ID is exactly 12 digits")]
        [DataRow("arn:aws:iam::*:root", "wildcards are not allowed in a principal, except \"*\" alone (use a condition such as aws:PrincipalArn with ArnLike instead)")]
        [DataRow("arn:aws:iam::12345678901:root", "the account ID '12345678901' is not 12 digits")]
        [DataRow("arn:aws:s3::123456789012:root", "a principal ARN belongs to iam or sts, not 's3'")]
        [DataRow("arn:aws:iam:us-east-1:123456789012:root", "IAM principal ARNs have no region")]
        [DataRow("arn:awz:iam::123456789012:root", "unknown partition 'awz'")]
        [DataRow("arn:aws:iam::123456789012:rol/x", "the resource must be root, user/NAME, role/NAME or group/NAME")]
        [DataRow("alice", "expected a 12-digit account ID or an IAM principal ARN")]
        public void Malformed_AWS_principals_say_what_is_wrong(string value, string problem) => Assert.AreEqual(problem, MalformedPrincipal.AwsProblem(value));

        [TestMethod]
        public void Every_principal_type_is_checked_where_it_stands()
        {
            Markup.Verify("repository-policy.json", """
                {"Statement": [{
                  "Effect": "Allow",
                  "Principal": {
                    "Service": [{|IAM008:"ecs tasks.amazonaws.com"|}, "ecs-tasks.amazonaws.com", "ecr.amazonaws.com.cn"],
                    "Federated": ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", "cognito-identity.amazonaws.com", {|IAM008:"arn:aws:iam::123:saml-provider/x"|}],
                    "CanonicalUser": {|IAM008:"ABC"|},
                    {|IAM008:"Aws"|}: "123456789012"
                  },
                  "Action": "ecr:BatchGetImage"
                }]}
                """, "IAM008");
        }

        [TestMethod]
        public void A_string_principal_other_than_star_is_malformed()
        {
            Markup.Verify("repository-policy.json", """
                {"Statement": [{"Effect": "Allow", "Principal": {|IAM008:"123456789012"|}, "Action": "ecr:BatchGetImage"},
                               {"Effect": "Deny", "NotPrincipal": {"AWS": {|IAM008:"arn:aws:iam::123456789012:role/ x"|}}, "Action": "ecr:*"}]}
                """, "IAM008");
        }

        [TestMethod]
        public void Principals_in_YAML_templates_land_on_the_plain_scalar()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal:
                              AWS:
                                - {|IAM008:arn:aws:iam::1234:root|}
                                - !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root
                                - 'arn:aws:iam::123456789012:root'
                            Action: sts:AssumeRole
                """, "IAM008");
        }
    }
}
