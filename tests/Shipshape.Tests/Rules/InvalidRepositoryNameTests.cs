using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Ecr;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class InvalidRepositoryNameTests
    {
        [TestMethod]
        [DataRow("ab")]
        [DataRow("a/b")]
        [DataRow("shop/web-app_v2.1")]
        [DataRow("team/sub/service")]
        [DataRow("123")]
        [DataRow("a-b_c.d")]
        public void Valid_names_are_not_reported(string name)
        {
            Markup.Verify("template.json", """
                {"Resources": {"Repo": {"Type": "AWS::ECR::Repository", "Properties": {"RepositoryName": "NAME"}}}}
                """.Replace("NAME", name), "ECR016");
            Assert.IsTrue(RepositoryNames.IsValid(name));
        }

        [TestMethod]
        [DataRow("a", "it is 1 character long, not 2–256")]
        [DataRow("Shop", "it has uppercase letters")]
        [DataRow("shop web", "it contains ' '")]
        [DataRow("shop:web", "it contains ':'")]
        [DataRow("shop//web", "must each sit between letters or digits")]
        [DataRow("-shop", "must each sit between letters or digits")]
        [DataRow("shop.", "must each sit between letters or digits")]
        [DataRow("/shop", "must each sit between letters or digits")]
        [DataRow("shop/", "must each sit between letters or digits")]
        [DataRow("a..b", "must each sit between letters or digits")]
        [DataRow("a_-b", "must each sit between letters or digits")]
        public void Invalid_names_land_on_the_name_and_say_why(string name, string why)
        {
            string marked = """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryName: {|ECR016:"NAME"|}
                """.Replace("NAME", name);
            var finding = Markup.VerifyAndGet("template.yaml", marked, "ECR016").Single();
            StringAssert.StartsWith(finding.Message, "Repository 'Repo' has the invalid name '" + name + "': ");
            StringAssert.Contains(finding.Message, why);
        }

        [TestMethod]
        public void Length_limits_are_2_to_256()
        {
            Assert.IsTrue(RepositoryNames.IsValid(new string('a', 256)));
            Assert.IsFalse(RepositoryNames.IsValid(new string('a', 257)));
            Assert.AreEqual("it is 257 characters long, not 2–256", RepositoryNames.Problem(new string('a', 257)));
            Markup.Verify("template.yaml", "Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: {|ECR016:" + new string('a', 257) + "|}\n", "ECR016");
        }

        [TestMethod]
        public void Unknown_and_absent_names_are_not_checked()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  FromParameter:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryName: !Ref RepositoryName
                  Substituted:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryName: !Sub ${AWS::StackName}-images
                  Generated:
                    Type: AWS::ECR::Repository
                    Properties:
                      ImageTagMutability: IMMUTABLE
                  NullName:
                    Type: AWS::ECR::Repository
                    Properties:
                      RepositoryName:
                """, "ECR016");
        }
    }
}
