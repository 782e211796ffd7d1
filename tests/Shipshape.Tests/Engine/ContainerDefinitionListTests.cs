using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Detection;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Engine
{
    /// <summary>
    /// A file holding only the list of container definitions (<c>aws ecs register-task-definition --container-definitions
    /// file://containers.json</c>, Terraform's <c>container_definitions = file("containers.json")</c>) is an ECS task
    /// definition whose family and roles live elsewhere.
    /// </summary>
    [TestClass]
    public sealed class ContainerDefinitionListTests
    {
        private const string Containers = """
            [
              {
                "name": "web",
                "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:latest",
                "essential": true,
                "environment": [
                  {"name": "DB_HOST", "value": "db.internal.example.com"},
                  {"name": "DB_PASSWORD", "value": {|ECS001:"Tr0ub4dor&3"|}}
                ],
                "secrets": [{"name": "API_KEY", "valueFrom": "/web/prod/api-key"}]
              },
              {"name": "sidecar", "image": "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"}
            ]
            """;

        [TestMethod]
        public void A_list_of_container_definitions_is_found_by_its_content_and_checked()
        {
            Markup.Verify("containers.json", Containers, "ECS001");
            var report = Shared.Engine.LintText(new SourceText("containers.json", Markup.Parse(Containers).Text));
            Assert.AreEqual(DocumentKind.EcsTaskDefinition, report.Kind);
        }

        [TestMethod]
        public void The_task_settings_it_does_not_hold_are_unknown_not_missing()
        {
            // Secrets without an execution role (ECS003) cannot be judged: the role is set where the list is used.
            var report = Shared.Engine.LintText(new SourceText("containers.json", Markup.Parse(Containers).Text));
            CollectionAssert.AreEqual(new[] { "ECS007", "ECS001" }, report.Findings.Select(f => f.RuleId).ToArray(), string.Join("\n", report.Findings));
        }

        [TestMethod]
        [DataRow("container-definitions.json")]
        [DataRow("web_container_definitions.json")]
        public void A_list_named_as_container_definitions_is_checked_without_ECS_only_members(string path)
        {
            Markup.Verify(path, """
                [{"name": "web", "image": "nginx:1.27", "environment": [{"name": "GITHUB_TOKEN", "value": {|ECS001:"ghp_16C7e42F292c6912E7710c838347Ae178B4a"|}}]}]
                """, "ECS001");
        }

        [TestMethod]
        [DataRow("""[{"name": "web", "image": "nginx:1.27"}]""", "names and images only: could be any tool's list")]
        [DataRow("""[{"name": "web", "image": "nginx:1.27", "env": [{"name": "PASSWORD", "value": "x"}], "ports": [{"containerPort": 80}]}]""", "Kubernetes containers")]
        [DataRow("""[{"name": "web", "essential": true}, {"name": "db", "image": "postgres:16", "essential": true}]""", "an item without an image")]
        [DataRow("""[]""", "empty")]
        [DataRow("""["web", "worker"]""", "strings")]
        public void Other_lists_are_skipped(string json, string why)
        {
            var report = Shared.Engine.LintText(new SourceText("containers.json", json), explicitlyNamed: false);
            Assert.IsFalse(report.Checked, why + ": " + string.Join("\n", report.Findings));
        }
    }
}
