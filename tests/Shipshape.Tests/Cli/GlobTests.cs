using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Engine;

namespace Shipshape.Tests.Cli
{
    [TestClass]
    public sealed class GlobTests
    {
        [TestMethod]
        [DataRow("*.json", "a.json", true)]
        [DataRow("*.json", "deep/er/a.json", true)]
        [DataRow("*.json", "a.yaml", false)]
        [DataRow("*.JSON", "a.json", false)]
        [DataRow("?.json", "a.json", true)]
        [DataRow("?.json", "ab.json", false)]
        [DataRow("vendor", "vendor/x/a.json", true)]
        [DataRow("vendor", "src/vendor/a.json", true)]
        [DataRow("vendor", "vendors/a.json", false)]
        [DataRow("gen*", "src/generated/a.json", true)]
        [DataRow("src/*.json", "src/a.json", true)]
        [DataRow("src/*.json", "lib/src/a.json", false)]
        [DataRow("src/*.json", "src/deep/a.json", false)]
        [DataRow("src/**/*.json", "src/a.json", true)]
        [DataRow("src/**/*.json", "src/x/y/a.json", true)]
        [DataRow("**/test/**", "a/test/b/c.yaml", true)]
        [DataRow("**/test/**", "test/c.yaml", true)]
        [DataRow("**/test/**", "a/testing/c.yaml", false)]
        [DataRow("build/out", "build/out/a.json", true)]
        [DataRow("/build", "build/a.json", true)]
        [DataRow("/build", "src/build/a.json", false)]
        [DataRow("./cdk.out/*.template.json", "cdk.out/App.template.json", true)]
        [DataRow("a*b*c", "aXXbYYc/f.json", true)]
        [DataRow("a*b*c", "aXXbYY/f.json", false)]
        public void Matches(string pattern, string path, bool expected)
        {
            Assert.AreEqual(expected, new Glob(pattern).IsMatch(path));
        }

        [TestMethod]
        public void TrailingSlashMatchesOnlyFolders()
        {
            var glob = new Glob("fixtures/");

            Assert.IsTrue(glob.IsMatch("fixtures", isFolder: true));
            Assert.IsTrue(glob.IsMatch("a/fixtures/b.json"));
            Assert.IsFalse(glob.IsMatch("a/fixtures"));
        }

        [TestMethod]
        public void EmptyPatternIsRejected()
        {
            Assert.ThrowsExactly<FormatException>(() => new Glob("/"));
        }
    }
}
