using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;
using Shipshape.Catalogue;
using Shipshape.Findings;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    /// <summary>One catalogue, one truth: the analyzers' descriptors are the CLI's rules.</summary>
    [TestClass]
    public sealed class DescriptorTests
    {
        [TestMethod]
        public void DescriptorsAreTheCatalogueEntries()
        {
            foreach (var analyzer in AllAnalyzers.Shipped())
            {
                foreach (var descriptor in analyzer.SupportedDiagnostics)
                {
                    var rule = RuleCatalogue.Embedded[descriptor.Id];
                    Assert.AreEqual(rule.Title, descriptor.Title.ToString(), descriptor.Id);
                    Assert.AreEqual(rule.Category, descriptor.Category, descriptor.Id);
                    Assert.AreEqual(rule.HelpUri, descriptor.HelpLinkUri, descriptor.Id);
                    Assert.IsTrue(descriptor.HelpLinkUri.StartsWith("https://", StringComparison.Ordinal), descriptor.Id);
                    var expected = rule.DefaultSeverity switch
                    {
                        Severity.Error => DiagnosticSeverity.Error,
                        Severity.Warning => DiagnosticSeverity.Warning,
                        _ => DiagnosticSeverity.Info,
                    };
                    Assert.AreEqual(expected, descriptor.DefaultSeverity, descriptor.Id);
                    Assert.IsTrue(descriptor.IsEnabledByDefault, descriptor.Id);
                }
            }
        }

        /// <summary>
        /// The catalogue says which analyzer reports which rule (<c>csharp-analyzers:</c>): each shipped analyzer declares
        /// exactly the rules naming it, and every name there is a shipped analyzer (a misspelt one would silently report nothing).
        /// </summary>
        [TestMethod]
        public void EachAnalyzerReportsTheRulesWhoseEntriesNameIt()
        {
            var shipped = AllAnalyzers.Shipped();
            var names = shipped.Select(a => a.GetType().Name).ToList();
            foreach (var rule in RuleCatalogue.Embedded.Rules)
                foreach (string name in rule.CSharpAnalyzers)
                    CollectionAssert.Contains(names, name, rule.Id + " names an analyzer that does not exist");
            // ConfigurationAnalyzer reports broken .shipshape.yaml files (LINT001), not C# code: it is no rule's C# analyzer.
            foreach (var analyzer in shipped.OfType<Shipshape.Analyzers.Diagnostics.CdkAnalyzer>())
            {
                string name = analyzer.GetType().Name;
                var declared = analyzer.SupportedDiagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();
                var named = RuleCatalogue.Embedded.IdsReportedBy(name).OrderBy(i => i, StringComparer.Ordinal).ToList();
                CollectionAssert.AreEqual(named, declared, name);
                Assert.IsNotEmpty(declared, name + " reports nothing");
            }
        }

        /// <summary>
        /// The RS2000-series analyzers cannot see descriptors made from the catalogue at run time, so this test keeps
        /// AnalyzerReleases.Unshipped.md equal to what the analyzers declare (ID, category, severity, analyzers).
        /// </summary>
        [TestMethod]
        public void ReleaseTrackingListsEveryDeclaredRule()
        {
            var declared = new SortedDictionary<string, (string Category, string Severity, SortedSet<string> Analyzers)>(StringComparer.Ordinal);
            foreach (var analyzer in AllAnalyzers.Shipped())
            {
                foreach (var descriptor in analyzer.SupportedDiagnostics)
                {
                    if (!declared.TryGetValue(descriptor.Id, out var row))
                        declared[descriptor.Id] = row = (descriptor.Category, descriptor.DefaultSeverity.ToString(), new SortedSet<string>(StringComparer.Ordinal));
                    row.Analyzers.Add(analyzer.GetType().Name);
                }
            }
            var expected = declared.Select(d => d.Key + " | " + d.Value.Category + " | " + d.Value.Severity + " | " + string.Join(", ", d.Value.Analyzers)).ToList();
            string file = Path.Combine(RepositoryRoot.Path, "src", "Analyzers", "AnalyzerReleases.Unshipped.md");
            var actual = File.ReadAllLines(file).Where(l => l.Length > 0 && char.IsLetter(l[0]) && l.Contains(" | ", StringComparison.Ordinal) && !l.StartsWith("Rule ID", StringComparison.Ordinal)).ToList();
            Assert.AreEqual(string.Join("\n", expected), string.Join("\n", actual), "Update " + file);
        }
    }
}
