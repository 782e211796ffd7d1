using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class PlaintextSecretInEnvironmentTests
    {
        private static string TaskDefinition(string name, string markedValue) => """
            {"family": "app", "containerDefinitions": [{"name": "app", "image": "nginx:1.27",
              "environment": [{"name": "NAME", "value": VALUE}]}]}
            """.Replace("NAME", name).Replace("VALUE", markedValue);

        [TestMethod]
        [DataRow("DB_PASSWORD")]
        [DataRow("dbPassword")]
        [DataRow("db-password")]
        [DataRow("DBPASSWORD")]
        [DataRow("Db.Password")]
        [DataRow("MYSQL_ROOT_PASSWD")]
        [DataRow("MYSQL_PWD")]
        [DataRow("SQL_PASS")]
        [DataRow("KEY_PASSPHRASE")]
        [DataRow("CLIENT_SECRET")]
        [DataRow("clientSecret")]
        [DataRow("SECRET_KEY_BASE")]
        [DataRow("GITHUB_TOKEN")]
        [DataRow("authToken")]
        [DataRow("API_KEY")]
        [DataRow("apiKey")]
        [DataRow("APIKey")]
        [DataRow("DD_API_KEY")]
        [DataRow("PRIVATE_KEY")]
        [DataRow("JWT_SIGNING_KEY")]
        [DataRow("AWS_ACCESS_KEY_ID")]
        [DataRow("AWS_SECRET_ACCESS_KEY")]
        [DataRow("GOOGLE_CREDENTIALS")]
        [DataRow("REGISTRY_CREDS")]
        [DataRow("BASIC_AUTH")]
        [DataRow("NEW_RELIC_LICENSE_KEY")]
        [DataRow("HMAC_KEY")]
        [DataRow("SESSION_KEY")]
        [DataRow("PGPASSWORD")]
        [DataRow("RABBITMQ_DEFAULT_PASS")]
        [DataRow("x-api-key")]
        public void Secret_like_names_in_any_style_are_reported(string name)
        {
            Markup.Verify("web-task-definition.json", TaskDefinition(name, "{|ECS001:\"s3cr3t-Value!\"|}"), "ECS001", "LINT001");
        }

        [TestMethod]
        [DataRow("PASSWORD_MIN_LENGTH", "s3cr3t-Value!")]
        [DataRow("TOKEN_TTL_SECONDS", "s3cr3t-Value!")]
        [DataRow("SECRET_NAME", "s3cr3t-Value!")]
        [DataRow("DB_SECRET_ARN", "s3cr3t-Value!")]
        [DataRow("API_KEY_PARAMETER", "s3cr3t-Value!")]
        [DataRow("API_KEY_PARAM", "s3cr3t-Value!")]
        [DataRow("SECRET_ID", "s3cr3t-Value!")]
        [DataRow("TOKEN_URL", "s3cr3t-Value!")]
        [DataRow("AUTH_ENABLED", "s3cr3t-Value!")]
        [DataRow("AUTH_PROVIDER", "s3cr3t-Value!")]
        [DataRow("PASSWORD_POLICY", "s3cr3t-Value!")]
        [DataRow("PASSWORD_FILE", "s3cr3t-Value!")]
        [DataRow("SECRETS_MANAGER_ENDPOINT", "s3cr3t-Value!")]
        [DataRow("TOKENIZER", "s3cr3t-Value!")]
        [DataRow("KMS_KEY", "s3cr3t-Value!")]
        [DataRow("PUBLIC_KEY", "s3cr3t-Value!")]
        [DataRow("OAUTH_CLIENT_ID", "s3cr3t-Value!")]
        [DataRow("SSL_PASSTHROUGH", "s3cr3t-Value!")]
        [DataRow("DB_USER", "s3cr3t-Value!")]
        [DataRow("BASIC_AUTH_USER", "s3cr3t-Value!")]
        [DataRow("CACHE_KEY", "s3cr3t-Value!")]
        [DataRow("SSH_KEY", "s3cr3t-Value!")]
        [DataRow("TOKEN_HEADER", "s3cr3t-Value!")]
        public void Names_about_a_secret_rather_than_the_secret_are_not_reported(string name, string value)
        {
            Markup.Verify("web-task-definition.json", TaskDefinition(name, "\"" + value + "\""), "ECS001", "LINT001");
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("   ")]
        [DataRow("${DB_PASSWORD}")]
        [DataRow("$DB_PASSWORD")]
        [DataRow("{{ ssm `/app/db-password` }}")]
        [DataRow("{{resolve:secretsmanager:prod/db}}")]
        [DataRow("<your-password>")]
        [DataRow("arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf")]
        [DataRow("arn:aws:ssm:eu-west-1:111122223333:parameter/app/db-password")]
        [DataRow("/app/prod/db_password")]
        [DataRow("prod/db-password")]
        [DataRow("app-db-password")]
        [DataRow("true")]
        [DataRow("False")]
        [DataRow("disabled")]
        [DataRow("3600")]
        [DataRow("0.5")]
        [DataRow("30s")]
        [DataRow("********")]
        [DataRow("xxxxxxxx")]
        [DataRow("https://vault.example.com/v1/secret/app")]
        public void Values_that_cannot_be_the_secret_are_not_reported(string value)
        {
            Markup.Verify("web-task-definition.json", TaskDefinition("DB_PASSWORD", "\"" + value + "\""), "ECS001", "LINT001");
        }

        [TestMethod]
        [DataRow("AKIAIOSFODNN7EXAMPLE")]
        [DataRow("ASIAZ7EXAMPLE4QWERTY")]
        [DataRow("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
        [DataRow("-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA\\n-----END RSA PRIVATE KEY-----")]
        [DataRow("-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\n-----END OPENSSH PRIVATE KEY-----")]
        [DataRow("postgres://app:pa55word@db.internal:5432/app")]
        [DataRow("redis://:s3cr3t@cache.internal:6379")]
        [DataRow("Server=db;Database=app;User Id=app;Password=pa55word;")]
        [DataRow("jdbc:mysql://db.internal/app?user=app&password=pa55word")]
        [DataRow("ghp_0123456789abcdefghijABCDEFGHIJ012345")]
        [DataRow("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz")]
        [DataRow("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx")]
        [DataRow("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")]
        [DataRow("sk_live_EXAMPLE00000000000000000")]
        [DataRow("rk_test_EXAMPLE00000000000000000")]
        [DataRow("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")]
        [DataRow("Bearer 0123456789abcdefABCDEF")]
        public void Secret_values_are_reported_whatever_the_name(string value)
        {
            Markup.Verify("web-task-definition.json", TaskDefinition("UPSTREAM", "{|ECS001:\"" + value + "\"|}"), "ECS001", "LINT001");
        }

        [TestMethod]
        [DataRow("postgres://app:${DB_PASSWORD}@db.internal:5432/app")]
        [DataRow("postgres://app@db.internal:5432/app")]
        [DataRow("https://user:****@example.com")]
        [DataRow("pk_live_EXAMPLE00000000000000000")]
        [DataRow("-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0B\\n-----END PUBLIC KEY-----")]
        [DataRow("3f2c1ab0d6e94e1b8a7c5d4e3f2a1b0c9d8e7f6a")]
        [DataRow("arn:aws:iam::111122223333:role/AKIAIOSFODNN7EXAMPLE")]
        [DataRow("/usr/local/lib/Python3/site/packages/Ab9")]
        public void Look_alikes_under_a_neutral_name_are_not_reported(string value)
        {
            Markup.Verify("web-task-definition.json", TaskDefinition("UPSTREAM", "\"" + value + "\""), "ECS001", "LINT001");
        }

        [TestMethod]
        public void The_message_names_the_variable_and_never_the_value()
        {
            var report = Shared.Engine.LintText(new SourceText("web-task-definition.json", TaskDefinition("DB_PASSWORD", "\"Tr0ub4dor&3\"")));
            var finding = report.Findings.Single(f => f.RuleId == "ECS001");
            StringAssert.Contains(finding.Message, "'DB_PASSWORD'");
            StringAssert.Contains(finding.Message, "'secrets'");
            Assert.DoesNotContain("Tr0ub4dor", finding.Message);

            var keyReport = Shared.Engine.LintText(new SourceText("web-task-definition.json", TaskDefinition("UPLOADS", "\"AKIAIOSFODNN7EXAMPLE\"")));
            var keyFinding = keyReport.Findings.Single(f => f.RuleId == "ECS001");
            StringAssert.Contains(keyFinding.Message, "an AWS access key ID in plaintext");
            Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", keyFinding.Message);
        }

        [TestMethod]
        public void Describe_task_definition_output_is_checked_inside_its_wrapper()
        {
            Markup.Verify("describe-output.json", """
                {"taskDefinition": {"family": "app", "revision": 7, "containerDefinitions": [
                  {"name": "app", "image": "nginx:1.27", "environment": [{"name": "API_TOKEN", "value": {|ECS001:"abc123def456"|}}]}]}}
                """, "ECS001", "LINT001");
        }

        [TestMethod]
        public void Every_container_of_a_YAML_template_is_checked_and_non_strings_are_not_secrets()
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
                              Value: 123456
                            - Name: TOKEN_REQUIRED
                              Value: true
                            - Name: ADMIN_PASSWORD
                              Value: !Sub '${AdminPassword}'
                            - Name: ADMIN_TOKEN
                              Value: !Join ['', [abc, def]]
                        - !If [WithSidecar, {Name: sidecar, Image: busybox}, !Ref AWS::NoValue]
                        - Name: worker
                          Image: busybox
                          Environment:
                            - Name: Smtp_Password
                              Value: {|ECS001:"p@ss w0rd"|}
                            - Name: SIGNING_KEY
                              Value: {|ECS001:Plain+Signing=Key123|}
                """, "ECS001", "LINT001");
        }

        [TestMethod]
        public void An_intrinsic_environment_list_or_entry_is_unknown()
        {
            Markup.Verify("template.json", """
                {"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [
                  {"Name": "app", "Image": "nginx", "Environment": {"Fn::If": ["Prod", [], [{"Name": "DB_PASSWORD", "Value": "dev-pass-123"}]]}},
                  {"Name": "web", "Image": "nginx", "Environment": [{"Fn::If": ["Prod", {"Ref": "AWS::NoValue"}, {"Name": "DB_PASSWORD", "Value": "dev-pass-123"}]}]}
                ]}}}}
                """, "ECS001", "LINT001");
        }
    
        [TestMethod]
        public void Configured_allowed_names_and_extra_patterns_apply()
        {
            using var dir = new Shipshape.Tests.Configuration.TempFolder();
            dir.Write(".shipshape.yaml", "rules:\n  ECS001:\n    options:\n      allowed-names: [DB_PASSWORD]\n      secret-name-patterns: ['^PARCEL_SIGNING$']\n");
            var config = new Shipshape.Configuration.ConfigResolver().ForFile(dir.Full("task-definition.json"));
            string text = "{\"family\": \"app\", \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"nginx:1.27\", \"environment\": [" +
                "{\"name\": \"DB_PASSWORD\", \"value\": \"hunter2-hunter2\"}, {\"name\": \"PARCEL_SIGNING\", \"value\": \"k3y-material-99\"}]}]}";

            var findings = Shared.Engine.LintText(new SourceText("task-definition.json", text), true, config.ToLintSettings()).Findings.Where(f => f.RuleId == "ECS001").ToList();

            Assert.HasCount(1, findings);
            StringAssert.StartsWith(findings[0].Message, "Environment variable 'PARCEL_SIGNING'");
        }
    }
}
