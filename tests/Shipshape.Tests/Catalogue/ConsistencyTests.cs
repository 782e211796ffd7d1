using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Catalogue;
using Shipshape.Parsing;
using Shipshape.Rules;
using Shipshape.Tests.Infrastructure;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Catalogue
{
    /// <summary>
    /// Ties code ↔ rules/ ↔ docs together: no rule without docs, no orphan ID, generated docs up to date.
    /// Run with SHIPSHAPE_WRITE_DOCS=1 to regenerate docs/rules/*.md and the README table.
    /// </summary>
    [TestClass]
    public sealed class ConsistencyTests
    {
        private static readonly RuleCatalogue Catalogue = RuleCatalogue.Embedded;
        private static bool Write => Environment.GetEnvironmentVariable("SHIPSHAPE_WRITE_DOCS") == "1";

        [TestMethod]
        public void Every_rules_file_is_embedded_and_named_for_its_id()
        {
            var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "rules"), "*.yaml").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            CollectionAssert.AreEqual(files, Catalogue.Rules.Select(r => r.Id).ToArray());
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "rules"), "*.yaml"))
                Assert.AreEqual(Path.GetFileNameWithoutExtension(file), RuleCatalogue.Read(file, File.ReadAllText(file)).Id);
        }

        [TestMethod]
        public void Ids_follow_the_public_scheme()
        {
            foreach (var rule in Catalogue.Rules)
                StringAssert.Matches(rule.Id, new System.Text.RegularExpressions.Regex("^(IAM|ECR|ECS|EKS|LINT)[0-9]{3}$"));
        }

        [TestMethod]
        public void Every_rule_class_has_exactly_one_catalogue_entry_and_every_entry_an_implementation()
        {
            var classes = RuleSet.CreateAll().Select(r => r.Name).ToList();
            CollectionAssert.AllItemsAreUnique(classes);
            var implemented = Catalogue.Rules.Where(r => r.Implementation != "engine").Select(r => r.Implementation).ToList();
            CollectionAssert.AreEquivalent(classes, implemented);
            var ruleTypes = typeof(Rule).Assembly.GetTypes().Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.Name).ToList();
            CollectionAssert.AreEquivalent(ruleTypes, classes, "every Rule class must be listed in RuleSet.CreateAll");
        }

        [TestMethod]
        public void Engine_ids_are_catalogue_entries_implemented_by_the_engine()
        {
            var engineIds = typeof(EngineRuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
            var engineEntries = Catalogue.Rules.Where(r => r.Implementation == "engine").Select(r => r.Id).ToList();
            CollectionAssert.AreEquivalent(engineEntries, engineIds);
        }

        [TestMethod]
        public void Rule_pages_are_generated_and_none_is_orphaned()
        {
            string folder = Path.Combine(RepositoryRoot.Path, "docs", "rules");
            Directory.CreateDirectory(folder);
            foreach (var rule in Catalogue.Rules)
            {
                string path = Path.Combine(folder, rule.Id + ".md");
                string expected = CatalogueDocs.RenderRulePage(rule);
                if (Write) File.WriteAllText(path, expected);
                Assert.IsTrue(File.Exists(path), path + " is missing: run SHIPSHAPE_WRITE_DOCS=1 dotnet test");
                Assert.AreEqual(expected, File.ReadAllText(path).Replace("\r\n", "\n"), path + " is stale: run SHIPSHAPE_WRITE_DOCS=1 dotnet test");
            }
            var pages = Directory.GetFiles(folder, "*.md").Select(Path.GetFileNameWithoutExtension);
            CollectionAssert.AreEquivalent(Catalogue.Rules.Select(r => r.Id).ToList(), pages.ToList(), "docs/rules holds a page for a rule that no longer exists");
        }

        [TestMethod]
        public void Readme_rules_table_is_generated()
        {
            string path = Path.Combine(RepositoryRoot.Path, "README.md");
            string readme = File.ReadAllText(path).Replace("\r\n", "\n");
            string expected = CatalogueDocs.UpdateReadme(readme, Catalogue);
            if (Write)
            {
                File.WriteAllText(path, expected);
                readme = expected;
            }
            Assert.AreEqual(expected, readme, "README rules table is stale: run SHIPSHAPE_WRITE_DOCS=1 dotnet test");
        }

        [TestMethod]
        public void Catalogue_options_are_the_names_rules_read_with_the_values_the_engine_knows()
        {
            var names = typeof(Shipshape.Configuration.RuleOptionSpecs).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
            var declared = Catalogue.Rules.SelectMany(r => r.Options.Select(o => o.Name)).ToList();
            CollectionAssert.AreEquivalent(names, declared, "every option a rule reads is declared by exactly one catalogue entry");
            CollectionAssert.AreEqual(Shipshape.Eks.EksLogTypes.All.ToList(), Catalogue["EKS002"].Options.Single().AllowedValues.ToList());
            Assert.IsTrue(Catalogue.Rules.All(r => r.Options.All(o => o.Description.Length > 0)));
        }

        [TestMethod]
        public void A_bad_options_block_is_a_catalogue_error_naming_the_file()
        {
            const string Entry = "id: TST001\ntitle: t\nseverity: note\ncategory: c\nimplementation: X\nmessage: m\nsummary: s\nrationale: r\nremediation: r\n";
            var bad = Assert.ThrowsExactly<FormatException>(() => RuleCatalogue.Read("TST001.yaml", Entry + "options:\n  - name: x\n    type: colour\n    description: d\n"));
            StringAssert.StartsWith(bad.Message, "TST001.yaml: option type must be one of: string-list");
            Assert.ThrowsExactly<FormatException>(() => RuleCatalogue.Read("TST001.yaml", Entry + "options:\n  - name: x\n    type: enum-list\n    description: d\n"));
            var ok = RuleCatalogue.Read("TST001.yaml", Entry + "options:\n  - name: x\n    type: enum-list\n    values: [a, b]\n    description: d\n");
            CollectionAssert.AreEqual(new[] { "a", "b" }, ok.Options.Single().AllowedValues.ToList());
        }

        [TestMethod]
        public void Messages_format_with_the_arguments_rules_give()
        {
            foreach (var rule in Catalogue.Rules)
            {
                int placeholders = System.Text.RegularExpressions.Regex.Matches(rule.MessageFormat, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(-1).Max() + 1;
                _ = string.Format(rule.MessageFormat, Enumerable.Repeat((object)"x", placeholders).ToArray());
                Assert.IsFalse(string.IsNullOrWhiteSpace(rule.HelpUri));
                StringAssert.EndsWith(rule.HelpUri, "/docs/rules/" + rule.Id + ".md");
            }
        }
    }
}
