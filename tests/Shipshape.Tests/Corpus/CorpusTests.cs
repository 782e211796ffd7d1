using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Detection;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Tests.Support;
using Shipshape.Text;

namespace Shipshape.Tests.Corpus
{
    /// <summary>
    /// The real-world files in <c>../shared/corpus</c> (other people's data, read in place, never copied) are
    /// the crash and false-positive set: every file must lint without an exception and with spans inside the
    /// file, and the findings across the corpus are pinned exactly. Without the corpus every test is skipped.
    /// </summary>
    [TestClass]
    public sealed class CorpusTests
    {
        private const string BrokenTaskDefinition = "ecs-taskdef/aws-samples__amazon-ecs-firelens-examples__examples__fluent-bit__dynatrace__task-definition.json";
        private const string CheckovForAllValuesFixture = "cloudformation/bridgecrewio__checkov__tests__cloudformation__checks__resource__aws__example_ECRPolicy__ECRPolicy-PASSED-2.yaml";

        private static readonly Lazy<CorpusRun?> Run = new Lazy<CorpusRun?>(CorpusRun.Load);

        /// <summary>
        /// Every finding on the corpus (file, position, rule, message), pinned in a snapshot next to this file so
        /// that any change in them is deliberate: review the diff, then run with SHIPSHAPE_WRITE_SNAPSHOTS=1.
        /// </summary>
        private static string SnapshotPath => RepositoryRoot.Combine("tests", "Shipshape.Tests", "Corpus", "corpus-findings.txt");

        [TestMethod]
        public void EveryCorpusFileLintsWithoutAnException()
        {
            var run = RequireCorpus();
            Assert.IsGreaterThan(400, run.Files.Count, "the corpus should hold 413 files");
            Assert.IsEmpty(run.Crashes, string.Join(Environment.NewLine, run.Crashes));
        }

        [TestMethod]
        public void EveryFindingSpanLiesWithinItsFile()
        {
            var run = RequireCorpus();
            var problems = new List<string>();
            foreach (var file in run.Files)
            {
                foreach (var report in file.AllReports)
                {
                    foreach (var finding in report.Findings)
                    {
                        SourceSpan span = finding.Span;
                        SourceText source = span.Source;
                        string where = file.RelativePath + ": " + finding;
                        if (source.Length != file.Text.Length) problems.Add(where + ": the span's source has " + source.Length + " characters, the file " + file.Text.Length);
                        if (!(0 <= span.Start && span.Start <= span.End && span.End <= source.Length)) problems.Add(where + ": span " + span.Start + ".." + span.End + " outside 0.." + source.Length);
                        CheckPosition(finding.Start, source, where + ": start", problems);
                        CheckPosition(finding.End, source, where + ": end", problems);
                        if (finding.Start.CompareTo(finding.End) > 0) problems.Add(where + ": starts after it ends");
                        if (finding.Path != report.Path) problems.Add(where + ": carries path " + finding.Path + ", not " + report.Path);
                    }
                }
            }
            Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        }

        [TestMethod]
        public void CorpusFindingsMatchTheSnapshot()
        {
            var run = RequireCorpus();
            var actual = run.Files
                .SelectMany(f => f.Report.Findings.Select(x => f.RelativePath + ":" + x.Start.Line + ":" + x.Start.Column + ": " + x.RuleId + " " + x.Message))
                .OrderBy(s => s, StringComparer.Ordinal).ToList();
            if (Environment.GetEnvironmentVariable("SHIPSHAPE_WRITE_SNAPSHOTS") == "1")
                File.WriteAllText(SnapshotPath, string.Join("\n", actual) + "\n");
            var expected = File.ReadAllLines(SnapshotPath).Where(l => l.Length > 0).ToList();
            var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
            var unexpected = actual.Except(expected, StringComparer.Ordinal).ToList();
            Assert.IsTrue(missing.Count == 0 && unexpected.Count == 0,
                "The corpus findings changed (review, then SHIPSHAPE_WRITE_SNAPSHOTS=1 dotnet test).\nNo longer reported:\n  " + string.Join("\n  ", missing.Take(50))
                + "\nNewly reported:\n  " + string.Join("\n  ", unexpected.Take(50)));
            Assert.HasCount(expected.Count, actual, "a finding was reported more than once");
        }

        [TestMethod]
        public void OnlyTheBrokenFireLensTaskDefinitionIsUnreadable()
        {
            var run = RequireCorpus();
            var unreadable = run.Files.Where(f => f.Report.Findings.Any(x => x.RuleId == "LINT001")).Select(f => f.RelativePath).ToList();
            CollectionAssert.AreEqual(new[] { BrokenTaskDefinition }, unreadable);

            var broken = run.Get(BrokenTaskDefinition).Report;
            Assert.AreEqual(DocumentKind.EcsTaskDefinition, broken.Kind);
            var finding = broken.Findings.Single();
            Assert.AreEqual("34:20", finding.Start.ToString());
            Assert.AreEqual("\"", finding.Span.Text, "the finding points at the quote that opens \"Allow_Duplicated_Headers\"");
            StringAssert.Contains(finding.Message, "',' or '}' was expected");

            var limits = run.Files.SelectMany(f => f.Report.Findings).Where(x => x.RuleId == "LINT002" || x.RuleId == "LINT005").Select(x => x.ToString()).ToList();
            Assert.IsEmpty(limits, string.Join(Environment.NewLine, limits));
        }

        [TestMethod]
        public void PublicPolicyFixturesThatShouldFailAreReported()
        {
            var run = RequireCorpus();
            var shouldFail = run.Files.Where(f => f.Source != null && (f.Source.Notes.IndexOf("expected to fail public", StringComparison.OrdinalIgnoreCase) >= 0
                || (IsPublicPolicyPeerRule(f.Source) && f.Source.Expectation.StartsWith("failing", StringComparison.Ordinal)))).ToList();
            CollectionAssert.AreEquivalent(new[]
            {
                "cdk-synth/aws__aws-cdk__packages__@aws-cdk-testing__framework-integ__test__aws-ecr__test__integ.basic.js.snapshot__aws-ecr-integ-stack.template.json",
                "cdk-synth/aws__aws-cdk__packages__@aws-cdk-testing__framework-integ__test__aws-ecr__test__integ.grant.js.snapshot__aws-ecr-integ-stack.template.json",
                "cloudformation/bridgecrewio__checkov__tests__cloudformation__checks__resource__aws__example_ECRPolicy__ECRPolicy-FAILED.yaml",
                "ecr-policies/aws__aws-cli__awscli__examples__ecr__set-repository-policy.rst__my-policy.json",
                "peer-fixtures/Checkmarx__kics__assets__queries__cloudFormation__aws__ecr_repository_is_publicly_accessible__test__positive1.yaml",
            }, shouldFail.Select(f => f.RelativePath).ToList(), "the files SOURCES.tsv says must fail the public-policy check");
            foreach (var file in shouldFail)
            {
                var ecr001 = file.Report.Findings.Where(x => x.RuleId == "ECR001").ToList();
                Assert.HasCount(1, ecr001, file.RelativePath);
                Assert.AreEqual("*", ecr001[0].Span.Text.Trim('"', '\''), file.RelativePath + ": the finding should be on the \"*\"");
            }
        }

        [TestMethod]
        public void PublicPolicyFixturesThatShouldPassAreNotReported()
        {
            var run = RequireCorpus();
            var shouldPass = run.Files.Where(f => f.Source != null && IsPublicPolicyPeerRule(f.Source) && f.Source.Expectation.StartsWith("passing", StringComparison.Ordinal)).ToList();
            Assert.HasCount(4, shouldPass, "checkov CKV_AWS_32 and KICS 'ECR Repository Is Publicly Accessible' passing fixtures");
            foreach (var file in shouldPass)
            {
                var ecr001 = file.Report.Findings.Where(x => x.RuleId == "ECR001").ToList();
                if (file.RelativePath == CheckovForAllValuesFixture)
                {
                    // Deliberate disagreement with checkov, see ExpectedFindings: only the ForAllValues statement.
                    Assert.HasCount(1, ecr001, file.RelativePath);
                    Assert.AreEqual(12, ecr001[0].Start.Line);
                    continue;
                }
                Assert.IsEmpty(ecr001, file.RelativePath + ": " + string.Join("; ", ecr001));
            }

            // cfn-lint's good ECR resource-policy fixture is clean of every policy rule (its repositories may
            // still lack KMS, scanning or lifecycle settings: that is not what the fixture is about).
            var good = run.Get("cloudformation/aws-cloudformation__cfn-lint__test__fixtures__templates__good__resources__iam__resource_policy.yaml");
            Assert.AreEqual(DocumentKind.CloudFormationTemplate, good.Report.Kind);
            var policyFindings = good.Report.Findings.Where(x => x.RuleId.StartsWith("IAM", StringComparison.Ordinal) || x.RuleId.CompareTo("ECR006") < 0 && x.RuleId.StartsWith("ECR", StringComparison.Ordinal)).ToList();
            Assert.IsEmpty(policyFindings, string.Join("; ", policyFindings));
        }

        [TestMethod]
        public void DocumentationExamplesHaveNoMalformedActionsAndOnlyPlaceholderPrincipals()
        {
            var run = RequireCorpus();
            var docs = run.Files.Where(f => f.Source != null && (f.Source.Repo.StartsWith("awsdocs/", StringComparison.Ordinal) || f.Source.Repo == "aws/aws-cli")).ToList();
            Assert.IsGreaterThan(90, docs.Count, "AWS documentation examples in the corpus");
            var problems = new List<string>();
            foreach (var file in docs)
            {
                foreach (var finding in file.Report.Findings)
                {
                    if (finding.RuleId == "IAM006") problems.Add(file.RelativePath + ": " + finding);
                    if (finding.RuleId == "IAM008" && finding.Span.Text.IndexOf("account-id", StringComparison.Ordinal) < 0 && finding.Span.Text.IndexOf("source_account_id", StringComparison.Ordinal) < 0)
                        problems.Add(file.RelativePath + ": " + finding + " (not a documented placeholder)");
                }
            }
            Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
            Assert.AreEqual(13, docs.Sum(f => f.Report.Findings.Count(x => x.RuleId == "IAM008")), "principals written with a placeholder account ID");
        }

        [TestMethod]
        public void CorpusFilesAreDetectedAsTheirKind()
        {
            var run = RequireCorpus();
            var problems = new List<string>();
            void Expect(string category, DocumentKind kind)
            {
                foreach (var file in run.Files.Where(f => f.Category == category))
                    if (!file.Report.Checked || file.Report.Kind != kind) problems.Add(file.RelativePath + ": " + Describe(file.Report) + ", expected " + kind.ToName());
            }
            Expect("ecs-taskdef", DocumentKind.EcsTaskDefinition);
            Expect("eksctl", DocumentKind.EksctlClusterConfig);
            Expect("ecr-lifecycle", DocumentKind.EcrLifecyclePolicy);
            Expect("ecr-policies", DocumentKind.PolicyDocument);
            Expect("cdk-synth", DocumentKind.CloudFormationTemplate);
            Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));

            // CloudFormation: templates are templates, except documentation fragments that hold a resource without
            // a Resources section (skipped: nothing says they are CloudFormation).
            var fragments = new[]
            {
                "cloudformation/aws__copilot-cli__internal__pkg__deploy__cloudformation__stack__testdata__stacklocal__override-cf.yml",
                "cloudformation/awsdocs__aws-cloudformation-user-guide__doc_source__aws-resource-ecr-repository.md__L172-L193.yaml",
                "cloudformation/awsdocs__aws-cloudformation-user-guide__doc_source__aws-resource-ecr-repository.md__L217-L222.yaml",
                "cloudformation/awsdocs__aws-cloudformation-user-guide__doc_source__aws-resource-ecs-taskdefinition.md__L322-L366.yaml",
                "cloudformation/awsdocs__aws-cloudformation-user-guide__doc_source__aws-resource-eks-cluster.md__L175-L216.json",
                "cloudformation/awsdocs__aws-cloudformation-user-guide__doc_source__aws-resource-eks-cluster.md__L222-L244.yaml",
            };
            foreach (var file in run.Files.Where(f => f.Category == "cloudformation"))
            {
                DocumentKind byContent = file.NeutralReport.Checked ? file.NeutralReport.Kind : DocumentKind.Unknown;
                DocumentKind expected = fragments.Contains(file.RelativePath) ? DocumentKind.Unknown : DocumentKind.CloudFormationTemplate;
                if (byContent != expected) problems.Add(file.RelativePath + " (by content): " + Describe(file.NeutralReport) + ", expected " + expected.ToName());
            }
            Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        }

        [TestMethod]
        public void TemplatesAndPoliciesNamedLikeTaskDefinitionsAreStillChecked()
        {
            var run = RequireCorpus();
            var mistyped = run.Files
                .Where(f => f.NeutralReport.Checked
                    && (f.NeutralReport.Kind == DocumentKind.CloudFormationTemplate || f.NeutralReport.Kind == DocumentKind.PolicyDocument)
                    && f.Report.Kind != f.NeutralReport.Kind)
                .Select(f => f.RelativePath + ": " + Describe(f.Report) + " by name, " + Describe(f.NeutralReport) + " by content")
                .ToList();
            Assert.IsEmpty(mistyped, string.Join(Environment.NewLine, mistyped));
        }

        [TestMethod]
        public void EveryFileListedInSourcesIsInTheCorpus()
        {
            var run = RequireCorpus();
            var onDisk = new HashSet<string>(run.Files.Select(f => f.RelativePath), StringComparer.Ordinal);
            var missing = run.Sources.Keys.Where(p => !onDisk.Contains(p)).ToList();
            Assert.IsEmpty(missing, "listed in SOURCES.tsv but absent: " + string.Join(", ", missing));
            Assert.IsTrue(run.Files.All(f => f.Source != null), "every corpus file has a SOURCES.tsv row");
        }

        private static void CheckPosition(LinePosition position, SourceText source, string where, List<string> problems)
        {
            if (position.Line < 1 || position.Line > source.LineCount)
            {
                problems.Add(where + " line " + position.Line + " outside 1.." + source.LineCount);
                return;
            }
            int maxColumn = source.GetLineText(position.Line).Length + 1;
            if (position.Column < 1 || position.Column > maxColumn) problems.Add(where + " column " + position.Column + " outside 1.." + maxColumn + " of line " + position.Line);
        }

        private static bool IsPublicPolicyPeerRule(SourceRow row)
            => row.PeerRuleId.StartsWith("checkov CKV_AWS_32", StringComparison.Ordinal)
            || row.PeerRuleId.StartsWith("KICS 75be209d-1948-41f6-a8c8-e22dd0121134", StringComparison.Ordinal);

        private static string Format(string file, string rule, int line, int column) => rule + " " + file + ":" + line + ":" + column;

        private static string Describe(FileReport report) => report.Checked ? report.Kind.ToName() : "skipped (" + report.SkipReason + ")";

        private static CorpusRun RequireCorpus()
        {
            var run = Run.Value;
            if (run == null) Assert.Inconclusive("../shared/corpus not present");
            return run!;
        }

        /// <summary>One row of SOURCES.tsv.</summary>
        private sealed class SourceRow
        {
            public SourceRow(string[] cells)
            {
                LocalPath = cells[0];
                Repo = cells[1];
                PeerRuleId = cells[7];
                Expectation = cells[8];
                Notes = cells[9];
            }

            public string LocalPath { get; }
            public string Repo { get; }
            public string PeerRuleId { get; }
            public string Expectation { get; }
            public string Notes { get; }
        }

        private sealed class CorpusFile
        {
            public CorpusFile(string relativePath, string text, SourceRow? source, FileReport report, FileReport namedReport, FileReport neutralReport)
            {
                RelativePath = relativePath;
                Text = text;
                Source = source;
                Report = report;
                NamedReport = namedReport;
                NeutralReport = neutralReport;
            }

            /// <summary>The path below corpus/, with '/'; also the display path of <see cref="Report"/>.</summary>
            public string RelativePath { get; }
            public string Category => RelativePath.Substring(0, RelativePath.IndexOf('/'));
            public string Text { get; }
            public SourceRow? Source { get; }

            /// <summary>As found by walking a folder (<c>shipshape check ../shared/corpus</c>).</summary>
            public FileReport Report { get; }

            /// <summary>As named explicitly on the command line.</summary>
            public FileReport NamedReport { get; }

            /// <summary>The same text under a neutral file name (same extension): what content detection alone makes of it.</summary>
            public FileReport NeutralReport { get; }

            public IEnumerable<FileReport> AllReports => new[] { Report, NamedReport, NeutralReport };
        }

        private sealed class CorpusRun
        {
            private CorpusRun(List<CorpusFile> files, Dictionary<string, SourceRow> sources, List<string> crashes)
            {
                Files = files;
                Sources = sources;
                Crashes = crashes;
            }

            public IReadOnlyList<CorpusFile> Files { get; }
            public IReadOnlyDictionary<string, SourceRow> Sources { get; }
            public IReadOnlyList<string> Crashes { get; }

            public CorpusFile Get(string relativePath) => Files.Single(f => f.RelativePath == relativePath);

            public static CorpusRun? Load()
            {
                string root = RepositoryRoot.Combine("../shared/corpus");
                if (!Directory.Exists(root)) return null;

                var sources = new Dictionary<string, SourceRow>(StringComparer.Ordinal);
                foreach (var line in File.ReadLines(Path.Combine(root, "SOURCES.tsv")).Skip(1))
                {
                    if (line.Length == 0) continue;
                    string[] cells = line.Split('\t');
                    if (cells.Length < 10) Array.Resize(ref cells, 10);
                    for (int i = 0; i < cells.Length; i++) cells[i] ??= string.Empty;
                    sources[cells[0]] = new SourceRow(cells);
                }

                var engine = new LintEngine();
                var files = new List<CorpusFile>();
                var crashes = new List<string>();
                foreach (var full in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
                {
                    string relative = Path.GetRelativePath(root, full).Replace('\\', '/');
                    if (relative == "SOURCES.tsv") continue; // provenance metadata, not corpus data
                    try
                    {
                        string text = File.ReadAllText(full);
                        var report = engine.LintFile(full, relative, explicitlyNamed: false);
                        var named = engine.LintFile(full, relative, explicitlyNamed: true);
                        var neutral = engine.LintText(new SourceText("corpus-file" + Path.GetExtension(full), text), explicitlyNamed: false);
                        sources.TryGetValue(relative, out var source);
                        files.Add(new CorpusFile(relative, text, source, report, named, neutral));
                    }
                    catch (Exception ex)
                    {
                        crashes.Add(relative + ": " + ex);
                    }
                }
                return new CorpusRun(files, sources, crashes);
            }
        }
    }
}
