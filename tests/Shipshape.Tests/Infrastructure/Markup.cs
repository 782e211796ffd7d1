using System;
using System.Collections.Generic;
using System.Linq;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Text;

namespace Shipshape.Tests.Infrastructure
{
    /// <summary>An expected finding: rule and exact character range in the clean text.</summary>
    public sealed record ExpectedFinding(string RuleId, int Start, int End);

    /// <summary>
    /// Inline markup as in Roslyn's analyzer tests: <c>{|ID:text|}</c> marks the exact token where a
    /// finding of rule ID must land. <see cref="Parse"/> strips the markup and returns the expectations.
    /// </summary>
    public static class Markup
    {
        public static (string Text, IReadOnlyList<ExpectedFinding> Expected) Parse(string marked)
        {
            var (text, marks) = Shipshape.Catalogue.ExampleMarkup.Parse(marked);
            return (text, marks.Select(m => new ExpectedFinding(m.RuleId, m.Start, m.End)).ToList());
        }

        /// <summary>
        /// <see cref="Verify"/>, then returns the findings of <paramref name="ruleId"/> so a test can also check
        /// their messages without linting again.
        /// </summary>
        public static IReadOnlyList<Finding> VerifyAndGet(string path, string marked, string ruleId)
        {
            Verify(path, marked, ruleId);
            return Shared.Engine.LintText(new SourceText(path, Parse(marked).Text)).Findings.Where(f => f.RuleId == ruleId).ToList();
        }

        /// <summary>Lints marked-up text as the file <paramref name="path"/> and asserts the findings of the given rules land exactly where marked.</summary>
        public static void Verify(string path, string marked, params string[] ruleIds)
        {
            var (text, expected) = Parse(marked);
            // Through the post-processor too, as every surface runs it: suppressions and LINT003/LINT004 apply.
            var report = FindingPostProcessor.Default.Process(Shared.Engine.LintText(new SourceText(path, text)));
            var relevant = ruleIds.Length == 0 ? expected.Select(e => e.RuleId).Distinct().ToArray() : ruleIds;
            var actual = report.Findings
                .Where(f => relevant.Contains(f.RuleId))
                .Select(f => new ExpectedFinding(f.RuleId, f.Span.Start, f.Span.End))
                .OrderBy(e => e.Start).ThenBy(e => e.RuleId, StringComparer.Ordinal)
                .ToList();
            string Describe(IEnumerable<ExpectedFinding> list) => string.Join("\n", list.Select(e =>
            {
                var source = new SourceText(path, text);
                return $"  {e.RuleId} at {source.GetLinePosition(e.Start)}-{source.GetLinePosition(e.End)} '{text.Substring(e.Start, Math.Max(0, e.End - e.Start))}'";
            }));
            if (!expected.Where(e => relevant.Contains(e.RuleId)).SequenceEqual(actual))
            {
                Microsoft.VisualStudio.TestTools.UnitTesting.Assert.Fail(
                    "Findings differ.\nExpected:\n" + Describe(expected.Where(e => relevant.Contains(e.RuleId))) +
                    "\nActual:\n" + Describe(actual) +
                    "\nMessages:\n" + string.Join("\n", report.Findings.Select(f => "  " + f)));
            }
        }
    }

    public static class Shared
    {
        /// <summary>One engine for all tests, as the CLI shares one across threads.</summary>
        public static readonly LintEngine Engine = new LintEngine();
    }
}
