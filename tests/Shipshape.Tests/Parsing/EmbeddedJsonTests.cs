using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Text;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Parsing
{
    /// <summary>JSON held in a string value is a document of its own whose positions map into the outer file.</summary>
    [TestClass]
    public sealed class EmbeddedJsonTests
    {
        /// <summary>Parses the JSON held by the value of key <c>p</c> and returns the node of its inner key <c>x</c>.</summary>
        private static Node InnerX(string path, string outer)
        {
            var source = new SourceText(path, outer);
            var parsed = path.EndsWith(".json") ? JsonParser.Parse(source) : YamlParser.Parse(source);
            var scalar = (ScalarNode)((MappingNode)parsed.Documents.Single()).Get("p")!;
            var inner = EmbeddedJson.Parse(scalar);
            Assert.IsTrue(inner.Succeeded, string.Join("; ", inner.Problems.Select(p => p.Detail)));
            return ((MappingNode)inner.Documents.Single()).Get("x")!;
        }

        private static void AssertLandsOn(string path, string marked)
        {
            var (text, expected) = Markup.Parse(marked);
            var node = InnerX(path, text);
            var mark = expected.Single();
            Assert.AreEqual(text.Substring(mark.Start, mark.End - mark.Start), node.Span.Text, "span text");
            Assert.AreEqual(mark.Start, node.Span.Start);
            Assert.AreEqual(mark.End, node.Span.End);
        }

        [TestMethod]
        public void Through_JSON_escapes_in_a_JSON_string()
            => AssertLandsOn("t.json", "{\"p\": \"{\\n  \\\"a\\\": \\\"\\u00e9\\\\t\\\",\\n  \\\"x\\\": {|X:\\\"v\\\\/w\\\"|}\\n}\"}");

        [TestMethod]
        public void Through_a_YAML_literal_block_scalar()
            => AssertLandsOn("t.yaml", "q: 1\np: |\n  {\n    \"a\": [1,\n      2],\n    \"x\": {|X:\"value\"|}\n  }\nr: 2\n");

        [TestMethod]
        public void Through_a_YAML_literal_block_with_keep_chomping_and_CRLF()
            => AssertLandsOn("t.yaml", "p: |+\r\n    {\"a\": 1,\r\n     \"x\": {|X:[1, 2]|}}\r\n\r\n");

        [TestMethod]
        public void Through_a_YAML_folded_block_scalar()
            => AssertLandsOn("t.yaml", "p: >\n  {\"a\": 1,\n   \"x\": {|X:\"v\"|}}\n");

        [TestMethod]
        public void Through_a_YAML_double_quoted_scalar_with_escapes_and_folding()
            => AssertLandsOn("t.yaml", "p: \"{\\\"a\\\": \\u0031,\n    \\\"x\\\": {|X:\\\"v\\\"|}}\"\n");

        [TestMethod]
        public void Through_a_YAML_single_quoted_scalar()
            => AssertLandsOn("t.yaml", "p: '{\"a\": \"it''s\", \"x\": {|X:\"v\"|}}'\n");

        [TestMethod]
        public void Through_a_YAML_folded_block_with_strip_chomping()
            => AssertLandsOn("t.yaml", "p: >-\n    {\"a\": 1,\n\n     \"x\": {|X:true|}}\nq: 1\n");

        [TestMethod]
        public void A_syntax_error_inside_the_string_lands_on_the_outer_line_and_column()
        {
            string outer = "Resources:\n  R:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText: |\n        {\n          \"Statement\": [\n            {\"Effect\": \"Allow\",}\n          ]\n        }\n";
            var report = Shared.Engine.LintText(new SourceText("template.yaml", outer));
            // Only parse findings: the repository's settings rules (ECR0xx) report on it too.
            var finding = report.Findings.Single(f => f.RuleId.StartsWith("LINT", System.StringComparison.Ordinal));
            Assert.AreEqual("LINT001", finding.RuleId);
            Assert.AreEqual(new LinePosition(8, 32), finding.Start);
            Assert.AreEqual("Invalid JSON: trailing comma before '}'", finding.Message);
        }
    
        [TestMethod]
        public void Json_in_a_string_that_is_not_an_object_is_a_finding_not_silence()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryPolicyText: {|LINT001:""|}
                      LifecyclePolicy:
                        LifecyclePolicyText: '{|LINT001:[{"rulePriority": 1}]|}'
                  Other:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryPolicyText: {|LINT001:42|}
                      LifecyclePolicy:
                        LifecyclePolicyText:
                """, "LINT001");
            var messages = Markup.VerifyAndGet("template.json", "{\"Resources\": {\"Repo\": {\"Type\": \"AWS::ECR::Repository\", \"Properties\": {\"RepositoryPolicyText\": \"{|LINT001:true|}\"}}}}", "LINT001");
            Assert.AreEqual("expected a JSON object here, found a boolean", messages.Single().Message);
        }
    }
}
