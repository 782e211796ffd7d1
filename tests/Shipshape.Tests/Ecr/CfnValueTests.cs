using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Ecr;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Text;

namespace Shipshape.Tests.Ecr
{
    [TestClass]
    public sealed class CfnValueTests
    {
        private static Node Value(string yaml)
            => ((MappingNode)YamlParser.Parse(new SourceText("t.yaml", "v: " + yaml + "\n")).Documents[0]).Get("v")!;

        [TestMethod]
        [DataRow("true", true)]
        [DataRow("True", true)]
        [DataRow("\"true\"", true)]
        [DataRow("'FALSE'", false)]
        [DataRow("false", false)]
        public void Booleans_may_be_booleans_or_strings(string yaml, bool expected)
            => Assert.AreEqual(expected, CfnValue.Boolean(Value(yaml)));

        [TestMethod]
        [DataRow("!Ref Flag")]
        [DataRow("yes")]
        [DataRow("1")]
        [DataRow("~")]
        public void Other_values_are_not_booleans(string yaml)
            => Assert.IsNull(CfnValue.Boolean(Value(yaml)));

        [TestMethod]
        [DataRow("plain", "plain")]
        [DataRow("!Ref X", "\uFFFF")]
        [DataRow("!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root", "arn:\uFFFF:iam::\uFFFF:root")]
        [DataRow("!Sub ['${A}-x', {A: !Ref B}]", "\uFFFF-x")]
        [DataRow("!Sub 'literal ${!NotAVariable}'", "literal ${NotAVariable}")]
        [DataRow("!Join ['', ['arn:', !Ref AWS::Partition, ':kms']]", "arn:\uFFFF:kms")]
        [DataRow("!Join ['/', [a, !If [C, b, c], d]]", "a/\uFFFF/d")]
        [DataRow("!GetAtt Key.Arn", "\uFFFF")]
        public void Render_keeps_known_text_and_marks_deploy_time_parts(string yaml, string expected)
            => Assert.AreEqual(expected, CfnValue.Render(Value(yaml)));

        [TestMethod]
        public void Known_suffix_is_the_text_after_the_last_unknown_part()
        {
            Assert.AreEqual(":root", CfnValue.KnownSuffix("arn:\uFFFF:iam::\uFFFF:root"));
            Assert.AreEqual("all", CfnValue.KnownSuffix("all"));
            Assert.IsFalse(CfnValue.HasUnknownParts("all"));
        }
    }
}
