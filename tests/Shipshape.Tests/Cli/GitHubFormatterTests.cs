using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Cli.Output;

namespace Shipshape.Tests.Cli
{
    [TestClass]
    public sealed class GitHubFormatterTests
    {
        [TestMethod]
        public void WritesOneWorkflowCommandPerFinding()
        {
            var report = Reports.Of(("repository-policy.json", Reports.PublicPolicy));

            string output = Reports.Render(new GitHubFormatter(), report);

            Assert.AreEqual(
                "::error file=repository-policy.json,line=6,col=20,endLine=6,endColumn=23,title=ECR001::The statement at line 4 allows any principal, anonymous callers included, to access this repository without a condition that limits it to your organisation, accounts or VPC endpoints.\n" +
                "::error file=repository-policy.json,line=7,col=17,endLine=7,endColumn=33,title=IAM006::Action 'ecr: Put Image' is malformed: it contains whitespace.\n",
                output);
        }

        [TestMethod]
        public void EscapesDataAndProperties()
        {
            Assert.AreEqual("100%25 a%0D%0Ab: c, d", GitHubFormatter.EscapeData("100% a\r\nb: c, d"));
            Assert.AreEqual("dir%2Cx/a%3Ab%25.json", GitHubFormatter.EscapeProperty("dir,x/a:b%.json"));
        }

        [TestMethod]
        public void NoFindingsWritesNothing()
        {
            var report = Reports.Of(("repository-policy.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}"));

            Assert.AreEqual(string.Empty, Reports.Render(new GitHubFormatter(), report));
        }
    }
}
