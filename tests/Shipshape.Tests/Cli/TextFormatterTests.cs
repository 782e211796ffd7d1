using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Cli.Output;

namespace Shipshape.Tests.Cli
{
    [TestClass]
    public sealed class TextFormatterTests
    {
        [TestMethod]
        public void WritesLocationSourceLineAndUnderline()
        {
            var report = Reports.Of(("repository-policy.json", Reports.PublicPolicy), ("sub/repository-policy.json", Reports.BrokenPolicy));

            string output = Reports.Render(new TextFormatter(color: false), report);

            Assert.AreEqual(
                "repository-policy.json:6:20: error ECR001: The statement at line 4 allows any principal, anonymous callers included, to access this repository without a condition that limits it to your organisation, accounts or VPC endpoints.\n" +
                "      \"Principal\": \"*\",\n" +
                "                   ^~~\n" +
                "repository-policy.json:7:17: error IAM006: Action 'ecr: Put Image' is malformed: it contains whitespace.\n" +
                "      \"Action\": \"ecr: Put Image\"\n" +
                "                ^~~~~~~~~~~~~~~~\n" +
                "sub/repository-policy.json:3:3: error LINT001: Invalid JSON: unexpected '\"'; ',' or '}' was expected after a property value\n" +
                "  \"Statement\": []\n" +
                "  ^\n",
                output);
        }

        [TestMethod]
        public void SecretsAreMaskedInTheSourceLine()
        {
            string task = "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"nginx:1.27\",\n  \"environment\": [{\"name\": \"DB_PASSWORD\", \"value\": \"Tr0ub4dor&3\"}]}]}\n";
            var report = Reports.Of(("web-task-definition.json", task));

            string output = Reports.Render(new TextFormatter(color: false), report);

            Assert.DoesNotContain("Tr0ub4dor", output);
            StringAssert.Contains(output, "\"value\": \"***********\"}]}]}\n");
        }

        [TestMethod]
        public void TabsArePreservedSoTheCaretLinesUp()
        {
            string policy = "{\n\t\"Version\": \"2012-10-17\",\n\t\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"}]\n}\n";
            var report = Reports.Of(("repository-policy.json", policy));

            string output = Reports.Render(new TextFormatter(color: false), report);

            Assert.AreEqual(
                "repository-policy.json:3:49: error ECR001: The statement at line 3 allows any principal, anonymous callers included, to access this repository without a condition that limits it to your organisation, accounts or VPC endpoints.\n" +
                "\t\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"}]\n" +
                "\t" + new string(' ', 47) + "^~~\n",
                output);
        }

        [TestMethod]
        public void LongLinesShowAWindowAroundTheSpan()
        {
            string padding = new string(' ', 300);
            string policy = "{\"Version\": \"2012-10-17\"," + padding + "\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"}]," + padding + "\"Id\": \"x\"}";
            var report = Reports.Of(("repository-policy.json", policy));

            string[] lines = Reports.Render(new TextFormatter(color: false), report).Split('\n');

            Assert.HasCount(4, lines);
            Assert.StartsWith("...", lines[1]);
            Assert.EndsWith("...", lines[1]);
            Assert.AreEqual(TextFormatter.MaxSnippetWidth + 6, lines[1].Length);
            int caret = lines[2].IndexOf('^');
            Assert.AreEqual("\"*\"", lines[1].Substring(caret, 3));
            Assert.AreEqual("^~~", lines[2].Substring(caret));
        }

        [TestMethod]
        public void SpansOverSeveralLinesAreUnderlinedToTheEndOfTheFirst()
        {
            string policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": [\n    \"ecr: Put Image\"]}]\n}\n";
            var report = Reports.Of(("repository-policy.json", policy));

            string output = Reports.Render(new TextFormatter(color: false), report);

            Assert.Contains("    \"ecr: Put Image\"]}]\n    ^~~~~~~~~~~~~~~~\n", output);
        }

        [TestMethod]
        public void ColourWrapsLocationSeverityAndCaret()
        {
            var report = Reports.Of(("sub/repository-policy.json", Reports.BrokenPolicy));

            string output = Reports.Render(new TextFormatter(color: true), report);

            Assert.AreEqual(
                "\u001b[1msub/repository-policy.json:3:3:\u001b[0m \u001b[1m\u001b[31merror\u001b[0m \u001b[1mLINT001:\u001b[0m Invalid JSON: unexpected '\"'; ',' or '}' was expected after a property value\n" +
                "  \"Statement\": []\n" +
                "  \u001b[32m^\u001b[0m\n",
                output);
        }

        [TestMethod]
        public void ColourOnlyAtATerminalWithoutNoColor()
        {
            Assert.IsTrue(ColorPolicy.ShouldColor(outputRedirected: false, noColor: null));
            Assert.IsTrue(ColorPolicy.ShouldColor(outputRedirected: false, noColor: string.Empty));
            Assert.IsFalse(ColorPolicy.ShouldColor(outputRedirected: false, noColor: "1"));
            Assert.IsFalse(ColorPolicy.ShouldColor(outputRedirected: true, noColor: null));
        }
    }
}
