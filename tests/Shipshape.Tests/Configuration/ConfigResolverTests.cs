using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Configuration;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Text;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Configuration
{
    /// <summary>Which config files apply to a path, and how they merge.</summary>
    [TestClass]
    public sealed class ConfigResolverTests
    {
        [TestMethod]
        public void Nearest_config_wins_setting_by_setting_and_root_stops_the_walk()
        {
            using var dir = new TempFolder();
            dir.Write("outer/.shipshape.yaml", "rules:\n  IAM007: off\n");
            dir.Write("outer/repo/.shipshape.yaml", "root: true\nrules:\n  IAM003: off\n  ECR002:\n    severity: error\n    options:\n      trusted-accounts: [\"111122223333\"]\n");
            dir.Write("outer/repo/app/.shipshape.yaml", "rules:\n  IAM003: warning\n  ECR002:\n    options:\n      trusted-accounts: [\"444455556666\"]\n");
            var resolver = new ConfigResolver();

            var app = resolver.ForFile(dir.Full("outer/repo/app/policy.json"));
            var repo = resolver.ForFile(dir.Full("outer/repo/policy.json"));
            var outer = resolver.ForFile(dir.Full("outer/policy.json"));

            Assert.HasCount(2, app.Chain, "root: true in outer/repo stops before outer/");
            Assert.AreEqual(Severity.Warning, app.SeverityFor("IAM003", Severity.Note), "the nearer file wins");
            Assert.AreEqual(Severity.Error, app.SeverityFor("ECR002", Severity.Note), "settings the nearer file leaves alone come from farther ones");
            CollectionAssert.AreEqual(new[] { "444455556666" }, app.OptionsFor("ECR002").GetStrings(RuleOptionSpecs.TrustedAccounts).ToArray());
            Assert.AreEqual(Severity.Warning, app.SeverityFor("IAM007", Severity.Warning), "outer/.shipshape.yaml is above the root");
            Assert.IsNull(repo.SeverityFor("IAM003", Severity.Note));
            Assert.IsNull(outer.SeverityFor("IAM007", Severity.Warning));
        }

        [TestMethod]
        public void An_explicit_config_replaces_the_search()
        {
            using var dir = new TempFolder();
            dir.Write(".shipshape.yaml", "root: true\nrules:\n  IAM003: off\n");
            string other = dir.Write("ci/strict.yaml", "root: true\nrules:\n  IAM003: error\n");

            var config = new ConfigResolver(other).ForFile(dir.Full("policy.json"));

            Assert.AreEqual(Severity.Error, config.SeverityFor("IAM003", Severity.Note));
            var missing = Assert.Throws<ConfigException>(() => new ConfigResolver(dir.Full("nope.yaml")).ForFile(dir.Full("policy.json")));
            StringAssert.Contains(missing.Errors[0].ToString(), "no such configuration file");
        }

        [TestMethod]
        public void Include_exclude_kinds_and_per_rule_exclude_are_relative_to_the_config()
        {
            using var dir = new TempFolder();
            dir.Write("infra/.shipshape.yaml", "root: true\ninclude: [\"stacks/**\", \"deploy/**\"]\nexclude: [\"stacks/old/**\"]\nkinds:\n  \"deploy/*.json\": ecs-task-definition\nrules:\n  IAM003:\n    exclude: [\"stacks/legacy-*.json\"]\n");
            var resolver = new ConfigResolver();
            FileConfiguration At(string p) => resolver.ForFile(dir.Full("infra/" + p));

            Assert.IsTrue(At("stacks/a.json").IsIncluded);
            Assert.IsFalse(At("stacks/old/a.json").IsIncluded);
            Assert.IsFalse(At("other/a.json").IsIncluded);
            Assert.AreEqual(Detection.DocumentKind.EcsTaskDefinition, At("deploy/web.json").KindOverride!.Kind);
            Assert.IsNull(At("stacks/web.json").KindOverride);
            Assert.IsNull(At("stacks/legacy-1.json").SeverityFor("IAM003", Severity.Note));
            Assert.AreEqual(Severity.Note, At("stacks/new.json").SeverityFor("IAM003", Severity.Note));
        }

        [TestMethod]
        public void Severity_off_drops_findings_and_a_severity_changes_them()
        {
            using var dir = new TempFolder();
            dir.Write(".shipshape.yaml", "root: true\nrules:\n  ECR001: off\n  IAM006: warning\n");
            string path = dir.Full("repository-policy.json");
            var config = new ConfigResolver().ForFile(path);

            var report = Shared.Engine.LintText(new SourceText("repository-policy.json", ConfigSamples.PublicPolicy), settings: config.ToLintSettings());
            var processed = FindingPostProcessor.Default.Process(report, config);

            CollectionAssert.AreEqual(new[] { "ECR001", "IAM006" }, report.Findings.Select(f => f.RuleId).ToArray());
            Assert.AreEqual("IAM006 warning", string.Join(",", processed.Findings.Select(f => f.RuleId + " " + f.Severity.ToName())));
        }

        [TestMethod]
        public void Analyzers_can_resolve_from_additional_files_without_the_file_system()
        {
            var files = new System.Collections.Generic.Dictionary<string, string> { ["/src/app/.shipshape.yaml"] = "root: true\nrules:\n  IAM003: off\n" };
            var resolver = new ConfigResolver(readFile: p => files.TryGetValue(p.Replace('\\', '/'), out var t) ? t : null);

            var config = resolver.ForFile(System.IO.Path.GetFullPath("/src/app/Stack.cs"));

            if (System.IO.Path.DirectorySeparatorChar == '/') Assert.IsNull(config.SeverityFor("IAM003", Severity.Note));
        }
    }
}
