using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Text;

namespace Shipshape.Tests.Parsing
{
    [TestClass]
    public sealed class JsonParserTests
    {
        private static ParseResult Parse(string text) => JsonParser.Parse(new SourceText("t.json", text));

        [TestMethod]
        public void Every_node_knows_its_exact_span()
        {
            var result = Parse("{\n  \"a\": [1, true, null],\n  \"b\": \"x\\\"y\"\n}");
            var root = (MappingNode)result.Documents.Single();
            Assert.AreEqual(new LinePosition(1, 1), root.Span.StartPosition);
            Assert.AreEqual(new LinePosition(4, 2), root.Span.EndPosition);
            var a = (SequenceNode)root.Get("a")!;
            Assert.AreEqual("[1, true, null]", a.Span.Text);
            Assert.AreEqual(new LinePosition(2, 8), a.Span.StartPosition);
            Assert.AreEqual(ScalarKind.Number, ((ScalarNode)a.Items[0]).Kind);
            Assert.AreEqual(ScalarKind.Boolean, ((ScalarNode)a.Items[1]).Kind);
            Assert.AreEqual(ScalarKind.Null, ((ScalarNode)a.Items[2]).Kind);
            var b = (ScalarNode)root.Get("b")!;
            Assert.AreEqual("x\"y", b.Value);
            Assert.AreEqual("\"x\\\"y\"", b.Span.Text);
            Assert.AreEqual("\"b\"", root.GetEntry("b")!.Key.Span.Text);
        }

        [TestMethod]
        [DataRow("{\"a\": 1,}", 1, 9, "trailing comma before '}'")]
        [DataRow("{\"a\": 1 \"b\": 2}", 1, 9, "unexpected '\"'; ',' or '}' was expected after a property value")]
        [DataRow("{'a': 1}", 1, 2, "unexpected single quote (JSON strings need double quotes); a property name in double quotes was expected")]
        [DataRow("{\"a\": tru}", 1, 7, "unexpected 't'; a value was expected (strings need double quotes)")]
        [DataRow("[1, 2", 1, 6, "unexpected end of the document; ',' or ']' was expected after an array element")]
        [DataRow("{\"a\": \"x\n\"}", 1, 9, "line break inside a string (unterminated string?)")]
        [DataRow("{} // done", 1, 4, "unexpected comment (JSON has no comments) after the end of the document")]
        [DataRow("", 1, 1, "the document is empty")]
        [DataRow("[01]", 1, 2, "invalid number: leading zeros are not allowed")]
        [DataRow("{\"a\": \"\\q\"}", 1, 8, "invalid escape sequence in a string")]
        public void Syntax_errors_point_at_the_offending_character(string text, int line, int column, string message)
        {
            var result = Parse(text);
            Assert.IsFalse(result.Succeeded);
            var problem = result.Problems.Single();
            Assert.AreEqual(EngineRuleIds.SyntaxError, problem.RuleId);
            Assert.AreEqual("Invalid JSON: " + message, problem.Detail);
            Assert.AreEqual(new LinePosition(line, column), problem.Span.StartPosition);
        }

        [TestMethod]
        public void Duplicate_keys_are_reported_and_the_last_wins()
        {
            var result = Parse("{\"Effect\": \"Deny\",\n \"Effect\": \"Allow\"}");
            Assert.IsTrue(result.Succeeded);
            var problem = result.Problems.Single();
            Assert.AreEqual(EngineRuleIds.DuplicateKey, problem.RuleId);
            Assert.AreEqual(new LinePosition(2, 2), problem.Span.StartPosition);
            Assert.AreEqual("Allow", ((ScalarNode)((MappingNode)result.Documents[0]).Get("Effect")!).Value);
        }

        [TestMethod]
        public void Duplicate_keys_are_found_in_large_objects_too()
        {
            string text = "{" + string.Join(",", Enumerable.Range(0, 50).Select(i => $"\"k{i}\": {i}")) + ", \"k3\": 0, \"k42\": 1}";
            var result = Parse(text);
            CollectionAssert.AreEqual(new[] { "Duplicate key 'k3' (first at line 1); AWS silently uses the last one", "Duplicate key 'k42' (first at line 1); AWS silently uses the last one" },
                result.Problems.Select(p => p.Detail).ToArray());
        }

        [TestMethod]
        public void A_hundred_thousand_nested_arrays_give_a_limit_finding_not_a_crash()
        {
            string text = new string('[', 100_000) + new string(']', 100_000);
            var result = Parse(text);
            var problem = result.Problems.Single();
            Assert.AreEqual(EngineRuleIds.LimitExceeded, problem.RuleId);
            Assert.AreEqual(new LinePosition(1, 257), problem.Span.StartPosition);
            Assert.AreEqual(0, result.Documents.Count);
        }

        [TestMethod]
        public void Nesting_up_to_the_limit_is_fine()
        {
            var result = Parse(new string('[', 256) + new string(']', 256));
            Assert.IsTrue(result.Succeeded);
        }

        [TestMethod]
        public void CRLF_line_endings_count_as_one_line_break()
        {
            var result = Parse("{\r\n  \"a\": 1,\r\n  \"b\": x}");
            Assert.AreEqual(new LinePosition(3, 8), result.Problems.Single().Span.StartPosition);
        }
    }
}
