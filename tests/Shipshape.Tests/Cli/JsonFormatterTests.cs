using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Cli.Output;

namespace Shipshape.Tests.Cli
{
    [TestClass]
    public sealed class JsonFormatterTests
    {
        [TestMethod]
        public void WritesVersionFindingsAndSummary()
        {
            var report = Reports.Of(("sub/repository-policy.json", Reports.BrokenPolicy), ("repository-policy.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}"));

            string output = Reports.Render(new JsonFormatter("1.2.3"), report);

            Assert.AreEqual(
                "{\n" +
                "  \"version\": \"1.2.3\",\n" +
                "  \"findings\": [\n" +
                "    {\n" +
                "      \"ruleId\": \"LINT001\",\n" +
                "      \"severity\": \"error\",\n" +
                "      \"message\": \"Invalid JSON: unexpected '\\\"'; ',' or '}' was expected after a property value\",\n" +
                "      \"path\": \"sub/repository-policy.json\",\n" +
                "      \"line\": 3,\n" +
                "      \"column\": 3,\n" +
                "      \"endLine\": 3,\n" +
                "      \"endColumn\": 4,\n" +
                "      \"helpUri\": \"https://github.com/shipshape-lint/shipshape/blob/main/docs/rules/LINT001.md\"\n" +
                "    }\n" +
                "  ],\n" +
                "  \"summary\": {\n" +
                "    \"filesChecked\": 2,\n" +
                "    \"filesSkipped\": 0,\n" +
                "    \"errors\": 1,\n" +
                "    \"warnings\": 0,\n" +
                "    \"notes\": 0\n" +
                "  }\n" +
                "}\n",
                output.Replace("\r\n", "\n"));
        }

        [TestMethod]
        public void NoFindingsIsAnEmptyArray()
        {
            var report = Reports.Of(("repository-policy.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}"));

            string output = Reports.Render(new JsonFormatter("1.2.3"), report);

            Assert.Contains("\"findings\": [],", output);
        }
    }
}
