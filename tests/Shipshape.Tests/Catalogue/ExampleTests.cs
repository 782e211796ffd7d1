using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Catalogue;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Catalogue
{
    /// <summary>Runs every example of every rules/ entry: non-compliant ones must report exactly where marked, compliant ones nothing.</summary>
    [TestClass]
    public sealed class ExampleTests
    {
        public static IEnumerable<object[]> Examples()
            => RuleCatalogue.Embedded.Rules.SelectMany(r => r.Examples.Select(e => new object[] { r.Id, e.Name }));

        [TestMethod]
        [DynamicData(nameof(Examples))]
        public void Example_reports_exactly_what_it_marks(string ruleId, string exampleName)
        {
            var example = RuleCatalogue.Embedded[ruleId].Examples.Single(e => e.Name == exampleName);
            var (_, expected) = Markup.Parse(example.Code);
            if (example.Compliant)
                Assert.IsFalse(expected.Any(), "A compliant example must not mark findings.");
            else
                Assert.IsTrue(expected.Any(e => e.RuleId == ruleId), "A non-compliant example must mark at least one " + ruleId + " finding.");
            Markup.Verify(example.File, example.Code, ruleId);
        }

        [TestMethod]
        public void Every_rule_has_a_compliant_and_a_non_compliant_example()
        {
            foreach (var rule in RuleCatalogue.Embedded.Rules)
            {
                Assert.IsTrue(rule.Examples.Any(e => e.Compliant), rule.Id + " has no compliant example");
                Assert.IsTrue(rule.Examples.Any(e => !e.Compliant), rule.Id + " has no non-compliant example");
            }
        }
    }
}
