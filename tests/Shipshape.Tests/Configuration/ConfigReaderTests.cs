using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Cli;
using Shipshape.Configuration;
using Shipshape.Detection;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Text;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Configuration
{
    /// <summary>The engine's own reader (what the analyzers rely on) and the CLI's schema validation agree, with positions.</summary>
    [TestClass]
    public sealed class ConfigReaderTests
    {
        private static ShipshapeConfig Read(string yaml) => ShipshapeConfig.Parse(new SourceText(".shipshape.yaml", yaml), "/repo/.shipshape.yaml");

        private static IReadOnlyList<string> Errors(string yaml)
        {
            var ex = Assert.Throws<ConfigException>(() => Read(yaml));
            return ex.Errors.Select(e => e.ToString()).ToList();
        }

        private static IReadOnlyList<string> SchemaErrors(string yaml)
        {
            var source = new SourceText(".shipshape.yaml", yaml);
            var (root, syntax) = ShipshapeConfig.ParseYaml(source);
            Assert.IsEmpty(syntax);
            return ConfigSchema.Validate(source, root).Select(e => e.ToString()).ToList();
        }

        [TestMethod]
        public void A_full_config_reads()
        {
            var config = Read(
                "root: true\n" +
                "include: [\"infra/**\"]\n" +
                "exclude: [\"**/fixtures/**\"]\n" +
                "kinds:\n  \"deploy/*.json\": ecs-task-definition\n  \"policies/*.json\": ecr-repository-policy\n" +
                "rules:\n  IAM003: off\n  IAM007: error\n  ECR002:\n    severity: warning\n    exclude: [\"sandbox/**\"]\n    options:\n      trusted-accounts: [111122223333, \"012345678901\"]\n" +
                "inline-suppressions: false\n" +
                "baseline: shipshape-baseline.json\n");

            Assert.IsTrue(config.Root);
            Assert.HasCount(1, config.Include!);
            Assert.HasCount(1, config.Exclude);
            Assert.AreEqual(DocumentKind.EcsTaskDefinition, config.Kinds[0].Kind);
            Assert.AreEqual(PolicyKind.EcrRepositoryPolicy, config.Kinds[1].PolicyKind);
            Assert.IsTrue(config.Rules["IAM003"].Off);
            Assert.AreEqual(Severity.Error, config.Rules["IAM007"].Severity);
            Assert.AreEqual(Severity.Warning, config.Rules["ECR002"].Severity);
            CollectionAssert.AreEqual(new[] { "111122223333", "012345678901" }, config.Rules["ECR002"].Options.GetStrings(RuleOptionSpecs.TrustedAccounts).ToArray());
            Assert.IsFalse(config.InlineSuppressions!.Value);
            Assert.AreEqual(System.IO.Path.GetFullPath("/repo/shipshape-baseline.json"), config.Baseline);
        }

        [TestMethod]
        public void An_empty_file_is_the_defaults()
        {
            var config = Read("# nothing yet\n");
            Assert.IsFalse(config.Root);
            Assert.IsEmpty(config.Rules);
        }

        [TestMethod]
        public void Unknown_key_is_an_error_at_the_key()
        {
            const string Yaml = "root: true\ncolour: red\n";
            CollectionAssert.AreEqual(new[] { ".shipshape.yaml:2:1: unknown key 'colour'; expected one of: root, include, exclude, kinds, rules, inline-suppressions, baseline" }, Errors(Yaml).ToArray());
            CollectionAssert.AreEqual(new[] { ".shipshape.yaml:2:1: unknown key 'colour'; expected one of: root, include, exclude, kinds, rules, inline-suppressions, baseline" }, SchemaErrors(Yaml).ToArray());
        }

        [TestMethod]
        public void Bad_severity_is_an_error_at_the_value()
        {
            const string Yaml = "rules:\n  ECR002:\n    severity: loud\n  IAM003: fatal\n";
            var core = Errors(Yaml);
            Assert.HasCount(2, core);
            Assert.StartsWith(".shipshape.yaml:3:15: severity must be one of: error, warning, note, off", core[0]);
            Assert.StartsWith(".shipshape.yaml:4:11: severity must be one of: error, warning, note, off", core[1]);
            CollectionAssert.AreEqual(new[]
            {
                ".shipshape.yaml:3:15: 'loud' is not one of: error, warning, note, off",
                ".shipshape.yaml:4:11: 'fatal' is not one of: error, warning, note, off",
            }, SchemaErrors(Yaml).ToArray());
        }

        [TestMethod]
        public void Unknown_rules_options_and_kinds_are_errors()
        {
            var errors = Errors(
                "rules:\n" +
                "  ECR999: off\n" +                                   // 2:3 unknown rule
                "  ECR001:\n    options: {}\n" +                      // 4:14 takes no options
                "  ECR002:\n    options:\n      trusted: []\n" +      // 7:7 unknown option
                "      trusted-accounts: [\"12\"]\n" +                // 8:26 not an account
                "kinds:\n  \"*.json\": taskdef\n");                   // 10:13 unknown kind
            CollectionAssert.AreEqual(new[] { "2:3", "4:14", "7:7", "8:26", "10:13" }, errors.Select(e => e.Split(':')[1] + ":" + e.Split(':')[2]).ToArray(), string.Join("\n", errors));
            Assert.Contains("unknown rule 'ECR999'", errors[0]);
            Assert.Contains("ECR001 takes no options", errors[1]);
            Assert.Contains("unknown option 'trusted' for ECR002; expected one of: trusted-accounts", errors[2]);
            Assert.Contains("not a 12-digit AWS account ID", errors[3]);
            Assert.Contains("unknown kind 'taskdef'", errors[4]);
        }

        [TestMethod]
        public void Wrong_types_and_yaml_errors_have_positions()
        {
            StringAssert.StartsWith(Errors("root: yes please\n")[0], ".shipshape.yaml:1:7: root must be true or false");
            StringAssert.StartsWith(Errors("exclude: \"*.json\"\n")[0], ".shipshape.yaml:1:10: exclude must be a list of globs");
            StringAssert.StartsWith(Errors("root: true\nroot: false\n")[0], ".shipshape.yaml:2:1: Duplicate key 'root'");
            StringAssert.StartsWith(Errors("rules: [\n")[0], ".shipshape.yaml:2:1: Invalid YAML");
            StringAssert.StartsWith(SchemaErrors("root: yes please\n")[0], ".shipshape.yaml:1:7: expected boolean, not 'yes please'");
        }

        [TestMethod]
        public void Schema_errors_point_at_the_offending_key_or_value()
        {
            var errors = SchemaErrors(
                "rules:\n" +
                "  ecr002: off\n" +                                       // 2:3 a key that is no rule ID
                "  IAM003: [error]\n" +                                   // 3:11 neither a severity nor a mapping
                "  ECR002:\n    options:\n" +
                "      trusted-accounts: [\"12\", 5]\n" +                // 6:26 and 6:32 not account IDs
                "kinds:\n  \"deploy/*.json\": taskdef\n" +               // 8:20 a key with a slash, a bad kind
                "baseline: \"\"\n" +                                      // 9:11 empty
                "exclude: \"*.json\"\n");                                 // 10:10 not a list
            CollectionAssert.AreEqual(new[]
            {
                ".shipshape.yaml:2:3: 'ecr002' does not match ^[A-Z]+[0-9]{3}$",
                ".shipshape.yaml:3:11: expected string or object, not a list",
                ".shipshape.yaml:6:26: '12' does not match ^[0-9]{12}$",
                ".shipshape.yaml:6:32: '5' is out of range",
                ".shipshape.yaml:8:20: 'taskdef' is not one of: " + string.Join(", ", ShipshapeConfig.KindNames),
                ".shipshape.yaml:9:11: an empty string is not allowed here",
                ".shipshape.yaml:10:10: expected array, not '*.json'",
            }, errors.ToArray(), string.Join("\n", errors));
        }

        [TestMethod]
        public void The_starter_config_is_valid_both_ways()
        {
            var source = new SourceText(".shipshape.yaml", StarterConfig.Text);
            var (root, syntax) = ShipshapeConfig.ParseYaml(source);
            Assert.IsEmpty(syntax);
            Assert.IsEmpty(ConfigSchema.Validate(source, root));
            Assert.IsTrue(Read(StarterConfig.Text).Root);
        }

        [TestMethod]
        public void Schema_and_engine_agree_on_keys_kinds_and_rule_options()
        {
            using var schema = System.Text.Json.JsonDocument.Parse(ConfigSchema.Text);
            var props = schema.RootElement.GetProperty("properties");
            CollectionAssert.AreEquivalent(ShipshapeConfig.TopLevelKeys.ToList(), props.EnumerateObject().Select(p => p.Name).ToList());
            var kinds = schema.RootElement.GetProperty("definitions").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
            CollectionAssert.AreEquivalent(ShipshapeConfig.KindNames.ToList(), kinds);
            var schemaRules = props.GetProperty("rules").GetProperty("properties");
            CollectionAssert.AreEquivalent(RuleOptionSpecs.RuleIds.ToList(), schemaRules.EnumerateObject().Select(p => p.Name).ToList());
            foreach (string id in RuleOptionSpecs.RuleIds)
            {
                var options = schemaRules.GetProperty(id).GetProperty("anyOf")[1].GetProperty("properties").GetProperty("options").GetProperty("properties");
                CollectionAssert.AreEquivalent(RuleOptionSpecs.For(id).Select(s => s.Name).ToList(), options.EnumerateObject().Select(p => p.Name).ToList(), id);
            }
        }

        [TestMethod]
        public void Trusted_accounts_reach_ECR002_through_the_rule_context()
        {
            var source = new SourceText("template.yaml", ConfigSamples.PushTemplate);
            var options = new RuleOptions(new Dictionary<string, object> { [RuleOptionSpecs.TrustedAccounts] = new List<string> { "444455556666" } });
            var settings = new LintSettings(null, null, id => id == "ECR002" ? options : RuleOptions.Empty);

            var plain = Shared.Engine.LintText(source).Findings.Where(f => f.RuleId == "ECR002").Select(f => f.Start.Line).ToArray();
            var trusted = Shared.Engine.LintText(source, settings: settings).Findings.Where(f => f.RuleId == "ECR002").Select(f => f.Start.Line).ToArray();

            CollectionAssert.AreEqual(new[] { 13, 17 }, plain);
            CollectionAssert.AreEqual(new[] { 17 }, trusted);
        }

        [TestMethod]
        public void A_kind_override_beats_name_and_content()
        {
            // Content says "policy" and the name says nothing: as a repository policy, the public principal is ECR001.
            var source = new SourceText("deploy/access.json", ConfigSamples.PublicPolicy.Replace("ecr: Put Image", "ecr:BatchGetImage"));
            var detected = Shared.Engine.LintText(source);
            var forced = Shared.Engine.LintText(source, settings: new LintSettings(DocumentKind.PolicyDocument, PolicyKind.EcrRepositoryPolicy, null));
            var asTaskDefinition = Shared.Engine.LintText(source, settings: new LintSettings(DocumentKind.EcsTaskDefinition, null, null));

            Assert.AreEqual(DocumentKind.PolicyDocument, detected.Kind);
            Assert.IsTrue(forced.Findings.Any(f => f.RuleId == "ECR001"), string.Join("\n", forced.Findings));
            Assert.AreEqual(DocumentKind.EcsTaskDefinition, asTaskDefinition.Kind);
            Assert.IsFalse(asTaskDefinition.Findings.Any(f => f.RuleId.StartsWith("ECR", StringComparison.Ordinal) || f.RuleId.StartsWith("IAM", StringComparison.Ordinal)));
        }
    }
}
