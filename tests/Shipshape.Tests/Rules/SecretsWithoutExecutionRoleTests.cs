using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class SecretsWithoutExecutionRoleTests
    {
        [TestMethod]
        [DataRow("")]
        [DataRow(", \"executionRoleArn\": \"\"")]
        [DataRow(", \"executionRoleArn\": null")]
        public void Missing_or_empty_execution_role_is_reported_on_the_opening_brace(string role)
        {
            Markup.Verify("task-definition.json", """
                {|ECS003:{|}"family": "app"ROLE, "containerDefinitions": [
                  {"name": "app", "image": "nginx", "secrets": [{"name": "A", "valueFrom": "/a"}, {"name": "B", "valueFrom": "/b"}]},
                  {"name": "sidecar", "image": "nginx", "secrets": [{"name": "C", "valueFrom": "/c"}]}]}
                """.Replace("ROLE", role), "ECS003", "LINT001");
        }

        [TestMethod]
        public void The_wrapper_of_describe_task_definition_is_the_anchor()
        {
            Markup.Verify("describe-output.json", """
                {"taskDefinition": {|ECS003:{|}"family": "app", "containerDefinitions": [
                  {"name": "app", "image": "nginx", "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:us-east-1:111122223333:secret:hub-AbCdEf"}}]}}
                """, "ECS003", "LINT001");
        }

        [TestMethod]
        public void The_first_key_is_the_anchor_in_a_YAML_task_definition()
        {
            Markup.Verify("app-task-definition.yaml", """
                {|ECS003:family|}: app
                containerDefinitions:
                  - name: app
                    image: nginx
                    logConfiguration:
                      logDriver: splunk
                      secretOptions:
                        - name: splunk-token
                          valueFrom: /app/splunk-token
                """, "ECS003", "LINT001");
        }

        [TestMethod]
        public void The_message_names_the_container_and_what_needs_the_role()
        {
            var report = Shared.Engine.LintText(new Shipshape.Text.SourceText("task-definition.json", """
                {"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx", "secrets": [{"name": "A", "valueFrom": "/a"}]}]}
                """));
            var finding = System.Linq.Enumerable.Single(report.Findings, f => f.RuleId == "ECS003");
            StringAssert.StartsWith(finding.Message, "Container 'web' uses 'secrets', but the task definition has no 'executionRoleArn'");
        }

        [TestMethod]
        [DataRow("\"secrets\": []")]
        [DataRow("\"secrets\": [{\"name\": \"\", \"valueFrom\": \"\"}]")]
        [DataRow("\"repositoryCredentials\": {\"credentialsParameter\": \"\"}")]
        [DataRow("\"environment\": [{\"name\": \"A\", \"value\": \"b\"}]")]
        public void Nothing_that_needs_the_role_is_not_reported(string field)
        {
            Markup.Verify("task-definition.json", """
                {"family": "app", "containerDefinitions": [{"name": "app", "image": "nginx", FIELD}]}
                """.Replace("FIELD", field), "ECS003", "LINT001");
        }

        [TestMethod]
        public void Fragments_without_family_are_not_task_definitions_yet()
        {
            Markup.Verify("task-definition.json", """
                {"containerDefinitions": [{"secrets": [{"name": "A", "valueFrom": "arn:aws:ssm:us-east-1:111122223333:parameter/a"}]}]}
                """, "ECS003", "LINT001");
        }

        [TestMethod]
        public void Templates_report_on_the_logical_ID_and_accept_intrinsic_roles()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  {|ECS003:NoRole|}:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: app
                          Image: nginx
                          Secrets:
                            - Name: A
                              ValueFrom: !Ref ParameterA
                  ImportedRole:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ExecutionRoleArn: !ImportValue shared-execution-role
                      ContainerDefinitions:
                        - Name: app
                          Image: nginx
                          Secrets:
                            - Name: A
                              ValueFrom: /a
                  ConditionalRole:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ExecutionRoleArn: !If [HasRole, !Ref RoleArn, !Ref AWS::NoValue]
                      ContainerDefinitions:
                        - Name: app
                          Image: nginx
                          Secrets:
                            - Name: A
                              ValueFrom: /a
                  UnknownSecrets:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: app
                          Image: nginx
                          Secrets:
                            - !If [WithSecret, {Name: A, ValueFrom: /a}, !Ref AWS::NoValue]
                """, "ECS003", "LINT001");
        }
    }
}
