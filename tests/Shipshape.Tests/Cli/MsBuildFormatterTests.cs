using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Cli.Output;

namespace Shipshape.Tests.Cli
{
    [TestClass]
    public sealed class MsBuildFormatterTests
    {
        [TestMethod]
        public void WritesCanonicalMsBuildLines()
        {
            var report = Reports.Of(("repository-policy.json", Reports.PublicPolicy), ("sub/repository-policy.json", Reports.BrokenPolicy));

            string output = Reports.Render(new MsBuildFormatter(), report);

            Assert.AreEqual(
                "repository-policy.json(6,20,6,23): error ECR001: The statement at line 4 allows any principal, anonymous callers included, to access this repository without a condition that limits it to your organisation, accounts or VPC endpoints.\n" +
                "repository-policy.json(7,17,7,33): error IAM006: Action 'ecr: Put Image' is malformed: it contains whitespace.\n" +
                "sub/repository-policy.json(3,3,3,4): error LINT001: Invalid JSON: unexpected '\"'; ',' or '}' was expected after a property value\n",
                output);
        }

        [TestMethod]
        public void WarningsKeepTheirCategory()
        {
            var report = Reports.Of(("repository-policy.json", "{\"Version\": \"2012-10-17\", \"Version\": \"2012-10-17\", \"Statement\": []}"));

            string output = Reports.Render(new MsBuildFormatter(), report);

            Assert.StartsWith("repository-policy.json(1,", output);
            Assert.Contains("): warning LINT005: ", output);
        }
    }
}
