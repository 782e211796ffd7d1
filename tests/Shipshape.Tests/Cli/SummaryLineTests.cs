using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Catalogue;
using Shipshape.Cli.Output;
using Shipshape.Findings;

namespace Shipshape.Tests.Cli
{
    [TestClass]
    public sealed class SummaryLineTests
    {
        [TestMethod]
        public void CountsFindingsBySeverity()
        {
            var report = Reports.Of(("repository-policy.json", Reports.PublicPolicy), ("sub/repository-policy.json", Reports.BrokenPolicy));

            Assert.AreEqual("2 files checked, 0 skipped: 3 errors", SummaryLine.Format(report));
        }

        [TestMethod]
        public void SingularsAndNoFindings()
        {
            var report = new CheckReport(new List<Finding>(), 1, 3, RuleCatalogue.Embedded, Reports.SourceRoot);

            Assert.AreEqual("1 file checked, 3 skipped: no findings", SummaryLine.Format(report));
        }
    }
}
