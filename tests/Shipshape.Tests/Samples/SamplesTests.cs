using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Detection;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Samples
{
    /// <summary>
    /// Lints samples/ the way <c>shipshape check samples</c> walks it (files found in a folder, not named
    /// one by one) and pins the exact findings expected today: a regression or a new false positive fails.
    /// When a new rule starts reporting on the samples (the plaintext DB_PASSWORD, the partial EKS logging…),
    /// add its findings to <see cref="ExpectedFindings"/>.
    /// </summary>
    [TestClass]
    public sealed class SamplesTests
    {
        private static readonly Lazy<IReadOnlyList<FileReport>> Reports = new Lazy<IReadOnlyList<FileReport>>(LintSamples);

        /// <summary>Every file of samples/ and what the engine makes of it: a kind, or null when it is skipped quietly.</summary>
        private static readonly Dictionary<string, DocumentKind?> ExpectedKinds = new Dictionary<string, DocumentKind?>(StringComparer.Ordinal)
        {
            // Workflows that mention ECR are read for their shell steps (deploy.yml uses amazon-ecr-login and has none).
            ["samples/.github/workflows/deploy.yml"] = DocumentKind.CiPipeline,
            ["samples/.github/workflows/worker-image.yml"] = DocumentKind.CiPipeline,
            ["samples/README.md"] = null,
            // The C# CDK app: Shipshape's Roslyn analyzers check it when it builds; the CLI skips it quietly.
            ["samples/cdk-app/.globalconfig"] = null,
            ["samples/cdk-app/CdkApp.csproj"] = null,
            ["samples/cdk-app/ClusterStacks.cs"] = null,
            ["samples/cdk-app/Directory.Build.props"] = null,
            ["samples/cdk-app/Directory.Build.targets"] = null,
            ["samples/cdk-app/Directory.Packages.props"] = null,
            ["samples/cdk-app/Program.cs"] = null,
            ["samples/cdk-app/README.md"] = null,
            ["samples/cdk-app/RegistryStack.cs"] = null,
            ["samples/cdk-app/ServiceStack.cs"] = null,
            ["samples/cdk-app/cdk.json"] = null,
            ["samples/ecr/lifecycle-policy.json"] = DocumentKind.EcrLifecyclePolicy,
            ["samples/ecr/registry-policy.json"] = DocumentKind.PolicyDocument,
            ["samples/ecr/repository-policy.json"] = DocumentKind.PolicyDocument,
            ["samples/ecs/web-task-definition.json"] = DocumentKind.EcsTaskDefinition,
            ["samples/eks/cluster.yaml"] = DocumentKind.EksctlClusterConfig,
            ["samples/eks/regcred.yaml"] = DocumentKind.KubernetesSecret,
            ["samples/infra/app-stack.yaml"] = DocumentKind.CloudFormationTemplate,
            ["samples/infra/cdk.out/AppStack.template.json"] = DocumentKind.CloudFormationTemplate,
            ["samples/scripts/push-image.sh"] = DocumentKind.ShellScript,
        };

        /// <summary>Rule, file, 1-based line and column of the start, and the exact text the finding's span covers.</summary>
        private static readonly (string Rule, string File, int Line, int Column, string SpanText)[] ExpectedFindings =
        {
            // The cross-account pull policy pasted from chat: spaces inside the account ARN and the actions.
            ("IAM008", "samples/ecr/repository-policy.json", 8, 16, "\"arn:aws: iam:: 444455556666:root\""),
            ("IAM006", "samples/ecr/repository-policy.json", 12, 9, "\"ecr: BatchGet Image\""),
            ("IAM006", "samples/ecr/repository-policy.json", 27, 9, "\"ecr: Put Image\""),

            // Principal "*" without a condition in the RepositoryPolicyText block scalar ('|'), on the "*" itself.
            ("ECR001", "samples/infra/app-stack.yaml", 87, 28, "\"*\""),

            // The CI account may push: a note, so the decision is visible in review.
            ("ECR002", "samples/ecr/repository-policy.json", 22, 17, "[\n        \"ecr:BatchCheckLayerAvailability\",\n        \"ecr:InitiateLayerUpload\",\n        \"ecr:UploadLayerPart\",\n        \"ecr:CompleteLayerUpload\",\n        \"ecr: Put Image\"\n      ]"),

            // The web task definition: the database password in plaintext in "environment" (its siblings are in "secrets").
            ("ECS001", "samples/ecs/web-task-definition.json", 30, 43, "\"Tr0ub4dor&3-parcel\""),

            // The CDK synth: the staging promoter's account ID lost a digit.
            ("IAM008", "samples/infra/cdk.out/AppStack.template.json", 52, 16, "\"arn:aws:iam::77778888999:role/staging-image-promoter\""),

            // The eksctl cluster ships only api and audit logs (retention 30 days is set and accepted).
            ("EKS002", "samples/eks/cluster.yaml", 69, 18, "[\"api\", \"audit\"]"),

            // The laptop push script logs in to us-east-1 for a registry in eu-west-1, on the --region value.
            ("ECR030", "samples/scripts/push-image.sh", 12, 37, "us-east-1"),

            // The nightly worker build passes the token with -p, inside the run: block scalar.
            ("ECR031", "samples/.github/workflows/worker-image.yml", 30, 39, "-p"),

            // A pull secret holding a 12-hour ECR token, on the base64 value.
            ("ECR032", "samples/eks/regcred.yaml", 11, 22, RegcredValue),
        };

        private const string RegcredValue = "eyJhdXRocyI6eyIxMTExMjIyMjMzMzMuZGtyLmVjci5ldS13ZXN0LTEuYW1hem9uYXdzLmNvbSI6eyJ1c2VybmFtZSI6IkFXUyIsInBhc3N3b3JkIjoiZXlKd1lYbHNiMkZrSWpvaVEwbFVVMFZZUVUxUVRFVWlMQ0oyWlhKemFXOXVJam9pTWlKOSIsImF1dGgiOiJRVmRUT21WNVNuZFpXR3h6WWpKR2EwbHFiMmxSTUd4VlZUQldXVkZWTVZGVVJWVnBURU5LTWxwWVNucGhWemwxU1dwdmFVMXBTams9In19fQ==";

        [TestMethod]
        public void EveryFileOfSamplesIsCheckedAsItsKindOrSkippedQuietly()
        {
            var actual = Reports.Value.ToDictionary(r => r.Path, r => r.Checked ? r.Kind : (DocumentKind?)null, StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (var path in ExpectedKinds.Keys.Union(actual.Keys).OrderBy(p => p, StringComparer.Ordinal))
            {
                bool isExpected = ExpectedKinds.TryGetValue(path, out var expected);
                bool isActual = actual.TryGetValue(path, out var kind);
                if (!isExpected) problems.Add(path + ": a new file in samples/ (add it to ExpectedKinds and ExpectedFindings)");
                else if (!isActual) problems.Add(path + ": expected in samples/ but not found");
                else if (expected != kind) problems.Add(path + ": expected " + Describe(expected) + ", got " + Describe(kind));
            }
            Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));

            foreach (var skipped in Reports.Value.Where(r => !r.Checked))
                Assert.IsEmpty(skipped.Findings, skipped.Path + " is skipped but has findings");
        }

        [TestMethod]
        public void SamplesYieldExactlyTheExpectedFindings()
        {
            var actual = Reports.Value.SelectMany(r => r.Findings).Select(Format).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var expected = ExpectedFindings.Select(e => Format(e.Rule, e.File, e.Line, e.Column, e.SpanText)).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
            var unexpected = actual.Except(expected, StringComparer.Ordinal).ToList();
            Assert.IsTrue(missing.Count == 0 && unexpected.Count == 0,
                "Missing findings:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", missing) + Environment.NewLine
                + "Unexpected findings:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", unexpected));
            Assert.HasCount(expected.Count, actual, "the same finding was reported more than once");
        }

        [TestMethod]
        public void SampleFindingsHaveTheirRuleSeverityAndNameTheOffendingValue()
        {
            foreach (var finding in Reports.Value.SelectMany(r => r.Findings))
            {
                Assert.AreEqual(Shipshape.Catalogue.RuleCatalogue.Embedded[finding.RuleId].DefaultSeverity, finding.Severity, finding.ToString());
                Assert.AreEqual(finding.Path, finding.Span.Source.Path, finding.ToString());
            }
            var messages = Reports.Value.SelectMany(r => r.Findings).Select(f => f.RuleId + " " + f.Message).ToList();
            CollectionAssert.Contains(messages, "IAM008 Principal 'arn:aws: iam:: 444455556666:root' is malformed: it contains whitespace.");
            CollectionAssert.Contains(messages, "IAM006 Action 'ecr: BatchGet Image' is malformed: it contains whitespace.");
            CollectionAssert.Contains(messages, "IAM006 Action 'ecr: Put Image' is malformed: it contains whitespace.");
            CollectionAssert.Contains(messages, "IAM008 Principal 'arn:aws:iam::77778888999:role/staging-image-promoter' is malformed: the account ID '77778888999' is not 12 digits.");
            CollectionAssert.Contains(messages, "EKS002 Cluster 'parcel-platform' does not send these control-plane log types to CloudWatch Logs: 'authenticator', 'controllerManager' and 'scheduler'.");
            Assert.IsTrue(messages.Any(m => m.StartsWith("ECR001 Statement 'PartnerPilotPull' allows any principal, anonymous callers included", StringComparison.Ordinal)), string.Join(Environment.NewLine, messages));
            var plaintext = messages.Single(m => m.StartsWith("ECS001 ", StringComparison.Ordinal));
            StringAssert.StartsWith(plaintext, "ECS001 Environment variable 'DB_PASSWORD' holds a plaintext value under a secret-like name");
            Assert.DoesNotContain("Tr0ub4dor", plaintext, "the message must never repeat the secret");

            CollectionAssert.Contains(messages, "ECR030 The ECR token is for us-east-1 but the login is to 111122223333.dkr.ecr.eu-west-1.amazonaws.com, a registry in eu-west-1: "
                + "tokens are regional, so pushes and pulls fail with 403 or 'no basic auth credentials'; change --region to eu-west-1.");
        }

        [TestMethod]
        public void PublicPrincipalInBlockScalarIsReportedOnTheStar()
        {
            var finding = Reports.Value.Single(r => r.Path == "samples/infra/app-stack.yaml").Findings.Single(f => f.RuleId == "ECR001");
            Assert.AreEqual("87:28", finding.Start.ToString());
            Assert.AreEqual("\"*\"", finding.Span.Text);
        }

        private static IReadOnlyList<FileReport> LintSamples()
        {
            string root = RepositoryRoot.Path;
            string samples = RepositoryRoot.Combine("samples");
            Assert.IsTrue(Directory.Exists(samples), samples + " is missing");
            var engine = new LintEngine();
            return Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories)
                .Where(full => !IsBuildOutput(Path.GetRelativePath(samples, full)))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(full => engine.LintFile(full, Path.GetRelativePath(root, full).Replace('\\', '/'), explicitlyNamed: false))
                .ToList();
        }

        /// <summary>bin/ and obj/ of a built sample (samples/cdk-app): the CLI's folder walk skips them too.</summary>
        private static bool IsBuildOutput(string relative)
            => relative.Replace('\\', '/').Split('/').Any(segment => segment == "bin" || segment == "obj");

        private static string Format(Finding f) => Format(f.RuleId, f.Path, f.Start.Line, f.Start.Column, f.Span.Text);

        private static string Format(string rule, string file, int line, int column, string spanText)
            => rule + " " + file + ":" + line + ":" + column + " «" + spanText + "»";

        private static string Describe(DocumentKind? kind) => kind == null ? "skipped" : kind.Value.ToName();
    }
}
