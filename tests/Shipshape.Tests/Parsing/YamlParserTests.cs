using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Text;

namespace Shipshape.Tests.Parsing
{
    [TestClass]
    public sealed class YamlParserTests
    {
        private static MappingNode Root(string yaml)
        {
            var result = YamlParser.Parse(new SourceText("t.yaml", yaml));
            Assert.IsTrue(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Detail)));
            return (MappingNode)result.Documents.Single();
        }

        /// <summary>Renders a node as compact JSON-like text, to compare shapes.</summary>
        private static string Shape(Node node) => node switch
        {
            ScalarNode s => s.IsString ? "\"" + s.Value + "\"" : s.Value,
            SequenceNode q => "[" + string.Join(",", q.Items.Select(Shape)) + "]",
            MappingNode m => "{" + string.Join(",", m.Entries.Select(e => "\"" + e.Name + "\":" + Shape(e.Value))) + "}",
            _ => "?",
        };

        [TestMethod]
        [DataRow("!Ref Bucket", "{\"Ref\": \"Bucket\"}")]
        [DataRow("!Sub 'arn:${AWS::Partition}:s3:::x'", "{\"Fn::Sub\": \"arn:${AWS::Partition}:s3:::x\"}")]
        [DataRow("!GetAtt Role.Arn", "{\"Fn::GetAtt\": [\"Role\", \"Arn\"]}")]
        [DataRow("!GetAtt [Role, Arn]", "{\"Fn::GetAtt\": [\"Role\", \"Arn\"]}")]
        [DataRow("!If [Cond, a, !Ref AWS::NoValue]", "{\"Fn::If\": [\"Cond\", \"a\", {\"Ref\": \"AWS::NoValue\"}]}")]
        [DataRow("!Join ['', [a, !Ref B]]", "{\"Fn::Join\": [\"\", [\"a\", {\"Ref\": \"B\"}]]}")]
        [DataRow("!Select [0, !GetAZs '']", "{\"Fn::Select\": [0, {\"Fn::GetAZs\": \"\"}]}")]
        [DataRow("!Split [',', !ImportValue Out]", "{\"Fn::Split\": [\",\", {\"Fn::ImportValue\": \"Out\"}]}")]
        [DataRow("!FindInMap [M, K, V]", "{\"Fn::FindInMap\": [\"M\", \"K\", \"V\"]}")]
        [DataRow("!Base64 x", "{\"Fn::Base64\": \"x\"}")]
        [DataRow("!Cidr [10.0.0.0/16, 4, 8]", "{\"Fn::Cidr\": [\"10.0.0.0/16\", 4, 8]}")]
        [DataRow("!Equals [a, b]", "{\"Fn::Equals\": [\"a\", \"b\"]}")]
        [DataRow("!And [!Condition A, !Not [!Condition B]]", "{\"Fn::And\": [{\"Condition\": \"A\"}, {\"Fn::Not\": [{\"Condition\": \"B\"}]}]}")]
        [DataRow("!Or [!Condition A, !Condition B]", "{\"Fn::Or\": [{\"Condition\": \"A\"}, {\"Condition\": \"B\"}]}")]
        public void Short_tags_parse_to_the_same_shape_as_long_forms(string shortForm, string longForm)
        {
            var viaTag = Root("v: " + shortForm).Get("v")!;
            var viaJson = ((MappingNode)JsonParser.Parse(new SourceText("t.json", "{\"v\": " + longForm + "}")).Documents[0]).Get("v")!;
            Assert.AreEqual(Shape(viaJson), Shape(viaTag));
            Assert.IsTrue(viaTag.IsUnknown, "an intrinsic is an unknown value");
        }

        [TestMethod]
        public void Tagged_values_keep_their_own_positions()
        {
            var root = Root("Principal:\n  AWS: !GetAtt BuildRole.Arn\n");
            var getAtt = (MappingNode)((MappingNode)root.Get("Principal")!).Get("AWS")!;
            Assert.AreEqual(new LinePosition(2, 8), getAtt.Span.StartPosition);
            var parts = (SequenceNode)getAtt.Get("Fn::GetAtt")!;
            Assert.AreEqual("BuildRole", parts.Items[0].Span.Text);
            Assert.AreEqual("Arn", parts.Items[1].Span.Text);
            Assert.AreEqual(new LinePosition(2, 16), parts.Items[0].Span.StartPosition);
        }

        [TestMethod]
        public void Scalars_resolve_like_the_YAML_core_schema_and_CloudFormation()
        {
            var root = Root("a: 2012-10-17\nb: 42\nc: true\nd: ~\ne: '42'\nf: yes\ng: 1.5e3\nh: !!str 7\n");
            Assert.AreEqual(ScalarKind.String, ((ScalarNode)root.Get("a")!).Kind, "dates stay strings (Version: 2012-10-17)");
            Assert.AreEqual(ScalarKind.Number, ((ScalarNode)root.Get("b")!).Kind);
            Assert.AreEqual(ScalarKind.Boolean, ((ScalarNode)root.Get("c")!).Kind);
            Assert.AreEqual(ScalarKind.Null, ((ScalarNode)root.Get("d")!).Kind);
            Assert.AreEqual(ScalarKind.String, ((ScalarNode)root.Get("e")!).Kind);
            Assert.AreEqual(ScalarKind.String, ((ScalarNode)root.Get("f")!).Kind);
            Assert.AreEqual(ScalarKind.Number, ((ScalarNode)root.Get("g")!).Kind);
            Assert.AreEqual(ScalarKind.String, ((ScalarNode)root.Get("h")!).Kind);
        }

        [TestMethod]
        public void Duplicate_keys_are_reported_where_they_repeat()
        {
            var result = YamlParser.Parse(new SourceText("t.yaml", "a: 1\nb: 2\na: 3\n"));
            var problem = result.Problems.Single();
            Assert.AreEqual(EngineRuleIds.DuplicateKey, problem.RuleId);
            Assert.AreEqual(new LinePosition(3, 1), problem.Span.StartPosition);
            Assert.AreEqual("3", ((ScalarNode)((MappingNode)result.Documents[0]).Get("a")!).Value);
        }

        [TestMethod]
        public void Merge_keys_do_not_override_explicit_entries()
        {
            var root = Root("base: &b {x: 1, y: 2}\nnode:\n  <<: *b\n  y: 3\n");
            var node = (MappingNode)root.Get("node")!;
            Assert.AreEqual("{\"y\":3,\"x\":1}", Shape(node));
        }

        [TestMethod]
        public void Billion_laughs_stops_at_the_alias_budget()
        {
            var yaml = new StringBuilder("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
            for (char c = 'b'; c <= 'i'; c++)
                yaml.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + (char)(c - 1), 9))).Append("]\n");
            var result = YamlParser.Parse(new SourceText("bomb.yaml", yaml.ToString()));
            Assert.AreEqual(EngineRuleIds.LimitExceeded, result.Problems.Single().RuleId);
            Assert.AreEqual(0, result.Documents.Count);
        }

        [TestMethod]
        public void A_hundred_thousand_nested_flow_sequences_give_a_limit_finding()
        {
            var result = YamlParser.Parse(new SourceText("deep.yaml", "a: " + new string('[', 100_000) + new string(']', 100_000)));
            Assert.AreEqual(EngineRuleIds.LimitExceeded, result.Problems.Single().RuleId);
        }

        [TestMethod]
        [DataRow("a: [1, 2\nb: 3\n", 1, 6)]
        [DataRow("a:\n  - b\n c: d\n", 3, 2)]
        [DataRow("a: \"unterminated\n", 1, 4)]
        [DataRow("a: *nothing\n", 1, 4)]
        [DataRow("a: b: c\n", 1, 5)]
        public void Syntax_errors_are_findings_with_positions(string yaml, int line, int column)
        {
            var result = YamlParser.Parse(new SourceText("bad.yaml", yaml));
            var problem = result.Problems.Single();
            Assert.AreEqual(EngineRuleIds.SyntaxError, problem.RuleId, problem.Detail);
            StringAssert.StartsWith(problem.Detail, "Invalid YAML: ");
            Assert.AreEqual(new LinePosition(line, column), problem.Span.StartPosition, problem.Detail);
        }

        [TestMethod]
        public void Several_documents_in_one_stream_are_all_read()
        {
            var result = YamlParser.Parse(new SourceText("multi.yaml", "a: 1\n---\nb: 2\n"));
            Assert.AreEqual(2, result.Documents.Count);
            Assert.AreEqual(new LinePosition(3, 1), result.Documents[1].Span.StartPosition);
        }
    
        [TestMethod]
        public void Collections_span_exactly_their_tokens()
        {
            var root = Root("a: {x: [1, 2]}\nb:\n  - one\n  - *ref\n  # trailing comment\n\nc:\n  k: v  # comment\nd: &ref 1\n".Replace("*ref", "two"));
            Assert.AreEqual("{x: [1, 2]}", root.Get("a")!.Span.Text);
            Assert.AreEqual("[1, 2]", ((MappingNode)root.Get("a")!).Get("x")!.Span.Text);
            Assert.AreEqual("- one\n  - two", root.Get("b")!.Span.Text);
            Assert.AreEqual("k: v", root.Get("c")!.Span.Text);
            var withAlias = Root("d: &ref 1\nb:\n  - one\n  - *ref\n\n");
            Assert.AreEqual("- one\n  - *ref", withAlias.Get("b")!.Span.Text);
        }
    }
}
