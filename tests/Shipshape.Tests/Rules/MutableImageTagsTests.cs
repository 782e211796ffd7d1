using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class MutableImageTagsTests
    {
        [TestMethod]
        [DataRow("MUTABLE")]
        [DataRow("MUTABLE_WITH_EXCLUSION")]
        public void Mutable_values_land_on_the_value(string value)
        {
            Markup.Verify("template.json", """
                {"Resources": {"Repo": {"Type": "AWS::ECR::Repository", "Properties": {"ImageTagMutability": {|ECR014:"VALUE"|}}}}}
                """.Replace("VALUE", value), "ECR014");
        }

        [TestMethod]
        [DataRow("IMMUTABLE")]
        [DataRow("IMMUTABLE_WITH_EXCLUSION")]
        [DataRow("!Ref TagMutability")]
        [DataRow("!If [IsProd, IMMUTABLE, MUTABLE]")]
        [DataRow("immutable")]
        public void Immutable_values_unknown_values_and_invalid_values_are_not_reported(string value)
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      ImageTagMutability: VALUE
                """.Replace("VALUE", value), "ECR014");
        }

        [TestMethod]
        public void Absent_setting_lands_on_the_logical_id()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  {|ECR014:Repo|}:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryName: app
                  {|ECR014:Bare|}:
                    Type: AWS::ECR::Repository
                  Other:
                    Type: AWS::ECR::PublicRepository
                """, "ECR014");
        }

        [TestMethod]
        public void Message_explains_the_default_and_the_exclusion_variants()
        {
            var report = Shared.Engine.LintText(new SourceText("template.yaml", "Resources:\n  Images:\n    Type: AWS::ECR::Repository\n  Tools:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: MUTABLE_WITH_EXCLUSION\n"));
            var messages = report.Findings.Where(f => f.RuleId == "ECR014").Select(f => f.Message).ToList();
            Assert.AreEqual(2, messages.Count);
            StringAssert.Contains(messages[0], "Repository 'Images' does not set ImageTagMutability (default MUTABLE)");
            StringAssert.Contains(messages[1], "Repository 'Tools' has ImageTagMutability MUTABLE_WITH_EXCLUSION");
            StringAssert.Contains(messages[1], "Set ImageTagMutability to IMMUTABLE, or IMMUTABLE_WITH_EXCLUSION");
        }
    }
}
