using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Findings;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Engine
{
    /// <summary>One large file is checked on all cores: it must give exactly what checking its parts one by one gives.</summary>
    [TestClass]
    public sealed class LargeFileTests
    {
        // A repository with a public policy, a lifecycle policy as an escaped JSON string with a bad tag status, and no
        // scanning or immutability settings: findings from the template, from its policy and from inside the string.
        private const string Repository = "  \"Repo#\": {\"Type\": \"AWS::ECR::Repository\", \"Properties\": {\"RepositoryName\": \"repo-#\", " +
            "\"RepositoryPolicyText\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Pull\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": [\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\"]}]}, " +
            "\"LifecyclePolicy\": {\"LifecyclePolicyText\": \"{\\\"rules\\\": [{\\\"rulePriority\\\": 1, \\\"selection\\\": {\\\"tagStatus\\\": \\\"bogus\\\", \\\"countType\\\": \\\"imageCountMoreThan\\\", \\\"countNumber\\\": 5}, \\\"action\\\": {\\\"type\\\": \\\"expire\\\"}}]}\"}}}";

        private static (string Text, int[] Starts) Template(int repositories)
        {
            var text = new StringBuilder("{\"Resources\": {\n");
            var starts = new int[repositories];
            for (int i = 0; i < repositories; i++)
            {
                if (i > 0) text.Append(",\n");
                starts[i] = text.Length;
                text.Append(Repository.Replace("#", i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)));
            }
            return (text.Append("\n}}\n").ToString(), starts);
        }

        /// <summary>Each finding as rule, offsets within its repository, line offset and message, with the repository's number taken out.</summary>
        private static List<string> Describe(IReadOnlyList<Finding> findings, int[] starts, int firstLine)
            => findings.Select(f =>
            {
                int repository = System.Array.BinarySearch(starts, f.Span.Start);
                if (repository < 0) repository = ~repository - 1;
                string number = repository.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
                return repository + " " + f.RuleId + " " + (f.Span.Start - starts[repository]) + "-" + (f.Span.End - starts[repository]) +
                    " line+" + (f.Start.Line - firstLine - repository) + " col " + f.Start.Column + " " + f.Message.Replace(number, "#");
            }).ToList();

        [TestMethod]
        public void A_large_template_gives_each_part_the_findings_it_gives_alone()
        {
            var (single, singleStarts) = Template(1);
            var singleFindings = Shared.Engine.LintText(new SourceText("stack.template.json", single)).Findings;
            var alone = Describe(singleFindings, singleStarts, 2);
            Assert.IsTrue(alone.Count >= 4, string.Join("\n", alone));
            // Inside the escaped JSON string, the finding is on the escaped token itself.
            var inString = singleFindings.Single(f => f.RuleId == "ECR020");
            Assert.AreEqual("\\\"bogus\\\"", inString.Span.Text);

            const int count = 1200;
            var (large, starts) = Template(count);
            Assert.IsTrue(large.Length > 512 * 1024, "large enough to be checked on all cores: " + large.Length);
            var report = Shared.Engine.LintText(new SourceText("stack.template.json", large));
            var described = Describe(report.Findings, starts, 2);
            var expected = Enumerable.Range(0, count).SelectMany(i => alone.Select(a => i + a.Substring(1))).ToList();
            CollectionAssert.AreEqual(expected, described);

            // The same findings in the same order on every run.
            var again = Shared.Engine.LintText(new SourceText("stack.template.json", large)).Findings;
            CollectionAssert.AreEqual(report.Findings.Select(f => f.ToString()).ToList(), again.Select(f => f.ToString()).ToList());
        }
    }
}
