using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Cli;

namespace Shipshape.Tests.Configuration
{
    /// <summary>The real executable with .shipshape.yaml files, suppressions and baselines in temporary folders.</summary>
    [TestClass]
    public sealed class ConfigCliTests
    {
        private TempFolder _dir = null!;

        [TestInitialize]
        public void Create() => _dir = new TempFolder();

        [TestCleanup]
        public void Delete() => _dir.Dispose();

        private RunResult Run(params string[] args) => ShipshapeProcess.Run(_dir.Path, args);

        private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        [TestMethod]
        public void Unknown_key_exits_two_with_file_line_and_column()
        {
            _dir.Write(".shipshape.yaml", "root: true\nrules:\n  IAM003: off\nfail-level: warning\n");
            _dir.Write("repository-policy.json", ConfigSamples.PublicPolicy);

            var run = Run("check");

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.AreEqual(string.Empty, run.Stdout);
            Assert.AreEqual("shipshape: .shipshape.yaml:4:1: unknown key 'fail-level'; expected one of: root, include, exclude, kinds, rules, inline-suppressions, baseline\n", run.Stderr);
        }

        [TestMethod]
        public void Bad_severity_in_a_nested_config_exits_two_with_its_position()
        {
            _dir.Write(".shipshape.yaml", "root: true\n");
            _dir.Write("infra/.shipshape.yaml", "rules:\n  ECR001:\n    severity: fatal\n  ECR999: off\n");
            _dir.Write("infra/repository-policy.json", ConfigSamples.PublicPolicy);

            var run = Run("check", "infra");

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            CollectionAssert.AreEqual(new[]
            {
                "shipshape: infra/.shipshape.yaml:3:15: 'fatal' is not one of: error, warning, note, off",
                "shipshape: infra/.shipshape.yaml:4:3: unknown rule 'ECR999' (run 'shipshape rules' for the list)",
            }, Lines(run.Stderr));
        }

        [TestMethod]
        public void Severity_off_and_nearest_config_wins_and_root_stops()
        {
            _dir.Write(".shipshape.yaml", "rules:\n  IAM006: off\n");           // above the root: never read
            _dir.Write("repo/.shipshape.yaml", "root: true\nrules:\n  ECR001: off\n");
            _dir.Write("repo/app/.shipshape.yaml", "rules:\n  ECR001: warning\n");
            _dir.Write("repo/repository-policy.json", ConfigSamples.PublicPolicy);
            _dir.Write("repo/app/repository-policy.json", ConfigSamples.PublicPolicy);

            var run = ShipshapeProcess.Run(_dir.Full("repo"), "check", "--format", "msbuild");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            CollectionAssert.AreEqual(new[]
            {
                "app/repository-policy.json(6,20,6,23): warning ECR001",
                "app/repository-policy.json(7,17,7,33): error IAM006",
                "repository-policy.json(7,17,7,33): error IAM006",
            }, Lines(run.Stdout).Select(l => l.Substring(0, l.IndexOf(": ", l.IndexOf(')') + 3, StringComparison.Ordinal))).ToArray(), run.Stdout);
        }

        [TestMethod]
        public void Explicit_config_overrides_the_search()
        {
            _dir.Write(".shipshape.yaml", "root: true\nrules:\n  ECR001: off\n  IAM006: off\n");
            // An explicit config's globs are relative to the current folder, not to ci/.
            _dir.Write("ci/strict.yaml", "root: true\nexclude: [\"vendor/**\"]\n");
            _dir.Write("repository-policy.json", ConfigSamples.PublicPolicy);
            _dir.Write("vendor/repository-policy.json", ConfigSamples.PublicPolicy);

            var relaxed = Run("check");
            var strict = Run("check", "--config", "ci/strict.yaml");
            var missing = Run("check", "--config", "ci/none.yaml");

            Assert.AreEqual(0, relaxed.ExitCode, relaxed.ToString());
            Assert.AreEqual(1, strict.ExitCode, strict.ToString());
            Assert.AreEqual("1 file checked, 0 skipped: 2 errors\n", strict.Stderr);
            Assert.AreEqual(2, missing.ExitCode, missing.ToString());
            Assert.AreEqual("shipshape: ci/none.yaml:1:1: no such configuration file\n", missing.Stderr);
        }

        [TestMethod]
        public void Kinds_include_and_exclude_globs_apply()
        {
            _dir.Write(".shipshape.yaml", "root: true\nexclude: [\"legacy/**\"]\nkinds:\n  \"policies/*.json\": ecr-repository-policy\n");
            // Without the kinds glob this is a generic resource policy (no ECR001); as a repository policy it is public.
            _dir.Write("policies/pull.json", ConfigSamples.PublicPolicy.Replace("ecr: Put Image", "ecr:BatchGetImage"));
            _dir.Write("legacy/repository-policy.json", ConfigSamples.PublicPolicy);

            var run = Run("check", "--format", "msbuild");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            Assert.AreEqual("policies/pull.json(6,20,6,23): error ECR001", Lines(run.Stdout).Single().Substring(0, 43));
            Assert.AreEqual("1 file checked, 0 skipped: 1 error\n", run.Stderr);
        }

        [TestMethod]
        public void Init_writes_a_valid_commented_config_once()
        {
            _dir.Write("repository-policy.json", ConfigSamples.OldVersionPolicy);

            var init = Run("init");
            var again = Run("init");
            var check = Run("check");

            Assert.AreEqual(0, init.ExitCode, init.ToString());
            StringAssert.StartsWith(_dir.Read(".shipshape.yaml"), "# Shipshape configuration.");
            Assert.AreEqual(2, again.ExitCode, again.ToString());
            StringAssert.Contains(again.Stderr, "already exists");
            Assert.AreEqual(0, check.ExitCode, check.ToString());
            Assert.AreEqual(0, Run("init", "--force").ExitCode);
        }

        [TestMethod]
        public void Inline_suppressions_missing_reason_stale_and_switched_off()
        {
            _dir.Write("template.yaml",
                "# shipshape-ignore-file ECR001 -- nothing public here any more\n" +
                ConfigSamples.PushTemplate.Replace("          - Sid: CiPush\n", "          # shipshape-ignore ECR002\n          - Sid: CiPush\n")
                    .Replace("AWS: \"777788889999\"\n            Action: ecr:PutImage", "AWS: \"777788889999\"\n            Action: ecr:PutImage  # shipshape-ignore ECR002 -- staging pushes"));

            var run = Run("check", "--format", "msbuild", "--fail-level", "warning");
            var ci = Run("check", "--format", "msbuild", "--no-inline-suppressions");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            CollectionAssert.AreEqual(new[] { "LINT004 1:25", "LINT003 10:11" }, Codes(run.Stdout), run.Stdout);
            StringAssert.Contains(run.Stderr, "shipshape: 2 findings were suppressed by comments or Metadata");
            Assert.AreEqual(0, ci.ExitCode, ci.ToString());
            CollectionAssert.AreEqual(new[] { "ECR002 15:21", "ECR002 19:21" }, Codes(ci.Stdout), ci.Stdout);

            _dir.Write(".shipshape.yaml", "root: true\ninline-suppressions: false\n");
            CollectionAssert.AreEqual(new[] { "ECR002 15:21", "ECR002 19:21" }, Codes(Run("check", "--format", "msbuild").Stdout));
        }

        [TestMethod]
        public void Baseline_after_edits_above_and_below_reports_only_new_findings_and_lists_fixed_ones()
        {
            _dir.Write("template.yaml", ConfigSamples.PushTemplate);
            _dir.Write("repository-policy.json", ConfigSamples.PublicPolicy);

            var write = Run("check", "--write-baseline", "shipshape-baseline.json");
            Assert.AreEqual(0, write.ExitCode, write.ToString());
            Assert.AreEqual("shipshape: wrote 4 findings to the baseline shipshape-baseline.json\n", write.Stderr);

            var clean = Run("check", "--baseline", "shipshape-baseline.json");
            Assert.AreEqual(0, clean.ExitCode, clean.ToString());
            Assert.AreEqual(string.Empty, clean.Stdout);
            Assert.AreEqual("1 file checked, 0 skipped: no findings\n".Replace("1 file", "2 files") + "shipshape: baseline shipshape-baseline.json: 4 known findings not shown, 0 entries fixed\n", clean.Stderr);

            // Above: a parameter; below: another resource; the second statement fixed; a new public statement.
            _dir.Write("template.yaml", "Parameters:\n  Env:\n    Type: String\n" + ConfigSamples.PushTemplate.Replace("AWS: \"777788889999\"\n            Action: ecr:PutImage", "AWS: \"777788889999\"\n            Action: ecr:BatchGetImage") + "  Key:\n    Type: AWS::KMS::Key\n");
            _dir.Write("repository-policy.json", ConfigSamples.PublicPolicy.Replace("\"Statement\": [", "\"Statement\": [\n    {\"Sid\": \"New\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"},"));
            var after = Run("check", "--baseline", "shipshape-baseline.json", "--format", "msbuild");

            Assert.AreEqual(1, after.ExitCode, after.ToString());
            CollectionAssert.AreEqual(new[] { "ECR001 4:52" }, Codes(after.Stdout), after.Stdout);
            string[] notes = Lines(after.Stderr);
            Assert.AreEqual("shipshape: baseline shipshape-baseline.json: 3 known findings not shown, 1 entry fixed (rewrite it with --write-baseline to drop them):", notes[1]);
            StringAssert.StartsWith(notes[2], "  fixed: template.yaml: ECR002 at Resources.Repo.Properties.RepositoryPolicyText.Statement[1].Action: ");
        }

        [TestMethod]
        public void A_baseline_named_in_the_config_applies_and_a_bad_one_exits_two()
        {
            _dir.Write("repository-policy.json", ConfigSamples.PublicPolicy);
            Assert.AreEqual(0, Run("check", "--write-baseline", "ci/baseline.json").ExitCode);
            _dir.Write(".shipshape.yaml", "root: true\nbaseline: ci/baseline.json\n");

            var run = Run("check");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Stderr, "baseline ci/baseline.json: 2 known findings not shown");

            _dir.Write("ci/baseline.json", "{\"version\": 2, \"findings\": []}");
            var bad = Run("check");
            Assert.AreEqual(2, bad.ExitCode, bad.ToString());
            Assert.AreEqual("shipshape: ci/baseline.json:1:13: unsupported baseline version; this Shipshape reads version 1\n", bad.Stderr);

            var missing = Run("check", "--baseline", "nope.json");
            Assert.AreEqual(2, missing.ExitCode, missing.ToString());
            StringAssert.Contains(missing.Stderr, "nope.json:1:1: no such baseline file");
        }

        [TestMethod]
        public void Rewriting_a_baseline_keeps_the_csharp_entries_the_cli_cannot_check()
        {
            _dir.Write("repository-policy.json", ConfigSamples.PublicPolicy);
            _dir.Write("Stacks/RegistryStack.cs", "// a C# CDK stack\n");
            const string CSharpEntry = "{\"ruleId\": \"IAM007\", \"path\": \"Stacks/RegistryStack.cs\", \"location\": \"RegistryStack..ctor/Repository(\\\"Web\\\")\", \"fingerprint\": \"0123456789abcdef0123456789abcdef:1\", \"message\": \"m\"}";
            _dir.Write("shipshape-baseline.json", "{\"version\": 1, \"findings\": [" + CSharpEntry + "]}");

            var write = Run("check", "--write-baseline", "shipshape-baseline.json");

            Assert.AreEqual(0, write.ExitCode, write.ToString());
            Assert.AreEqual("shipshape: wrote 2 findings to the baseline shipshape-baseline.json (kept 1 C# entry)\n", write.Stderr);
            string baseline = File.ReadAllText(_dir.Full("shipshape-baseline.json"));
            StringAssert.Contains(baseline, "\"fingerprint\": \"0123456789abcdef0123456789abcdef:1\"");
            StringAssert.Contains(baseline, "\"location\": \"RegistryStack..ctor/Repository(\\\"Web\\\")\"");
            var check = Run("check", "--baseline", "shipshape-baseline.json");
            Assert.AreEqual(0, check.ExitCode, check.ToString());
            StringAssert.Contains(check.Stderr, "2 known findings not shown, 0 entries fixed");
        }

        [TestMethod]
        public void Required_eks_log_types_apply_and_an_unknown_type_exits_two()
        {
            const string Cluster = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: shop\ncloudWatch:\n  clusterLogging:\n    logRetentionInDays: 30\n    enableTypes: [api, audit]\n";
            _dir.Write("cluster.yaml", Cluster);
            var plain = Run("check", "--format", "msbuild");
            Assert.AreEqual(0, plain.ExitCode, plain.ToString());
            CollectionAssert.AreEqual(new[] { "EKS002 8:18" }, Codes(plain.Stdout), plain.Stdout);

            _dir.Write(".shipshape.yaml", "root: true\nrules:\n  EKS002:\n    options:\n      required-log-types: [api, audit]\n");
            var configured = Run("check", "--format", "msbuild");
            Assert.AreEqual(0, configured.ExitCode, configured.ToString());
            Assert.AreEqual(string.Empty, configured.Stdout);

            _dir.Write(".shipshape.yaml", "root: true\nrules:\n  EKS002:\n    options:\n      required-log-types: [api, audits]\n");
            var bad = Run("check");
            Assert.AreEqual(2, bad.ExitCode, bad.ToString());
            StringAssert.StartsWith(bad.Stderr, "shipshape: .shipshape.yaml:5:33: ");
        }

        /// <summary>"RULE line:col" of each msbuild-format line.</summary>
        private static string[] Codes(string stdout)
            => Lines(stdout).Select(l =>
            {
                int open = l.IndexOf('(');
                var pos = l.Substring(open + 1, l.IndexOf(')') - open - 1).Split(',');
                string rest = l.Substring(l.IndexOf("): ", StringComparison.Ordinal) + 3);
                return rest.Split(' ')[1].TrimEnd(':') + " " + pos[0] + ":" + pos[1];
            }).ToArray();
    }
}
