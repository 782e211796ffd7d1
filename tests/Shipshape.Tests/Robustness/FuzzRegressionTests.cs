using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Parsing;
using Shipshape.Text;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Robustness
{
    /// <summary>
    /// Every input the fuzz harness (benchmarks/fuzz.sh) ever found to crash, hang or misplace a finding,
    /// generated in code; plus the properties the harness checks, over a few of its hostile seeds.
    /// </summary>
    [TestClass]
    public sealed class FuzzRegressionTests
    {
        /// <summary>
        /// Fuzz seed 1 (benchmarks/fuzz-crashes/42b2f1bbceef164e.json read as YAML): a 10 MB one-line template
        /// whose Resources mapping has 40,000 keys took over 10 s, because every YAML key was compared with all
        /// the keys before it to find duplicates. 100,000 keys would have taken minutes.
        /// </summary>
        [TestMethod]
        [Timeout(30_000, CooperativeCancellation = true)]
        public void A_YAML_mapping_with_100000_keys_is_read_in_linear_time()
        {
            var yaml = new StringBuilder("Resources:\n");
            for (int i = 0; i < 100_000; i++) yaml.Append("  R").Append(i).Append(": {Type: AWS::SNS::Topic}\n");
            yaml.Append("  R7: {Type: AWS::SNS::Topic}\n");
            var clock = Stopwatch.StartNew();

            var report = Shared.Engine.LintText(new SourceText("stack.yaml", yaml.ToString()));

            var duplicate = report.Findings.Single();
            Assert.AreEqual("LINT005", duplicate.RuleId);
            Assert.AreEqual(new LinePosition(100_002, 3), duplicate.Start);
            Assert.Contains("first at line 9", duplicate.Message);
            Assert.IsLessThan(20_000, clock.ElapsedMilliseconds, "quadratic duplicate-key detection is back");
        }

        [TestMethod]
        public void Duplicate_keys_are_still_found_past_the_lookup_threshold_in_YAML_and_JSON()
        {
            string keys = string.Concat(Enumerable.Range(0, 12).Select(i => "k" + i + ": 1\n"));
            var yaml = YamlParser.Parse(new SourceText("a.yaml", keys + "k3: 2\nk11: 3\n<<: {}\n<<: {}\n"));
            CollectionAssert.AreEqual(new[] { "k3", "k11" }, yaml.Problems.Select(p => p.Span.Text).ToArray());

            string members = string.Join(", ", Enumerable.Range(0, 12).Select(i => "\"k" + i + "\": 1"));
            var json = JsonParser.Parse(new SourceText("a.json", "{" + members + ", \"k3\": 2, \"k11\": 3}"));
            CollectionAssert.AreEqual(new[] { "\"k3\"", "\"k11\"" }, json.Problems.Select(p => p.Span.Text).ToArray());
        }

        [TestMethod]
        public void Repeated_strings_in_a_large_JSON_text_keep_their_values_and_spans()
        {
            // Long enough for the parser's string cache; colliding and escaped strings must not be confused.
            var json = new StringBuilder("[");
            for (int i = 0; i < 3000; i++) json.Append(i == 0 ? string.Empty : ",").Append("\"ecr:Get").Append(i % 7).Append("\",\"a\\u0062\",\"ab\",12");
            json.Append(']');
            var parsed = JsonParser.Parse(new SourceText("a.json", json.ToString()));

            var items = ((Shipshape.Model.SequenceNode)parsed.Documents[0]).Items.Cast<Shipshape.Model.ScalarNode>().ToList();
            Assert.HasCount(12_000, items);
            for (int i = 0; i < 3000; i++)
            {
                Assert.AreEqual("ecr:Get" + (i % 7), items[4 * i].Value);
                Assert.AreEqual("ab", items[4 * i + 1].Value);
                Assert.AreEqual("\"a\\u0062\"", items[4 * i + 1].Span.Text);
                Assert.AreEqual("ab", items[4 * i + 2].Value);
                Assert.AreEqual("12", items[4 * i + 3].Value);
            }
        }

        [TestMethod]
        public void Hostile_seeds_keep_every_finding_inside_the_file()
        {
            foreach (var (name, bytes) in HostileInputs.All())
            {
                foreach (bool named in new[] { true, false })
                {
                    var report = Shared.Engine.LintBytes(name, bytes, named);
                    foreach (var f in report.Findings)
                    {
                        Assert.IsTrue(f.Span.Start >= 0 && f.Span.Start <= f.Span.End && f.Span.End <= f.Span.Source.Length, name + ": " + f);
                        Assert.AreEqual(name, f.Path);
                        Assert.IsGreaterThanOrEqualTo(1, f.Start.Line);
                    }
                    var again = Shared.Engine.LintBytes(name, bytes, named);
                    CollectionAssert.AreEqual(report.Findings.Select(f => f.ToString()).ToArray(), again.Findings.Select(f => f.ToString()).ToArray(), name);
                }
            }
        }

        [TestMethod]
        public void Detached_findings_keep_positions_and_the_start_line()
        {
            var report = Shared.Engine.LintText(new SourceText("repository-policy.json", Shipshape.Tests.Cli.Reports.PublicPolicy));
            var detached = Finding.Detach(report.Findings);

            Assert.HasCount(report.Findings.Count, detached);
            for (int i = 0; i < detached.Count; i++)
            {
                Assert.IsTrue(detached[i].IsDetached);
                Assert.AreEqual(0, detached[i].Span.Source.Length, "the file's text is not kept");
                Assert.AreEqual(report.Findings[i].ToString(), detached[i].ToString());
                Assert.AreEqual(report.Findings[i].End, detached[i].End);
                Assert.AreEqual(report.Findings[i].StartLineText, detached[i].StartLineText);
                Assert.AreEqual(0, report.Findings[i].CompareTo(detached[i]));
            }
            Assert.AreEqual("      \"Principal\": \"*\",", detached[0].StartLineText);
        }
    }
}
