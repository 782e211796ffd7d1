using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Configuration;
using Shipshape.Engine;
using Shipshape.Text;
using Shipshape.Tests.Configuration;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Suppressions
{
    /// <summary>Inline comments and CloudFormation Metadata, LINT003 (no reason) and LINT004 (matches nothing).</summary>
    [TestClass]
    public sealed class SuppressionTests
    {
        private static ProcessedFile Process(string path, string text, bool ignoreInline = false, FileConfiguration? config = null)
            => FindingPostProcessor.Default.Process(Shared.Engine.LintText(new SourceText(path, text)), config, ignoreInline);

        /// <summary>The findings as "ID@line:col"; repository-settings findings (ECR010-ECR016) of the bare test repositories are left out.</summary>
        private static string Describe(ProcessedFile file) => string.Join(", ", file.Findings
            .Where(f => !(f.RuleId.StartsWith("ECR01", System.StringComparison.Ordinal) && f.RuleId.Length == 6))
            .Select(f => f.RuleId + "@" + f.Start));

        private static string Insert(string text, int beforeLine, string line)
        {
            var lines = text.Split('\n').ToList();
            lines.Insert(beforeLine - 1, line);
            return string.Join("\n", lines);
        }

        [TestMethod]
        public void A_comment_on_the_line_before_suppresses_the_entry_that_starts_there()
        {
            // Above "- Sid: CiPush": the whole first statement (its Action on line 14 after the insert).
            var file = Process("template.yaml", Insert(ConfigSamples.PushTemplate, 9, "          # shipshape-ignore ECR002 -- the CI account pushes"));

            Assert.AreEqual("ECR002@18:21", Describe(file));
            Assert.HasCount(1, file.Suppressed);
            Assert.AreEqual("the CI account pushes", file.Suppressed[0].Suppression.Reason);
        }

        [TestMethod]
        public void A_trailing_comment_suppresses_its_own_line()
        {
            string text = ConfigSamples.PushTemplate.Replace("AWS: \"777788889999\"\n            Action: ecr:PutImage\n", "AWS: \"777788889999\"\n            Action: ecr:PutImage  # shipshape-ignore ECR002 -- staging account\n");

            Assert.AreEqual("ECR002@13:21", Describe(Process("template.yaml", text)));
        }

        [TestMethod]
        public void A_file_comment_suppresses_everywhere_and_ids_may_be_listed()
        {
            string text = "# shipshape-ignore-file ECR002, IAM003 -- sandbox registry\n" + ConfigSamples.PushTemplate;

            var file = Process("template.yaml", text);

            // Both ECR002 findings are suppressed; IAM003 finds nothing in this file, so its half of the list is stale.
            Assert.AreEqual("LINT004@1:33", Describe(file));
            Assert.HasCount(2, file.Suppressed);
        }

        [TestMethod]
        public void Missing_reason_is_LINT003_and_the_suppression_still_applies()
        {
            var file = Process("template.yaml", Insert(ConfigSamples.PushTemplate, 14, "          # shipshape-ignore ECR002"));

            Assert.AreEqual("ECR002@13:21, LINT003@14:11", Describe(file));
            Assert.AreEqual(Findings.Severity.Warning, file.Findings[1].Severity);
            Assert.AreEqual(25, file.Findings[1].Span.Length, "the comment itself");
        }

        [TestMethod]
        public void A_stale_suppression_and_an_unknown_id_are_LINT004()
        {
            string text = Insert(Insert(ConfigSamples.PushTemplate, 3, "  # shipshape-ignore ECR001 -- was public"), 1, "# shipshape-ignore-file ECR02 -- typo");

            var file = Process("template.yaml", text);

            Assert.AreEqual("LINT004@1:25, LINT004@4:22, ECR002@15:21, ECR002@19:21", Describe(file));
            StringAssert.Contains(file.Findings[0].Message, "'ECR02' is not a rule ID");
            StringAssert.Contains(file.Findings[1].Message, "matches no ECR001 finding");
            Assert.AreEqual(Findings.Severity.Note, file.Findings[1].Severity);
        }

        [TestMethod]
        public void A_misspelt_directive_is_LINT004()
        {
            var file = Process("template.yaml", "# shipshape-ignores ECR002 -- typo\n" + ConfigSamples.PushTemplate);

            Assert.AreEqual("LINT004@1:1, ECR002@14:21, ECR002@18:21", Describe(file));
            StringAssert.Contains(file.Findings[0].Message, "'shipshape-ignores' is not a directive");
        }

        [TestMethod]
        public void Resource_and_template_metadata_suppress_in_json_and_yaml()
        {
            const string Json =
                "{\n" +
                "  \"Resources\": {\n" +
                "    \"Repo\": {\n" +
                "      \"Type\": \"AWS::ECR::Repository\",\n" +
                "      \"Metadata\": {\"shipshape\": {\"ignore\": [{\"id\": \"ECR002\", \"reason\": \"CI pushes\"}]}},\n" +
                "      \"Properties\": {\"RepositoryPolicyText\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"444455556666\"}, \"Action\": \"ecr:PutImage\"}]}}\n" +
                "    },\n" +
                "    \"Other\": {\n" +
                "      \"Type\": \"AWS::ECR::Repository\",\n" +
                "      \"Properties\": {\"RepositoryPolicyText\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"444455556666\"}, \"Action\": \"ecr:PutImage\"}]}}\n" +
                "    }\n" +
                "  }\n" +
                "}\n";
            var json = Process("template.json", Json);
            Assert.AreEqual("ECR002@10:154", Describe(json), "only the resource with the Metadata");

            string yaml = "Metadata:\n  shipshape:\n    ignore:\n      - id: ECR002\n        reason: sandbox account\n" + ConfigSamples.PushTemplate;
            Assert.AreEqual(string.Empty, Describe(Process("template.yaml", yaml)));

            string bare = "Metadata:\n  shipshape:\n    ignore: [ECR002]\n    ignores: []\n" + ConfigSamples.PushTemplate;
            Assert.AreEqual("LINT003@3:14, LINT004@4:5", Describe(Process("template.yaml", bare)));
        }

        [TestMethod]
        public void No_inline_suppressions_brings_everything_back_and_reports_nothing_about_them()
        {
            string text = "# shipshape-ignore-file ECR002\n# shipshape-ignore-file ECR001 -- stale\n" + ConfigSamples.PushTemplate;

            var ignored = Process("template.yaml", text, ignoreInline: true);

            Assert.AreEqual("ECR002@15:21, ECR002@19:21", Describe(ignored));
            Assert.IsEmpty(ignored.Suppressed);
        }

        [TestMethod]
        public void The_config_switch_turns_inline_suppressions_off()
        {
            using var dir = new TempFolder();
            dir.Write(".shipshape.yaml", "root: true\ninline-suppressions: false\n");
            var config = new ConfigResolver().ForFile(dir.Full("template.yaml"));

            var file = Process("template.yaml", "# shipshape-ignore-file ECR002 -- sandbox\n" + ConfigSamples.PushTemplate, config: config);

            Assert.AreEqual("ECR002@14:21, ECR002@18:21", Describe(file));
        }

        [TestMethod]
        public void Hash_text_in_json_is_not_a_comment()
        {
            string json = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"x # shipshape-ignore-file ECR001 -- no\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"}]}\n";

            var file = Process("repository-policy.json", json);

            Assert.IsTrue(file.Findings.Any(f => f.RuleId == "ECR001"), Describe(file));
            Assert.IsFalse(file.Findings.Any(f => f.RuleId.StartsWith("LINT", System.StringComparison.Ordinal)), Describe(file));
        }

        [TestMethod]
        public void CSharp_sources_leave_suppression_to_roslyn()
        {
            var source = new SourceText("Stack.cs", "// shipshape-ignore-file ECR002 -- no\n#pragma warning disable ECR002 // shipshape-ignore ECR002\n# shipshape-ignore-file ECR002 -- no\n");
            var finding = new Findings.Finding("ECR002", Findings.Severity.Note, "m", new SourceSpan(source, 0, 2));
            var report = new FileReport("Stack.cs", Detection.DocumentKind.CloudFormationTemplate, new[] { finding }, null, source, System.Array.Empty<Model.Node>());

            var file = FindingPostProcessor.Default.Process(report);

            Assert.AreEqual("ECR002@1:1", Describe(file));
        }

        [TestMethod]
        public void LINT003_and_LINT004_follow_configured_severities()
        {
            using var dir = new TempFolder();
            dir.Write(".shipshape.yaml", "root: true\nrules:\n  LINT003: error\n  LINT004: off\n");
            var config = new ConfigResolver().ForFile(dir.Full("template.yaml"));

            var file = Process("template.yaml", "# shipshape-ignore-file ECR002\n# shipshape-ignore-file ECR001 -- stale\n" + ConfigSamples.PushTemplate, config: config);

            Assert.AreEqual("LINT003@1:1", Describe(file));
            Assert.AreEqual(Findings.Severity.Error, file.Findings[0].Severity);
        }
    }
}
