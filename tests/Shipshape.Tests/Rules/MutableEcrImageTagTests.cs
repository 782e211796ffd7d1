using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class MutableEcrImageTagTests
    {
        private static string TaskDefinition(string markedImage) => """
            {"family": "app", "containerDefinitions": [{"name": "app", "image": IMAGE}]}
            """.Replace("IMAGE", markedImage);

        [TestMethod]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:latest")]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.com/app")]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.com/team/app")]
        [DataRow("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/app:latest")]
        [DataRow("111122223333.dkr-ecr.us-east-1.on.aws/app:latest")]
        [DataRow("111122223333.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app")]
        [DataRow("111122223333.DKR.ECR.US-EAST-1.AMAZONAWS.COM/app:latest")]
        [DataRow("public.ecr.aws/aws-observability/aws-otel-collector:latest")]
        [DataRow("public.ecr.aws/nginx/nginx")]
        public void Latest_and_no_tag_are_reported(string image)
        {
            Markup.Verify("task-definition.json", TaskDefinition("{|ECS007:\"" + image + "\"|}"), "ECS007", "LINT001");
        }

        [TestMethod]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2")]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:stable")]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:Latest")]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:latest@sha256:4f2d8d0a4e1c0d3b3c2e8b9a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e")]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.com/app@sha256:4f2d8d0a4e1c0d3b3c2e8b9a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e")]
        [DataRow("public.ecr.aws/aws-observability/aws-for-fluent-bit:init-latest")]
        [DataRow("nginx:latest")]
        [DataRow("nginx")]
        [DataRow("ghcr.io/org/app:latest")]
        [DataRow("localhost:5000/app")]
        [DataRow("11112222333.dkr.ecr.us-east-1.amazonaws.com/app:latest")]
        [DataRow("{{ tfstate `aws_ecr_repository.app.repository_url` }}:latest")]
        [DataRow("${IMAGE_URI}")]
        [DataRow("")]
        public void Versions_digests_and_other_registries_are_not_reported(string image)
        {
            Markup.Verify("task-definition.json", TaskDefinition("\"" + image + "\""), "ECS007", "LINT001");
        }

        [TestMethod]
        public void Sub_fills_in_pseudo_parameters_and_leaves_other_variables_unknown()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  TaskDefinition:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: a
                          Image: !Sub {|ECS007:"${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/${Repository}:latest"|}
                        - Name: b
                          Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:${Tag}"
                        - Name: c
                          Image: !Sub "${Registry}/app:latest"
                        - Name: d
                          Image: !Sub "${ImageUri}"
                        - Name: e
                          Image: !Join ['', [!Ref Registry, '/app:latest']]
                        - Name: f
                          Image: !Ref Image
                """, "ECS007", "LINT001");
        }
    }
}
