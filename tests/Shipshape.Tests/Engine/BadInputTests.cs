using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Detection;
using Shipshape.Engine;
using Shipshape.Parsing;
using Shipshape.Text;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Engine
{
    /// <summary>Bad input is a finding or a documented skip: never an exception, never a hang.</summary>
    [TestClass]
    public sealed class BadInputTests
    {
        private static readonly byte[] Policy = Encoding.UTF8.GetBytes("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"}]}");

        [TestMethod]
        public void Binary_files_found_by_walking_are_skipped()
        {
            var report = Shared.Engine.LintBytes("image.json", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D }, explicitlyNamed: false);
            Assert.AreEqual("binary file", report.SkipReason);
            Assert.AreEqual(0, report.Findings.Count);
        }

        [TestMethod]
        public void Binary_files_named_explicitly_are_reported()
        {
            var report = Shared.Engine.LintBytes("image.json", new byte[] { 0x89, 0x50, 0, 0x47 }, explicitlyNamed: true);
            var finding = report.Findings.Single();
            Assert.AreEqual("LINT001", finding.RuleId);
            Assert.AreEqual("the file is binary (it contains NUL bytes), not JSON or YAML text", finding.Message);
        }

        [TestMethod]
        public void Invalid_UTF8_is_reported_at_the_bad_byte()
        {
            var bytes = Encoding.UTF8.GetBytes("{\n  \"Statement\": \"caf").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"\n}")).ToArray();
            var report = Shared.Engine.LintBytes("repository-policy.json", bytes, explicitlyNamed: false);
            var finding = report.Findings.Single();
            Assert.AreEqual("LINT001", finding.RuleId);
            Assert.AreEqual(new LinePosition(2, 20), finding.Start);
            Assert.AreEqual("invalid UTF-8 (byte 0xC3 at byte offset 21); save the file as UTF-8", finding.Message);
        }

        [TestMethod]
        public void Invalid_UTF8_in_an_unrelated_file_is_skipped()
        {
            var report = Shared.Engine.LintBytes("notes.yaml", new byte[] { 0x61, 0x3A, 0x20, 0xFF, 0xFE, 0x0A }, explicitlyNamed: false);
            Assert.AreEqual("not UTF-8 text", report.SkipReason);
        }

        [TestMethod]
        public void A_BOM_does_not_shift_columns()
        {
            var report = Shared.Engine.LintBytes("repository-policy.json", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Policy).ToArray(), explicitlyNamed: false);
            Assert.AreEqual(new LinePosition(1, 49), report.Findings.Single(f => f.RuleId == "ECR001").Start);
        }

        [TestMethod]
        public void UTF16_with_a_BOM_is_read()
        {
            var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Policy))).ToArray();
            var report = Shared.Engine.LintBytes("repository-policy.json", bytes, explicitlyNamed: false);
            Assert.AreEqual(new LinePosition(1, 49), report.Findings.Single(f => f.RuleId == "ECR001").Start);
        }

        [TestMethod]
        public void Files_over_the_size_limit_are_reported_and_not_read()
        {
            var engine = new LintEngine(limits: new ParseLimits { MaxFileBytes = 64 });
            string path = Path.Combine(Path.GetTempPath(), "shipshape-big-" + Path.GetRandomFileName() + ".json");
            File.WriteAllBytes(path, Policy);
            try
            {
                var finding = engine.LintFile(path, "big.json", explicitlyNamed: false).Findings.Single();
                Assert.AreEqual("LINT002", finding.RuleId);
                Assert.AreEqual("the file is 85 bytes, over the 64 bytes limit; it was not checked", finding.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        public void Unreadable_paths_are_findings()
        {
            var report = Shared.Engine.LintFile("/nonexistent/shipshape/x.json", "x.json", explicitlyNamed: true);
            Assert.AreEqual("LINT001", report.Findings.Single().RuleId);
        }

        [TestMethod]
        public void Broken_files_that_are_not_ours_are_skipped_when_found_by_walking()
        {
            var report = Shared.Engine.LintText(new SourceText("tsconfig.json", "{ // comments are fine here\n \"compilerOptions\": {} }"), explicitlyNamed: false);
            Assert.IsFalse(report.Checked);
            Assert.AreEqual(0, report.Findings.Count);
        }

        [TestMethod]
        public void Broken_files_that_look_like_ours_are_reported()
        {
            var report = Shared.Engine.LintText(new SourceText("deploy/app.json", "{\"containerDefinitions\": [,]}"), explicitlyNamed: false);
            Assert.AreEqual("LINT001", report.Findings.Single().RuleId);
            Assert.AreEqual(new LinePosition(1, 27), report.Findings[0].Start);
        }

        [TestMethod]
        public void Other_extensions_are_only_read_when_named()
        {
            var text = new SourceText("SOURCES.tsv", "path\tnotes\nx.json\tStatement: \"broken");
            Assert.AreEqual("not a JSON or YAML file", Shared.Engine.LintText(text, explicitlyNamed: false).SkipReason);
            Assert.AreEqual("LINT001", Shared.Engine.LintText(text, explicitlyNamed: true).Findings.Single().RuleId);
        }

        [TestMethod]
        public void Unrelated_valid_files_are_skipped_without_a_word()
        {
            var report = Shared.Engine.LintText(new SourceText(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"), explicitlyNamed: false);
            Assert.AreEqual("not a kind of document Shipshape checks", report.SkipReason);
        }

        [TestMethod]
        public void Every_byte_value_and_truncation_of_a_policy_is_handled()
        {
            // A cheap exhaustive mutation pass: every prefix, and every single-byte replacement at a few positions.
            for (int length = 0; length <= Policy.Length; length++)
                Shared.Engine.LintBytes("repository-policy.json", Policy.Take(length).ToArray(), explicitlyNamed: true);
            foreach (int position in new[] { 0, 1, 14, 40, Policy.Length - 1 })
            {
                for (int value = 0; value < 256; value++)
                {
                    var mutated = (byte[])Policy.Clone();
                    mutated[position] = (byte)value;
                    foreach (var finding in Shared.Engine.LintBytes("repository-policy.yaml", mutated, explicitlyNamed: true).Findings)
                        Assert.IsTrue(finding.Span.Start >= 0 && finding.Span.End <= finding.Span.Source.Length);
                }
            }
        }
    }

    [TestClass]
    public sealed class KindDetectionTests
    {
        [TestMethod]
        [DataRow("a.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}", DocumentKind.PolicyDocument)]
        [DataRow("a.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n", DocumentKind.CloudFormationTemplate)]
        [DataRow("a.json", "{\"Resources\": {\"R\": {\"Type\": \"AWS::ECR::Repository\"}}}", DocumentKind.CloudFormationTemplate)]
        [DataRow("a.json", "{\"family\": \"web\", \"containerDefinitions\": []}", DocumentKind.EcsTaskDefinition)]
        [DataRow("a.json", "{\"taskDefinition\": {\"containerDefinitions\": []}}", DocumentKind.EcsTaskDefinition)]
        [DataRow("a.json", "{\"rules\": [{\"rulePriority\": 1, \"selection\": {}}]}", DocumentKind.EcrLifecyclePolicy)]
        [DataRow("a.json", "{\"scanType\": \"ENHANCED\", \"rules\": [{\"scanFrequency\": \"SCAN_ON_PUSH\"}]}", DocumentKind.EcrRegistryScanningConfiguration)]
        [DataRow("a.yaml", "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: x, region: us-east-1}\n", DocumentKind.EksctlClusterConfig)]
        [DataRow("prod-task-definition.json", "{\"Statement\": []}", DocumentKind.PolicyDocument)]
        [DataRow("prod-task-definition.json", "{\"family\": \"web\"}", DocumentKind.EcsTaskDefinition)]
        [DataRow("a.json", "{\"Resources\": [\"not a template\"]}", DocumentKind.Unknown)]
        [DataRow("web-task-definition.yaml", "Resources:\n  R:\n    Type: AWS::ECS::TaskDefinition\n", DocumentKind.CloudFormationTemplate)]
        [DataRow("a.json", "{\"rules\": [{\"destinations\": [], \"repositoryFilters\": []}]}", DocumentKind.Unknown)]
        public void Kind_comes_from_unmistakable_content_then_the_file_name(string path, string text, DocumentKind kind)
            => Assert.AreEqual(kind, Shared.Engine.LintText(new SourceText(path, text), explicitlyNamed: false).Kind);

        [TestMethod]
        [DataRow("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"1\"}, \"Action\": [\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\"]}]}", PolicyKind.EcrRepositoryPolicy)]
        [DataRow("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"1\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"}]}", PolicyKind.KmsKeyPolicy)]
        [DataRow("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ecs-tasks.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}", PolicyKind.TrustPolicy)]
        [DataRow("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ecr:GetAuthorizationToken\", \"Resource\": \"*\"}]}", PolicyKind.IdentityPolicy)]
        [DataRow("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": [\"s3:GetObject\", \"ecr:BatchGetImage\"]}]}", PolicyKind.ResourcePolicy)]
        [DataRow("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"1\"}, \"Action\": [\"ecr:CreateRepository\", \"ecr:ReplicateImage\"], \"Resource\": \"*\"}]}", PolicyKind.EcrRegistryPolicy)]
        [DataRow("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\"}]}", PolicyKind.ResourcePolicy)]
        public void Policy_sub_kinds_come_from_content(string json, PolicyKind kind)
        {
            var root = (Shipshape.Model.MappingNode)JsonParser.Parse(new SourceText("p.json", json)).Documents[0];
            Assert.AreEqual(kind, KindDetector.PolicyKindFromContent(root));
        }

        [TestMethod]
        [DataRow("team-repository-policy.json", PolicyKind.EcrRepositoryPolicy)]
        [DataRow("repo-policy.json", PolicyKind.EcrRepositoryPolicy)]
        [DataRow("registry-policy.json", PolicyKind.EcrRegistryPolicy)]
        public void Policy_file_names_state_the_sub_kind(string name, PolicyKind kind)
            => Assert.AreEqual(kind, KindDetector.FromFileName(name).Policy);
    }
}
