using System;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Detection;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class StaticEcrCredentialsTests
    {
        private const string Rule = "ECR032";

        private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

        [TestMethod]
        public void Auth_values_for_ecr_hosts_are_reported_on_the_value()
        {
            Markup.Verify("config.json", """
                {
                  "auths": {
                    "https://index.docker.io/v1/": {"auth": "cGFyY2VsOmh1bnRlcjI="},
                    "111122223333.dkr.ecr.eu-west-1.amazonaws.com": {"auth": {|ECR032:"QVdTOnRva2Vu"|}},
                    "https://222233334444.dkr.ecr-fips.us-gov-west-1.amazonaws.com": {"auth": {|ECR032:"QVdTOnRva2Vu"|}},
                    "333344445555.dkr.ecr.eu-west-1.amazonaws.com": {},
                    "444455556666.dkr.ecr.eu-west-1.amazonaws.com": {"auth": ""}
                  },
                  "credsStore": ""
                }
                """, Rule);
        }

        [TestMethod]
        public void Entries_a_credential_helper_answers_for_are_not_used()
        {
            Markup.Verify(".docker/config.json", """
                {
                  "auths": {"111122223333.dkr.ecr.eu-west-1.amazonaws.com": {"auth": "QVdTOnRva2Vu"}},
                  "credHelpers": {"111122223333.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login"}
                }
                """, Rule);
            Markup.Verify(".docker/config.json", """
                {"auths": {"111122223333.dkr.ecr.eu-west-1.amazonaws.com": {"auth": "QVdTOnRva2Vu"}}, "credsStore": "desktop"}
                """, Rule);
        }

        [TestMethod]
        public void A_base64_secret_is_decoded_and_reported_on_its_value()
        {
            string ecr = Base64("{\"auths\":{\"111122223333.dkr.ecr.eu-west-1.amazonaws.com\":{\"username\":\"AWS\",\"password\":\"eyJ0b2tlbiI6MX0=\"}}}");
            string hub = Base64("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"cGFyY2VsOmh1bnRlcjI=\"}}}");
            Markup.Verify("k8s/manifests.yaml", $$"""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data:
                  .dockerconfigjson: {{ecr}}
                ---
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/dockerconfigjson
                metadata: {name: hub}
                data:
                  .dockerconfigjson: {{hub}}
                ---
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/dockerconfigjson
                metadata: {name: ecr}
                data:
                  .dockerconfigjson: "{|ECR032:{{ecr}}|}"
                ---
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/dockerconfigjson
                metadata: {name: broken}
                data:
                  .dockerconfigjson: not-base64!
                """.Replace("\"{|ECR032:", "{|ECR032:\"").Replace("|}\"", "\"|}"), Rule);

            var report = Shared.Engine.LintText(new SourceText("regcred.json",
                "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"type\": \"kubernetes.io/dockerconfigjson\", \"data\": {\".dockerconfigjson\": \"" + ecr + "\"}}"), explicitlyNamed: false);
            Assert.AreEqual(DocumentKind.KubernetesSecret, report.Kind);
            Assert.AreEqual("This Secret holds a docker login for 111122223333.dkr.ecr.eu-west-1.amazonaws.com: ECR tokens expire 12 hours after they are issued, and then every pull fails with 'no basic auth credentials'; "
                + "let the kubelet's ECR credential provider supply it (EKS nodes and Fargate pull with their IAM role), or refresh the Secret on a schedule.", report.Findings.Single().Message);
        }

        [TestMethod]
        public void A_docker_config_is_found_by_content_and_by_name()
        {
            var byContent = Shared.Engine.LintText(new SourceText("deploy/registry-auth.json", "{\"auths\": {}}"), explicitlyNamed: false);
            Assert.AreEqual(DocumentKind.DockerConfig, byContent.Kind);
            var byName = Shared.Engine.LintText(new SourceText("home/.docker/config.json", "{\"credHelpers\": {}}"), explicitlyNamed: false);
            Assert.AreEqual(DocumentKind.DockerConfig, byName.Kind);
            var other = Shared.Engine.LintText(new SourceText("app/config.json", "{\"credHelpers\": {}}"), explicitlyNamed: false);
            Assert.IsFalse(other.Checked);
        }
    }
}
