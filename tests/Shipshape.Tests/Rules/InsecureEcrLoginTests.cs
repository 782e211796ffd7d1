using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class InsecureEcrLoginTests
    {
        private const string Rule = "ECR031";

        [TestMethod]
        [DataRow("$(aws ecr {|ECR031:get-login|} --no-include-email --region us-east-1)")]
        [DataRow("eval \"$(aws ecr {|ECR031:get-login|} --region us-east-1 --no-include-email)\"")]
        [DataRow("`aws ecr {|ECR031:get-login|} --no-include-email`")]
        [DataRow("aws --profile ci ecr {|ECR031:get-login|} --registry-ids 111122223333 | sh")]
        public void Get_login_is_reported_on_the_operation(string line)
            => Markup.Verify("deploy.sh", line + "\n", Rule);

        [TestMethod]
        [DataRow("docker login -u AWS {|ECR031:-p|} \"$(aws ecr get-login-password)\" 111122223333.dkr.ecr.eu-west-1.amazonaws.com")]
        [DataRow("docker login --username AWS {|ECR031:--password|} \"$TOKEN\" 111122223333.dkr.ecr.eu-west-1.amazonaws.com")]
        [DataRow("docker login --username AWS {|ECR031:--password|}=\"$TOKEN\" \"$ACCOUNT.dkr.ecr.$REGION.amazonaws.com\"")]
        [DataRow("docker login -u AWS {|ECR031:-p|} $(aws ecr get-login-password) \"$REGISTRY\"")]
        [DataRow("docker login -u AWS {|ECR031:-\"p\"|} \"$TOKEN\" 111122223333.dkr.ecr.eu-west-1.amazonaws.com")]
        [DataRow("podman login -u AWS {|ECR031:-p|} `aws ecr get-login-password --region eu-west-1` 111122223333.dkr-ecr.eu-west-1.on.aws")]
        public void A_token_on_the_command_line_is_reported_on_the_flag(string line)
            => Markup.Verify("deploy.sh", line + "\n", Rule);

        [TestMethod]
        public void Password_stdin_other_registries_and_get_login_password_are_fine()
        {
            Markup.Verify("deploy.sh", """
                aws ecr get-login-password --region eu-west-1 | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com
                docker login -u "$DOCKERHUB_USER" -p "$DOCKERHUB_TOKEN"
                docker login -u "$USER" -p "$PASSWORD" "$REGISTRY"
                docker login -u ci -p secret registry.example.com # not ECR
                aws ecr describe-repositories --region eu-west-1
                # aws ecr get-login --no-include-email
                echo "aws ecr get-login is gone"
                """, Rule);
        }

        [TestMethod]
        public void Json_and_yaml_files_are_never_read_as_shell_even_with_a_shebang()
        {
            var report = Shared.Engine.LintText(new SourceText("odd.yaml", "#!/bin/sh\nkey: $(aws ecr get-login)\n"), explicitlyNamed: false);
            Assert.IsFalse(report.Checked);
            var script = Shared.Engine.LintText(new SourceText("bin/login", "#!/bin/sh\n$(aws ecr get-login)\n"), explicitlyNamed: false);
            Assert.AreEqual(Shipshape.Detection.DocumentKind.ShellScript, script.Kind);
            Assert.AreEqual("ECR031", script.Findings.Single().RuleId);
        }

        [TestMethod]
        public void Messages_say_what_to_use_instead()
        {
            var findings = Shared.Engine.LintText(new SourceText("deploy.sh",
                "$(aws ecr get-login --no-include-email)\ndocker login -u AWS -p $(aws ecr get-login-password) \"$REGISTRY\"\n")).Findings;
            CollectionAssert.AreEqual(new[]
            {
                "'aws ecr get-login' was removed in AWS CLI v2; use 'aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <registry>'.",
                "The ECR token is passed with -p; pipe it to --password-stdin instead: on the command line it shows in the process list and in shell history.",
            }, findings.Select(f => f.Message).ToArray());
        }

        [TestMethod]
        public void Ci_steps_dockerfiles_and_makefiles_are_checked()
        {
            Markup.Verify(".github/workflows/release.yml", """
                jobs:
                  push:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Login
                        run: |
                          # the v1 way
                          $(aws ecr {|ECR031:get-login|} --no-include-email --region us-east-1)
                """, Rule);
            Markup.Verify("Dockerfile", """
                FROM docker:27-cli
                RUN docker login -u AWS {|ECR031:-p|} "$(aws ecr get-login-password --region us-east-1)" 111122223333.dkr.ecr.us-east-1.amazonaws.com && \
                    docker pull 111122223333.dkr.ecr.us-east-1.amazonaws.com/base:1
                """, Rule);
            Markup.Verify("release.mk", "login:\n\t$$(aws ecr {|ECR031:get-login|} --no-include-email)\n", Rule);
        }
    }
}
