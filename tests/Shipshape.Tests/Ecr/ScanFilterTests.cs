using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Ecr;

namespace Shipshape.Tests.Ecr
{
    [TestClass]
    public sealed class ScanFilterTests
    {
        // The examples of the ECR user guide (image-scanning filters), and a few more.
        [TestMethod]
        [DataRow("prod", "prod", true)]
        [DataRow("prod", "repo-prod", true)]
        [DataRow("prod", "prod-repo", true)]
        [DataRow("prod", "repo-prod-repo", true)]
        [DataRow("prod", "prodrepo", true)]
        [DataRow("prod", "pro", false)]
        [DataRow("*prod", "prod", true)]
        [DataRow("*prod", "repo-prod", true)]
        [DataRow("*prod", "prod-repo", false)]
        [DataRow("prod*", "prod", true)]
        [DataRow("prod*", "prod-repo", true)]
        [DataRow("prod*", "prodrepo", true)]
        [DataRow("prod*", "repo-prod", false)]
        [DataRow("prod*repo", "prod-repo", true)]
        [DataRow("prod*repo", "prodrepo", true)]
        [DataRow("prod*repo", "prod-repo-x", false)]
        [DataRow("*", "anything/at-all", true)]
        [DataRow("*prod*", "team/prod/api", true)]
        [DataRow("a*b*c", "a-b-b-c", true)]
        [DataRow("a*b*c", "a-c-b", false)]
        [DataRow("team/*", "team/api", true)]
        [DataRow("team/*", "other/team/api", false)]
        public void Matches_as_the_ECR_user_guide_describes(string filter, string name, bool expected)
        {
            Assert.AreEqual(expected, ScanFilter.Matches(filter, name));
        }

        [TestMethod]
        [DataRow("*")]
        [DataRow("prod")]
        [DataRow("prod-*")]
        [DataRow("team/api_v2.x")]
        [DataRow("**")]
        [DataRow("a")]
        [DataRow("*-*")]
        public void Valid_filters(string filter)
        {
            Assert.IsNull(ScanFilter.Problem(filter));
        }

        [TestMethod]
        [DataRow("", "empty")]
        [DataRow("Prod", "lowercase")]
        [DataRow("prod*!", "'!' is not allowed")]
        [DataRow("prod repo", "' ' is not allowed")]
        [DataRow("-prod", "starts with '-'")]
        [DataRow("prod/", "ends with '/'")]
        [DataRow("prod--x", "two separators")]
        [DataRow("prod?", "'?' is not allowed")]
        public void Invalid_filters_say_why(string filter, string reason)
        {
            StringAssert.Contains(ScanFilter.Problem(filter), reason);
        }

        [TestMethod]
        public void Length_is_limited_to_255_and_long_input_is_checked_in_linear_time()
        {
            Assert.IsNull(ScanFilter.Problem(new string('a', 255)));
            StringAssert.Contains(ScanFilter.Problem(new string('a', 256)), "256 characters");
            // The regular expression ECR documents backtracks exponentially on this; the hand-written check does not.
            Assert.IsNotNull(ScanFilter.Problem(new string('a', 200) + "-"));
            Assert.IsFalse(ScanFilter.Matches("*a*a*a*a*a*a*a*a*b", new string('a', 250)));
        }
    }
}
