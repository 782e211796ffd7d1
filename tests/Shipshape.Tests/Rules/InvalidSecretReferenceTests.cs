using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class InvalidSecretReferenceTests
    {
        private static string TaskDefinition(string markedValueFrom) => """
            {"family": "app", "containerDefinitions": [{"name": "app", "image": "nginx",
              "secrets": [{"name": "DB_PASSWORD", "valueFrom": VALUE}]}]}
            """.Replace("VALUE", markedValueFrom);

        [TestMethod]
        [DataRow("db_password")]
        [DataRow("/app/prod/db_password")]
        [DataRow("/aws/reference/secretsmanager/prod/db")]
        [DataRow("arn:aws:ssm:us-east-1:111122223333:parameter/app/prod/db_password")]
        [DataRow("arn:aws:ssm:us-east-1:111122223333:parameter/db_password")]
        [DataRow("arn:aws-us-gov:ssm:us-gov-west-1:111122223333:parameter/db")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf:password::")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf::AWSPREVIOUS:")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf:::9d4cb84b-ad69-40c0-a0ab-cead3EXAMPLE")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf:password:AWSCURRENT:")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf:::")]
        [DataRow("${DB_SECRET_ARN}")]
        [DataRow("arn:aws:ssm:ap-northeast-1:{{must_env `AWS_ACCOUNT_ID`}}:parameter/app/db")]
        public void Valid_references_and_placeholders_are_not_reported(string valueFrom)
        {
            Markup.Verify("task-definition.json", TaskDefinition("\"" + valueFrom + "\""), "ECS004", "LINT001");
        }

        [TestMethod]
        [DataRow("", "is invalid: it is empty")]
        [DataRow("/app/db password", "it contains whitespace")]
        [DataRow("ssm:/app/db", "an SSM parameter name has only letters")]
        [DataRow("arn:aws:ssm:us-east-1:111122223333", "an ARN has six parts")]
        [DataRow("arn:aws:ssm:us-east-1:111122223333:parameter:app/db", "an SSM parameter ARN ends in parameter/NAME")]
        [DataRow("arn:aws:ssm:us-east-1:111122223333:parameter/", "an SSM parameter ARN ends in parameter/NAME")]
        [DataRow("arn:aws:ssm::111122223333:parameter/app/db", "the Region is missing")]
        [DataRow("arn:aws:ssm:US-EAST-1:111122223333:parameter/app/db", "the Region 'US-EAST-1' is not a Region code")]
        [DataRow("arn:aws:ssm:us-east-1:11112222333:parameter/app/db", "the account '11112222333' is not a 12-digit account ID")]
        [DataRow("arn:aws:ssm:us-east-1::parameter/app/db", "the account ID is missing")]
        [DataRow("arn:amazon:ssm:us-east-1:111122223333:parameter/app/db", "unknown partition 'amazon'")]
        [DataRow("arn:aws:kms:us-east-1:111122223333:key/1234abcd", "not from 'kms'")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:prod/db-AbCdEf", "a Secrets Manager ARN ends in secret:NAME")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf:password", "all three colons kept")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf:password:", "all three colons kept")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf:a:b:c:d", "all three colons kept")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf::AWSCURRENT:9d4cb84b", "version-stage and version-id cannot both be given")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:", "the secret name is missing")]
        [DataRow("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db#1", "has characters other than")]
        public void Invalid_references_are_reported_on_valueFrom_with_the_reason(string valueFrom, string reason)
        {
            Markup.Verify("task-definition.json", TaskDefinition("{|ECS004:\"" + valueFrom + "\"|}"), "ECS004", "LINT001");
            var report = Shared.Engine.LintText(new SourceText("task-definition.json", TaskDefinition("\"" + valueFrom + "\"")));
            StringAssert.Contains(report.Findings.Single(f => f.RuleId == "ECS004").Message, reason);
        }

        [TestMethod]
        public void Entries_without_name_or_valueFrom_are_reported_on_the_entry()
        {
            Markup.Verify("task-definition.json", """
                {"family": "app", "containerDefinitions": [{"name": "app", "image": "nginx", "secrets": [
                  {|ECS004:{|}"valueFrom": "/app/a"},
                  {|ECS004:{|}"name": "B"},
                  {"name": {|ECS004:""|}, "valueFrom": "/app/c"},
                  {"name": "", "valueFrom": ""},
                  {"name": "D", "valueFrom": {|ECS004:42|}}
                ]}]}
                """, "ECS004", "LINT001");
        }

        [TestMethod]
        public void Log_driver_secret_options_are_checked_too()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  TaskDefinition:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: app
                          Image: nginx
                          LogConfiguration:
                            LogDriver: splunk
                            SecretOptions:
                              - Name: splunk-token
                                ValueFrom: {|ECS004:"arn:aws:secretsmanager:us-east-1:111122223333:secret:splunk-AbCdEf:token"|}
                              - Name: splunk-url
                                ValueFrom: !Sub arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/splunk-url
                """, "ECS004", "LINT001");
        }
    }
}
