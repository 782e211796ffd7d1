using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class MalformedEcrImageHostTests
    {
        private static string TaskDefinition(string markedImage) => """
            {"family": "app", "containerDefinitions": [{"name": "app", "image": IMAGE}]}
            """.Replace("IMAGE", markedImage);

        [TestMethod]
        [DataRow("11112222333.dkr.ecr.us-east-1.amazonaws.com/app:1.0", "the account '11112222333' is not a 12-digit account ID")]
        [DataRow("1111222233334.dkr.ecr.us-east-1.amazonaws.com/app:1.0", "the account '1111222233334' is not a 12-digit account ID")]
        [DataRow("XXXXXXXXXXXX.dkr.ecr.us-east-1.amazonaws.com/app:1.0", "the account 'XXXXXXXXXXXX' is not a 12-digit account ID")]
        [DataRow("dkr.ecr.us-east-1.amazonaws.com/app:1.0", "the account ID is missing")]
        [DataRow("111122223333.dkr.ecr.amazonaws.com/app:1.0", "the Region is missing")]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.org/app:1.0", "'amazonaws.org' is not an ECR domain")]
        [DataRow("111122223333.dkr.ecr.us-east-1/app:1.0", "the domain is missing after the Region")]
        [DataRow("111122223333.dkr.ecr.-us-east-1.amazonaws.com/app:1.0", "the Region '-us-east-1' is not a Region code")]
        [DataRow("111122223333-dkr.ecr.us-east-1.amazonaws.com/app:1.0", "does not have that form")]
        [DataRow("111122223333.dkr.ecr:443/app:1.0", "the Region and domain are missing")]
        public void Malformed_registry_hosts_are_reported_with_the_reason(string image, string reason)
        {
            Markup.Verify("task-definition.json", TaskDefinition("{|ECS008:\"" + image + "\"|}"), "ECS008", "LINT001");
            var report = Shared.Engine.LintText(new SourceText("task-definition.json", TaskDefinition("\"" + image + "\"")));
            StringAssert.Contains(report.Findings.Single(f => f.RuleId == "ECS008").Message, reason);
        }

        [TestMethod]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1.0")]
        [DataRow("111122223333.dkr.ecr.us-east-1.amazonaws.com:443/app:1.0")]
        [DataRow("111122223333.dkr.ecr.eu-central-1.amazonaws.com/team/app@sha256:4f2d8d0a4e1c0d3b3c2e8b9a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e")]
        [DataRow("111122223333.dkr.ecr.cn-northwest-1.amazonaws.com.cn/app:1.0")]
        [DataRow("111122223333.dkr.ecr.cn-north-1.on.amazonwebservices.com.cn/app:1.0")]
        [DataRow("111122223333.dkr-ecr-fips.us-east-1.on.aws/app:1.0")]
        [DataRow("111122223333.dkr.ecr.us-iso-east-1.c2s.ic.gov/app:1.0")]
        [DataRow("111122223333.dkr.ecr.eusc-de-east-1.amazonaws.eu/app:1.0")]
        [DataRow("840364872350.dkr.ecr.region-code.amazonaws.com/aws-appmesh-envoy:v1.15.1.0-prod")]
        [DataRow("111122223333.DKR.ECR.US-EAST-1.AMAZONAWS.COM/app:1.0")]
        [DataRow("public.ecr.aws/nginx/nginx:1.27")]
        [DataRow("api.ecr.us-east-1.amazonaws.com/app:1.0")]
        [DataRow("registry.example.com/dkr.ecr/app:1.0")]
        [DataRow("dkr.ecr")]
        [DataRow("${AccountId}.dkr.ecr.us-east-1.amazonaws.com/app:1.0")]
        public void Valid_hosts_and_other_registries_are_not_reported(string image)
        {
            Markup.Verify("task-definition.json", TaskDefinition("\"" + image + "\""), "ECS008", "LINT001");
        }

        [TestMethod]
        public void A_host_in_Sub_is_checked_with_pseudo_parameters_filled_in()
        {
            Markup.Verify("template.json", """
                {"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [
                  {"Name": "a", "Image": {"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/app:${Tag}"}},
                  {"Name": "b", "Image": {"Fn::Sub": {|ECS008:"${AWS::AccountId}.dkr.ecr.${AWS::URLSuffix}/app:1.0"|}}},
                  {"Name": "c", "Image": {"Fn::Sub": "${Account}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0"}},
                  {"Name": "d", "Image": {"Fn::Sub": ["${Account}.dkr.ecr.x.amazonaws.com/app", {"Account": "1"}]}}
                ]}}}}
                """, "ECS008", "LINT001");
        }
    }
}
