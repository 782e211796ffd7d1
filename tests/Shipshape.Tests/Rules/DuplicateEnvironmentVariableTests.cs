using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class DuplicateEnvironmentVariableTests
    {
        [TestMethod]
        public void Every_later_copy_is_reported_on_its_name()
        {
            Markup.Verify("task-definition.json", """
                {"family": "app", "containerDefinitions": [{"name": "app", "image": "nginx",
                  "environment": [
                    {"name": "PORT", "value": "80"},
                    {"name": {|ECS006:"PORT"|}, "value": "8080"},
                    {"name": {|ECS006:"PORT"|}, "value": "8081"},
                    {"name": "port", "value": "9090"},
                    {"value": "unnamed"},
                    {"value": "unnamed"}
                  ],
                  "secrets": [
                    {"name": {|ECS006:"port"|}, "valueFrom": "/app/port"},
                    {"name": "TOKEN", "valueFrom": "/app/token"},
                    {"name": {|ECS006:"TOKEN"|}, "valueFrom": "/app/token-v2"}
                  ]}]}
                """, "ECS006", "LINT001");
        }

        [TestMethod]
        public void Log_secret_options_are_not_environment_variables()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  TaskDefinition:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: app
                          Image: nginx
                          Environment:
                            - Name: splunk-token
                              Value: x
                          LogConfiguration:
                            LogDriver: splunk
                            SecretOptions:
                              - Name: splunk-token
                                ValueFrom: /splunk
                """, "ECS006", "LINT001");
        }

        [TestMethod]
        public void The_message_names_variable_place_and_container()
        {
            var report = Shared.Engine.LintText(new Shipshape.Text.SourceText("task-definition.json", """
                {"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx",
                  "environment": [{"name": "A", "value": "1"}], "secrets": [{"name": "A", "valueFrom": "/a"}]}]}
                """));
            var finding = System.Linq.Enumerable.Single(report.Findings, f => f.RuleId == "ECS006");
            StringAssert.StartsWith(finding.Message, "Variable 'A' is defined in both 'environment' and 'secrets' of container 'web'");
        }
    }
}
