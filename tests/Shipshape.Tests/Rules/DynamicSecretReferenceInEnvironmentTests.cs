using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class DynamicSecretReferenceInEnvironmentTests
    {
        [TestMethod]
        public void Secret_references_are_reported_on_the_string_that_holds_them()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  TaskDefinition:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: app
                          Image: nginx:1.27
                          Environment:
                            - Name: DB_PASSWORD
                              Value: {|ECS002:"{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf:SecretString:password}}"|}
                            - Name: SMTP_PASSWORD
                              Value: {|ECS002:'{{resolve:ssm-secure:/app/smtp:2}}'|}
                            - Name: DATABASE_URL
                              Value:
                                Fn::Join:
                                  - ''
                                  - - 'postgres://app:'
                                    - {|ECS002:'{{resolve:secretsmanager:prod/db:SecretString:password}}'|}
                                    - '@'
                                    - !GetAtt Database.Endpoint.Address
                            - Name: FEATURE_FLAGS
                              Value: '{{resolve:ssm:/app/flags}}'
                            - Name: DB_HOST
                              Value: !GetAtt Database.Endpoint.Address
                """, "ECS002", "LINT001");
        }

        [TestMethod]
        public void ECS001_leaves_dynamic_references_to_ECS002()
        {
            Markup.Verify("template.json", """
                {"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [
                  {"Name": "app", "Image": "nginx", "Environment": [
                    {"Name": "API_TOKEN", "Value": {|ECS002:"{{resolve:secretsmanager:prod/api:SecretString:token}}"|}},
                    {"Name": "URL", "Value": {"Fn::Sub": {|ECS002:"https://u:{{resolve:secretsmanager:prod/api}}@${Host}"|}}}
                  ]}]}}}}
                """, "ECS001", "ECS002", "LINT001");
        }

        [TestMethod]
        public void Task_definition_files_are_not_resolved_by_CloudFormation()
        {
            Markup.Verify("web-task-definition.json", """
                {"family": "app", "containerDefinitions": [{"name": "app", "image": "nginx",
                  "environment": [{"name": "DB_PASSWORD", "value": "{{resolve:secretsmanager:prod/db}}"}]}]}
                """, "ECS002", "LINT001");
        }

        [TestMethod]
        public void References_outside_environment_are_not_reported()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  TaskDefinition:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: app
                          Image: nginx:1.27
                          Command: ['--token', '{{resolve:secretsmanager:prod/api}}']
                          Secrets:
                            - Name: API_TOKEN
                              ValueFrom: prod-api-token
                """, "ECS002", "LINT001");
        }
    }
}
