using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Catalogue;

namespace Shipshape.Tests.Catalogue
{
    /// <summary>The embedded catalogue reads only a few top-level lines at start-up: they must say what the full YAML parse says.</summary>
    [TestClass]
    public sealed class EmbeddedCatalogueTests
    {
        [TestMethod]
        public void The_start_up_fields_and_the_lazily_read_ones_match_a_full_parse_of_every_entry()
        {
            var files = Directory.GetFiles(Path.Combine(Support.RepositoryRoot.Path, "rules"), "*.yaml").OrderBy(f => f, System.StringComparer.Ordinal).ToList();
            Assert.HasCount(files.Count, RuleCatalogue.Embedded.Rules);
            foreach (string file in files)
            {
                var full = RuleCatalogue.Read(file, File.ReadAllText(file));
                var embedded = RuleCatalogue.Embedded[full.Id];
                string at = Path.GetFileName(file);
                Assert.AreEqual(full.MessageFormat, embedded.MessageFormat, at);
                Assert.AreEqual(full.DefaultSeverity, embedded.DefaultSeverity, at);
                Assert.AreEqual(full.Implementation, embedded.Implementation, at);
                Assert.AreEqual(full.Title, embedded.Title, at);
                Assert.AreEqual(full.Category, embedded.Category, at);
                Assert.AreEqual(full.Summary, embedded.Summary, at);
                Assert.AreEqual(full.Rationale, embedded.Rationale, at);
                Assert.AreEqual(full.Remediation, embedded.Remediation, at);
                Assert.AreEqual(full.SecuritySeverity, embedded.SecuritySeverity, at);
                Assert.AreEqual(full.Sensitive, embedded.Sensitive, at);
                CollectionAssert.AreEqual(full.CSharpAnalyzers.ToList(), embedded.CSharpAnalyzers.ToList(), at);
                CollectionAssert.AreEqual(full.Tags.ToList(), embedded.Tags.ToList(), at);
                CollectionAssert.AreEqual(full.Examples.Select(e => e.Name + "|" + e.File + "|" + e.Code).ToList(), embedded.Examples.Select(e => e.Name + "|" + e.File + "|" + e.Code).ToList(), at);
                CollectionAssert.AreEqual(full.Options.Select(o => o.Name + "|" + o.Type + "|" + string.Join(",", o.AllowedValues)).ToList(), embedded.Options.Select(o => o.Name + "|" + o.Type + "|" + string.Join(",", o.AllowedValues)).ToList(), at);
            }
            // The flag is read at start-up (the text output masks sensitive tokens): the comparison above must have seen one.
            Assert.IsTrue(RuleCatalogue.Embedded["ECS001"].Sensitive);
            CollectionAssert.AreEqual(new[] { "PolicyJsonAnalyzer", "PolicyStatementAnalyzer", "PrincipalAnalyzer" }, RuleCatalogue.Embedded["IAM008"].CSharpAnalyzers.ToList());
        }
    }
}
