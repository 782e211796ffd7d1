using System.IO;
using System.Linq;
using Shipshape.Catalogue;
using Shipshape.Cli.Output;
using Shipshape.Engine;
using Shipshape.Text;

namespace Shipshape.Tests.Cli
{
    /// <summary>Builds check reports from in-memory files through the real engine, and renders them.</summary>
    internal static class Reports
    {
        public const string SourceRoot = "/repo";

        /// <summary>ECR001 at 6:20-6:23 and IAM006 at 7:17-7:33.</summary>
        public const string PublicPolicy =
            "{\n" +
            "  \"Version\": \"2012-10-17\",\n" +
            "  \"Statement\": [\n" +
            "    {\n" +
            "      \"Effect\": \"Allow\",\n" +
            "      \"Principal\": \"*\",\n" +
            "      \"Action\": \"ecr: Put Image\"\n" +
            "    }\n" +
            "  ]\n" +
            "}\n";

        /// <summary>LINT001 at 3:3 (missing comma).</summary>
        public const string BrokenPolicy = "{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": []\n}\n";

        private static readonly LintEngine Engine = new LintEngine();

        public static CheckReport Of(params (string Path, string Text)[] files)
        {
            var findings = files.SelectMany(f => Engine.LintText(new SourceText(f.Path, f.Text)).Findings).ToList();
            findings.Sort();
            return new CheckReport(findings, files.Length, 0, RuleCatalogue.Embedded, SourceRoot);
        }

        public static string Render(IReportFormatter formatter, CheckReport report)
        {
            using var writer = new StringWriter { NewLine = "\n" };
            formatter.Write(report, writer);
            return writer.ToString();
        }
    }
}
