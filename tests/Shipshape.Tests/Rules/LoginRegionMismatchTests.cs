using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class LoginRegionMismatchTests
    {
        private const string Rule = "ECR030";

        [TestMethod]
        [DataRow("aws ecr get-login-password --region {|ECR030:us-east-1|} | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com")]
        [DataRow("aws ecr get-login-password --region={|ECR030:us-east-1|} | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com")]
        [DataRow("aws --region {|ECR030:us-east-1|} --output text ecr get-login-password | docker login --username=AWS --password-stdin https://111122223333.dkr.ecr.eu-west-1.amazonaws.com/parcel/web")]
        [DataRow("aws ecr get-login-password --region {|ECR030:'us-east-1'|} | sudo docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com 2>/dev/null")]
        [DataRow("aws ecr get-login-password --region {|ECR030:us-east-1|} | podman login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com")]
        [DataRow("aws ecr get-login-password --region {|ECR030:us-east-1|} | helm registry login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com")]
        [DataRow("docker login -u AWS -p \"$(aws ecr get-login-password --region {|ECR030:us-east-1|})\" 111122223333.dkr.ecr.eu-west-1.amazonaws.com")]
        public void Literal_regions_that_differ_are_reported_on_the_region(string line)
            => Markup.Verify("deploy.sh", line + "\n", Rule);

        [TestMethod]
        [DataRow("111122223333.dkr.ecr-fips.us-east-1.amazonaws.com", "us-east-1")]
        [DataRow("111122223333.dkr-ecr.eu-west-1.on.aws", "eu-west-1")]
        [DataRow("111122223333.dkr-ecr-fips.us-gov-west-1.on.aws", "us-gov-west-1")]
        [DataRow("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn", "cn-north-1")]
        [DataRow("111122223333.dkr.ecr.cn-northwest-1.on.amazonwebservices.com.cn", "cn-northwest-1")]
        [DataRow("111122223333.dkr.ecr.us-iso-east-1.c2s.ic.gov", "us-iso-east-1")]
        [DataRow("111122223333.dkr.ecr.eu-central-1.amazonaws.com:443", "eu-central-1")]
        public void Every_host_form_names_its_region(string host, string region)
        {
            Markup.Verify("deploy.sh", "aws ecr get-login-password --region " + region + " | docker login -u AWS --password-stdin " + host + "\n", Rule);
            Markup.Verify("deploy.sh", "aws ecr get-login-password --region {|ECR030:ap-south-2|} | docker login -u AWS --password-stdin " + host + "\n", Rule);
        }

        [TestMethod]
        public void Variables_assigned_earlier_are_resolved()
        {
            Markup.Verify("deploy.sh", """
                #!/bin/bash
                ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
                REGION="us-east-1"
                export TARGET_REGION=eu-west-1
                REGISTRY=${ACCOUNT_ID}.dkr.ecr.${TARGET_REGION}.amazonaws.com
                aws ecr get-login-password --region {|ECR030:"$REGION"|} | docker login --username AWS --password-stdin "$REGISTRY"
                """, Rule);
        }

        [TestMethod]
        public void The_environment_region_is_used_without_region_and_the_finding_lands_on_the_registry()
        {
            Markup.Verify("deploy.sh", """
                export AWS_DEFAULT_REGION=eu-west-1
                export AWS_REGION=us-east-1
                aws ecr get-login-password | docker login --username AWS --password-stdin {|ECR030:111122223333.dkr.ecr.eu-west-1.amazonaws.com|}
                """, Rule);
            Markup.Verify("deploy.sh", """
                export AWS_DEFAULT_REGION=us-east-1
                aws ecr get-login-password | docker login --username AWS --password-stdin {|ECR030:111122223333.dkr.ecr.eu-west-1.amazonaws.com|}
                AWS_REGION=eu-west-1 aws ecr get-login-password | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com
                env AWS_REGION=eu-west-1 aws ecr get-login-password | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com
                """, Rule);
            var finding = Shared.Engine.LintText(new SourceText("deploy.sh", "AWS_REGION=us-east-1\naws ecr get-login-password | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com\n")).Findings.Single();
            Assert.AreEqual("The ECR token is for us-east-1 (from AWS_REGION) but the login is to 111122223333.dkr.ecr.eu-west-1.amazonaws.com, a registry in eu-west-1: "
                + "tokens are regional, so pushes and pulls fail with 403 or 'no basic auth credentials'; pass --region eu-west-1 to get-login-password.", finding.Message);
        }

        [TestMethod]
        [DataRow("REGION=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)")]
        [DataRow("read -r REGION < region.txt")]
        [DataRow("REGION=us-east-1\nsource ./env.sh")]
        [DataRow("REGION=us-east-1\nif [ -n \"$PROD\" ]; then REGION=eu-west-2; fi")]
        [DataRow("REGION=${AWS_REGION:-us-east-1}")]
        [DataRow("REGION=us-east-1\nunset REGION")]
        [DataRow("# REGION=us-east-1")]
        public void Values_that_are_not_known_are_never_reported(string setup)
        {
            Markup.Verify("deploy.sh", setup + "\naws ecr get-login-password --region \"$REGION\" | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com\n", Rule);
        }

        [TestMethod]
        public void Matching_regions_unknown_registries_and_unrelated_pipes_are_not_reported()
        {
            Markup.Verify("deploy.sh", """
                aws ecr get-login-password --region eu-west-1 | docker login -u AWS --password-stdin 111122223333.dkr.ecr.EU-WEST-1.amazonaws.com
                aws ecr get-login-password --region us-east-1 | docker login -u AWS --password-stdin "$REGISTRY"
                aws ecr get-login-password --region us-east-1 | docker login -u AWS --password-stdin 111122223333.dkr.ecr.$REGION.amazonaws.com
                aws ecr get-login-password --region us-east-1 > token.txt
                docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com < token.txt
                aws ecr-public get-login-password --region us-east-1 | docker login -u AWS --password-stdin public.ecr.aws
                echo "aws ecr get-login-password --region us-east-1 | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com"
                cat <<EOF
                aws ecr get-login-password --region us-east-1 | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com
                EOF
                """, Rule);
        }

        [TestMethod]
        public void A_github_step_is_checked_with_workflow_job_and_step_env()
        {
            Markup.Verify(".github/workflows/release.yml", """
                env:
                  AWS_REGION: us-east-1
                jobs:
                  push:
                    runs-on: ubuntu-latest
                    env:
                      ACCOUNT: "111122223333"
                    steps:
                      - run: aws ecr get-login-password --region {|ECR030:$AWS_REGION|} | docker login -u AWS --password-stdin $ACCOUNT.dkr.ecr.eu-west-1.amazonaws.com
                      - env:
                          AWS_REGION: eu-west-1
                        run: aws ecr get-login-password --region $AWS_REGION | docker login -u AWS --password-stdin $ACCOUNT.dkr.ecr.eu-west-1.amazonaws.com
                      - run: >-
                          aws ecr get-login-password --region ${{ env.AWS_REGION }}
                          | docker login -u AWS --password-stdin {|ECR030:${{ env.ACCOUNT }}.dkr.ecr.eu-west-1.amazonaws.com|}
                """.Replace("{|ECR030:${{ env.ACCOUNT }}.dkr.ecr.eu-west-1.amazonaws.com|}", "${{ env.ACCOUNT }}.dkr.ecr.eu-west-1.amazonaws.com")
                   .Replace("--region ${{ env.AWS_REGION }}", "--region {|ECR030:${{ env.AWS_REGION }}|}"), Rule);
        }

        [TestMethod]
        public void Configure_aws_credentials_sets_the_region_of_later_steps()
        {
            Markup.Verify(".github/workflows/release.yml", """
                jobs:
                  push:
                    runs-on: ubuntu-latest
                    steps:
                      - run: aws ecr get-login-password | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com
                      - uses: aws-actions/configure-aws-credentials@v4
                        with:
                          aws-region: us-east-1
                      - run: |
                          set -e
                          aws ecr get-login-password | docker login -u AWS --password-stdin {|ECR030:111122223333.dkr.ecr.eu-west-1.amazonaws.com|}
                      - shell: pwsh
                        run: aws ecr get-login-password | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com
                """, Rule);
        }

        [TestMethod]
        public void Gitlab_before_script_and_script_are_one_shell()
        {
            Markup.Verify(".gitlab-ci.yml", """
                variables:
                  AWS_DEFAULT_REGION: us-east-1
                  REGISTRY: 111122223333.dkr.ecr.eu-west-1.amazonaws.com
                .login: &login
                  - aws ecr get-login-password --region "$LOGIN_REGION" | docker login -u AWS --password-stdin "$REGISTRY"
                push:
                  variables:
                    IMAGE: $REGISTRY/parcel/web
                  before_script:
                    - LOGIN_REGION=ap-southeast-2
                  script:
                    - *login
                    - docker push "$IMAGE"
                    - aws ecr get-login-password | docker login -u AWS --password-stdin {|ECR030:"${IMAGE%%/*}"|}
                """.Replace("--region \"$LOGIN_REGION\"", "--region {|ECR030:\"$LOGIN_REGION\"|}").Replace("{|ECR030:\"${IMAGE%%/*}\"|}", "\"${IMAGE%%/*}\""), Rule);
        }

        [TestMethod]
        public void Buildspec_phases_share_one_shell()
        {
            Markup.Verify("buildspec.yml", """
                version: 0.2
                env:
                  variables:
                    TOKEN_REGION: us-east-1
                phases:
                  install:
                    commands:
                      - export REGISTRY=111122223333.dkr.ecr.eu-west-1.amazonaws.com
                  pre_build:
                    commands:
                      - aws ecr get-login-password --region $TOKEN_REGION | docker login --username AWS --password-stdin $REGISTRY
                """.Replace("--region $TOKEN_REGION", "--region {|ECR030:$TOKEN_REGION|}"), Rule);
        }

        [TestMethod]
        public void Makefile_variables_and_recipe_lines()
        {
            Markup.Verify("Makefile",
                "ACCOUNT := 111122223333\n" +
                "REGION ?= eu-west-1\n" +
                "REGION ?= us-east-1\n" +
                "REGISTRY = $(ACCOUNT).dkr.ecr.$(REGION).amazonaws.com\n" +
                "\n" +
                "login:\n" +
                "\t@aws ecr get-login-password --region {|ECR030:us-west-2|} \\\n" +
                "\t  | docker login --username AWS --password-stdin $(REGISTRY)\n" +
                "\tTOKEN_REGION=us-east-1\n" +
                "\taws ecr get-login-password --region $$TOKEN_REGION | docker login --username AWS --password-stdin $(REGISTRY)\n" +
                "\taws ecr get-login-password --region $(shell cat region) | docker login --username AWS --password-stdin ${REGISTRY}\n", Rule);
        }

        [TestMethod]
        public void Makefile_conditionals_and_includes_make_variables_unknown()
        {
            Markup.Verify("Makefile",
                "REGION = us-east-1\n" +
                "ifeq ($(ENV),prod)\n" +
                "REGISTRY = 111122223333.dkr.ecr.eu-west-1.amazonaws.com\n" +
                "endif\n" +
                "OTHER = 111122223333.dkr.ecr.eu-west-1.amazonaws.com\n" +
                "include config.mk\n" +
                "login:\n" +
                "\taws ecr get-login-password --region $(REGION) | docker login -u AWS --password-stdin $(REGISTRY)\n" +
                "\taws ecr get-login-password --region us-east-1 | docker login -u AWS --password-stdin $(OTHER)\n", Rule);
        }

        [TestMethod]
        public void Codebuild_sets_aws_region_itself()
        {
            // CodeBuild's own AWS_REGION wins over a buildspec's AWS_DEFAULT_REGION, and it is not in the file.
            Markup.Verify("buildspec.yml", """
                version: 0.2
                env:
                  variables:
                    AWS_DEFAULT_REGION: us-east-1
                phases:
                  build:
                    commands:
                      - aws ecr get-login-password | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com
                      - AWS_REGION=us-east-1 aws ecr get-login-password | docker login -u AWS --password-stdin {|ECR030:111122223333.dkr.ecr.eu-west-1.amazonaws.com|}
                """, Rule);
        }

        [TestMethod]
        public void Dockerfile_legacy_env_form()
        {
            Markup.Verify("build/Dockerfile.ci", """
                FROM docker:27-cli
                ENV AWS_REGION us-east-1
                run aws ecr get-login-password | docker login -u AWS --password-stdin {|ECR030:111122223333.dkr.ecr.eu-west-1.amazonaws.com|}
                """, Rule);
        }

        [TestMethod]
        public void Crlf_line_endings_keep_positions()
        {
            Markup.Verify("deploy.sh", "#!/bin/sh\r\nR=us-east-1\r\naws ecr get-login-password --region {|ECR030:$R|} \\\r\n  | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com\r\n", Rule);
        }

        [TestMethod]
        public void Dockerfile_run_lines_see_env_and_arg_of_their_stage()
        {
            Markup.Verify("Dockerfile", """
                ARG AWS_REGION=us-east-1
                FROM docker:27-cli AS login
                RUN aws ecr get-login-password | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com
                ARG AWS_REGION=us-east-1
                ENV REGISTRY=111122223333.dkr.ecr.eu-west-1.amazonaws.com \
                    OTHER="a b"
                RUN ["sh", "-c", "aws ecr get-login-password | docker login -u AWS --password-stdin $REGISTRY"]
                RUN --mount=type=secret,id=aws aws ecr get-login-password \
                    | docker login -u AWS --password-stdin {|ECR030:$REGISTRY|}
                """, Rule);
        }
    
        [TestMethod]
        public void A_configured_kind_makes_any_file_a_shell_script()
        {
            string text = "aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com\n";
            var settings = new Shipshape.Engine.LintSettings(Shipshape.Detection.DocumentKind.ShellScript, null, null);

            var report = Shared.Engine.LintText(new Shipshape.Text.SourceText("deploy/login.txt", text), explicitlyNamed: false, settings);

            Assert.AreEqual("ECR030", System.Linq.Enumerable.Single(report.Findings).RuleId);
        }
    }
}
