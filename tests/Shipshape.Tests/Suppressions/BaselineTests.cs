using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Baselines;
using Shipshape.Configuration;
using Shipshape.Engine;
using Shipshape.Text;
using Shipshape.Tests.Configuration;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Suppressions
{
    /// <summary>Fingerprints survive edits above and below a finding; baselines split new from known findings.</summary>
    [TestClass]
    public sealed class BaselineTests
    {
        private static BaselineInput Lint(string fullPath, string text)
            => BaselineInput.From(fullPath, FindingPostProcessor.Default.Process(Shared.Engine.LintText(new SourceText(System.IO.Path.GetFileName(fullPath), text))));

        private static string[] Prints(string text)
        {
            var input = Lint("/repo/template.yaml", text);
            return Fingerprints.Compute(input.Findings, input.Locations, "template.yaml").Select(e => e.Fingerprint).ToArray();
        }

        [TestMethod]
        public void Logical_locations_name_keys_and_statements()
        {
            var report = Shared.Engine.LintText(new SourceText("template.yaml", ConfigSamples.PushTemplate));

            var locations = report.Findings.Select(f => Fingerprints.LogicalLocation(report.Documents, f.Span)).ToArray();

            CollectionAssert.AreEqual(new[]
            {
                "Resources.Repo.Properties.RepositoryPolicyText.Statement[Sid=CiPush].Action",
                "Resources.Repo.Properties.RepositoryPolicyText.Statement[1].Action",
            }, locations);
        }

        [TestMethod]
        public void Fingerprints_survive_edits_above_and_below_but_not_to_the_finding()
        {
            string[] before = Prints(ConfigSamples.PushTemplate);
            string above = ConfigSamples.PushTemplate.Replace("Resources:\n", "Description: a repository\nParameters:\n  Env:\n    Type: String\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
            string below = ConfigSamples.PushTemplate + "  Key:\n    Type: AWS::KMS::Key\n";
            string reindented = ConfigSamples.PushTemplate.Replace("Action: ecr:PutImage", "Action:   ecr:PutImage");
            string changed = ConfigSamples.PushTemplate.Replace("Sid: CiPush\n            Effect: Allow\n            Principal:\n              AWS: \"444455556666\"\n            Action: ecr:PutImage", "Sid: CiPush\n            Effect: Allow\n            Principal:\n              AWS: \"444455556666\"\n            Action: ecr:DeleteRepository");

            CollectionAssert.AreEqual(before, Prints(above));
            CollectionAssert.AreEqual(before, Prints(below));
            CollectionAssert.AreEqual(before, Prints(reindented));
            var after = Prints(changed);
            Assert.AreNotEqual(before[0], after[0], "a different offending token is a new finding");
            Assert.AreEqual(before[1], after[1]);
        }

        [TestMethod]
        public void Equal_findings_in_one_file_are_told_apart_by_occurrence()
        {
            string twice = ConfigSamples.PushTemplate.Replace("AWS: \"777788889999\"", "AWS: \"444455556666\"").Replace("          - Sid: CiPush\n", "          - Sid: CiPush\n").Replace("Sid: CiPush", "Effect: Allow\n            Sid: Push").Replace("Effect: Allow\n            Sid: Push\n            Effect: Allow", "Effect: Allow");
            var prints = Prints(twice);
            Assert.HasCount(2, prints);
            Assert.AreEqual(2, prints.Distinct().Count());
        }

        [TestMethod]
        public void A_baseline_reports_only_new_findings_and_lists_fixed_entries()
        {
            using var dir = new TempFolder();
            string template = dir.Full("stack/template.yaml");
            string policy = dir.Full("repository-policy.json");
            var baseline = Baseline.Create(dir.Full("shipshape-baseline.json"), new[] { Lint(template, ConfigSamples.PushTemplate), Lint(policy, ConfigSamples.PublicPolicy) });
            baseline.Save();
            var reloaded = Baseline.Load(dir.Full("shipshape-baseline.json"));
            Assert.HasCount(4, reloaded.Entries);
            Assert.AreEqual("stack/template.yaml", reloaded.Entries.Last().Path);

            // Edits above both template findings, the second one fixed, a new one added to the policy file.
            string edited = "Description: edited\n" + ConfigSamples.PushTemplate.Replace("AWS: \"777788889999\"\n            Action: ecr:PutImage", "AWS: \"777788889999\"\n            Action: ecr:BatchGetImage");
            string policyEdited = ConfigSamples.PublicPolicy.Replace("\"Statement\": [", "\"Statement\": [\n    {\"Sid\": \"New\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"},");
            var result = reloaded.Apply(new[] { Lint(template, edited), Lint(policy, policyEdited) }, _ => true);

            Assert.AreEqual("ECR001@4:52", string.Join(", ", result.NewFindings.Select(f => f.RuleId + "@" + f.Start)));
            Assert.HasCount(3, result.Baselined);
            Assert.HasCount(1, result.Fixed);
            Assert.AreEqual("Resources.Repo.Properties.RepositoryPolicyText.Statement[1].Action", result.Fixed[0].Location);
        }

        [TestMethod]
        public void Entries_of_files_not_checked_are_not_fixed_unless_the_file_is_gone()
        {
            using var dir = new TempFolder();
            var baseline = Baseline.Create(dir.Full("b.json"), new[] { Lint(dir.Full("a/template.yaml"), ConfigSamples.PushTemplate) });

            Assert.IsEmpty(baseline.Apply(System.Array.Empty<BaselineInput>(), _ => true).Fixed);
            Assert.HasCount(2, baseline.Apply(System.Array.Empty<BaselineInput>()).Fixed, "a/template.yaml does not exist");
        }

        [TestMethod]
        public void A_broken_baseline_is_an_error_with_a_position()
        {
            var ex = Assert.Throws<ConfigException>(() => Baseline.Parse(new SourceText("b.json", "{\"version\": 1, \"findings\": [{\"ruleId\": \"ECR001\"}]}"), "/repo/b.json"));
            Assert.AreEqual("b.json:1:29: a baseline entry needs ruleId, path and fingerprint", ex.Errors[0].ToString());
            Assert.Throws<ConfigException>(() => Baseline.Parse(new SourceText("b.json", "[1,"), "/repo/b.json"));
        }
    }
}
