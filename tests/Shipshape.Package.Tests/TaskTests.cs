using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.MsBuild;

namespace Shipshape.Package.Tests
{
    /// <summary>The two tasks in-process, with a fake build engine: what is cached, what is logged and how.</summary>
    [TestClass]
    public sealed class TaskTests
    {
        private const string PublicPolicy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"Pull\",\n      \"Effect\": \"Allow\",\n      \"Principal\": \"*\",\n      \"Action\": [\"ecr: Put Image\", \"ecr:BatchGetImages\"]\n    }\n  ]\n}\n";
        private const string OldVersionPolicy = "{\n  \"Version\": \"2008-10-17\",\n  \"Statement\": [{ \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::123456789012:root\" }, \"Action\": \"ecr:ReplicateImage\" }]\n}\n";

        private string _dir = string.Empty;

        [TestInitialize]
        public void CreateFolder()
        {
            _dir = Path.Combine(Path.GetTempPath(), "shipshape-task-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dir);
        }

        [TestCleanup]
        public void DeleteFolder()
        {
            if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        }

        private string Write(string relative, string text)
        {
            string path = Path.Combine(_dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        private static ITaskItem Item(string path, bool isDefault = true)
        {
            var item = new TaskItem(path);
            if (isDefault) item.SetMetadata("ShipshapeDefault", "true");
            return item;
        }

        private (bool Result, FakeBuildEngine Engine, string Cache) Lint(params ITaskItem[] files)
        {
            var engine = new FakeBuildEngine();
            string cache = Path.Combine(_dir, "obj", "shipshape", "findings.txt");
            var task = new ShipshapeLint { BuildEngine = engine, Files = files, CacheFile = cache, DependencyFile = Path.Combine(_dir, "obj", "shipshape", "config-files.txt") };
            bool result = task.Execute();
            return (result, engine, cache);
        }

        private static FakeBuildEngine Report(string cache, string? noWarn = null, string? warningsAsErrors = null, string? warningsNotAsErrors = null, bool treatWarningsAsErrors = false, bool expectSuccess = true)
        {
            var engine = new FakeBuildEngine();
            var task = new ShipshapeReport
            {
                BuildEngine = engine,
                CacheFile = cache,
                NoWarn = noWarn,
                WarningsAsErrors = warningsAsErrors,
                WarningsNotAsErrors = warningsNotAsErrors,
                TreatWarningsAsErrors = treatWarningsAsErrors,
            };
            Assert.AreEqual(expectSuccess, task.Execute(), string.Join("\n", engine.CanonicalLines()));
            return engine;
        }

        [TestMethod]
        public void TheProjectsConfigurationAndInlineSuppressionsApply()
        {
            Write(".shipshape.yaml", "rules:\n  IAM007: off\n  ECR001: warning\nexclude: [\"legacy/**\"]\n");
            string policy = Write("policies/repository-policy.json", PublicPolicy);
            string legacy = Write("legacy/repository-policy.json", PublicPolicy);
            string template = Write("infra/template.yaml",
                "# shipshape-ignore-file ECR010, ECR013, ECR014, ECR015 -- demo repository\n" +
                "Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n");

            var (result, _, cache) = Lint(Item(policy), Item(legacy), Item(template));

            Assert.IsTrue(result);
            var lines = Report(cache, expectSuccess: false).CanonicalLines().ToList();
            Assert.IsTrue(lines.Any(l => l.Contains("error IAM006", StringComparison.Ordinal)), string.Join("\n", lines));
            Assert.IsFalse(lines.Any(l => l.Contains("IAM007", StringComparison.Ordinal)), string.Join("\n", lines));
            Assert.IsFalse(lines.Any(l => l.Contains("legacy", StringComparison.Ordinal)), string.Join("\n", lines));
            Assert.IsFalse(lines.Any(l => l.Contains("template.yaml", StringComparison.Ordinal)), string.Join("\n", lines));
            Assert.IsTrue(lines.Any(l => l.Contains("warning ECR001", StringComparison.Ordinal)), string.Join("\n", lines));
        }

        [TestMethod]
        public void ABrokenConfigurationFailsTheLintAtItsPosition()
        {
            Write(".shipshape.yaml", "rules:\n  IAM007: fatal\n");
            string policy = Write("policies/repository-policy.json", PublicPolicy);

            var (result, engine, _) = Lint(Item(policy));

            Assert.IsFalse(result);
            var error = engine.CanonicalLines().Single();
            StringAssert.Contains(error, ".shipshape.yaml(2,11,0,0): error LINT001: Invalid Shipshape configuration:");
        }

        [TestMethod]
        public void LintWritesFindingsAndLogsNone_ReportLogsThemWithFullLocationAndHelpLink()
        {
            string policy = Write("policies/repository-policy.json", PublicPolicy);
            var (result, lintEngine, cache) = Lint(Item(policy));

            Assert.IsTrue(result);
            Assert.IsEmpty(lintEngine.Errors);
            Assert.IsEmpty(lintEngine.Warnings);
            Assert.AreEqual(FindingsCache.Header, File.ReadAllLines(cache)[0]);

            var engine = Report(cache, expectSuccess: false);
            CollectionAssert.AreEqual(new[]
            {
                policy + "(7,20,7,23): error ECR001: Statement 'Pull' allows any principal, anonymous callers included, to access this repository without a condition that limits it to your organisation, accounts or VPC endpoints.",
                policy + "(8,18,8,34): error IAM006: Action 'ecr: Put Image' is malformed: it contains whitespace.",
                policy + "(8,36,8,56): warning IAM007: Action 'ecr:BatchGetImages' does not exist: did you mean 'ecr:BatchGetImage'?",
            }, engine.CanonicalLines().ToList());
            Assert.AreEqual("https://github.com/shipshape-lint/shipshape/blob/main/docs/rules/ECR001.md", engine.Errors[0].HelpLink);
            Assert.AreEqual("https://github.com/shipshape-lint/shipshape/blob/main/docs/rules/IAM007.md", engine.Warnings[0].HelpLink);
        }

        [TestMethod]
        public void NotesAreHighImportanceMessagesWithTheirLocation_BracesInMessagesSurvive()
        {
            string policy = Write("registry-policy.json", OldVersionPolicy);
            var engine = Report(Lint(Item(policy)).Cache);

            var note = engine.Messages.Single(m => m.Code == "IAM003");
            Assert.AreEqual(MessageImportance.High, note.Importance);
            Assert.AreEqual(policy, note.File);
            Assert.AreEqual(2, note.LineNumber);
            Assert.AreEqual(14, note.ColumnNumber);
            Assert.AreEqual(2, note.EndLineNumber);
            Assert.AreEqual(26, note.EndColumnNumber);
            StringAssert.Contains(note.Message, "${aws:username}");
        }

        [TestMethod]
        public void FilesFoundByGlobsThatAreNotOursAreSkippedQuietly()
        {
            string settings = Write("appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }");
            string tsconfig = Write("tsconfig.json", "{ // comments are not JSON\n \"compilerOptions\": {} }");
            string binary = Write("data.json", "\0\0\0");
            var (result, _, cache) = Lint(Item(settings), Item(tsconfig), Item(binary), Item(Path.Combine(_dir, "gone.json")));

            Assert.IsTrue(result);
            Assert.AreEqual(0, FindingsCache.Read(cache).Count);
        }

        [TestMethod]
        public void FilesTheProjectNamesAreAlwaysReportedOn()
        {
            string missing = Path.Combine(_dir, "policies", "missing-repository-policy.json");
            string binary = Write("data.json", "\0\0\0");
            var engine = Report(Lint(Item(missing, isDefault: false), Item(binary, isDefault: false)).Cache, expectSuccess: false);

            CollectionAssert.AreEquivalent(new[] { binary, missing }, engine.Errors.Select(e => e.File).ToList());
            Assert.IsTrue(engine.Errors.All(e => e.Code == "LINT001"));
        }

        [TestMethod]
        public void TheSameFileTwiceIsLintedOnce()
        {
            string policy = Write("repository-policy.json", PublicPolicy);
            var engine = Report(Lint(Item(policy), Item(policy, isDefault: false), Item(Path.Combine(_dir, ".", "repository-policy.json"))).Cache, expectSuccess: false);
            Assert.HasCount(2, engine.Errors);
            Assert.HasCount(1, engine.Warnings);
        }

        [TestMethod]
        public void ConfigurationFilesAboveTheLintedFilesAreListedAsDependencies()
        {
            string config = Write(".shipshape.yaml", "rules: {}\n");
            string nested = Write("deploy/nested/.shipshape.yaml", "rules: {}\n");
            string policy = Write("deploy/nested/repository-policy.json", PublicPolicy);
            Lint(Item(policy));

            var listed = File.ReadAllLines(Path.Combine(_dir, "obj", "shipshape", "config-files.txt"));
            CollectionAssert.IsSubsetOf(new[] { config, nested }, listed);
        }

        [TestMethod]
        public void AMissingConfigurationFileNamedByTheProjectFailsTheLint()
        {
            string policy = Write("repository-policy.json", PublicPolicy);
            var engine = new FakeBuildEngine();
            var task = new ShipshapeLint { BuildEngine = engine, Files = new[] { Item(policy) }, CacheFile = Path.Combine(_dir, "findings.txt"), ConfigFile = Path.Combine(_dir, "nope.yaml") };

            Assert.IsFalse(task.Execute());
            Assert.AreEqual("LINT001", engine.Errors.Single().Code);
            Assert.IsFalse(File.Exists(Path.Combine(_dir, "findings.txt")), "no stamp, so the next build tries again");
        }

        [TestMethod]
        public void NoWarnSuppressesAnySeverity()
        {
            string cache = Lint(Item(Write("repository-policy.json", PublicPolicy)), Item(Write("registry-policy.json", OldVersionPolicy))).Cache;
            var engine = Report(cache, noWarn: "1701;1702, ECR001 ;iam006;IAM007;IAM003");
            Assert.AreEqual(0, engine.CanonicalLines().Count());
        }

        [TestMethod]
        public void TreatWarningsAsErrorsPromotesWarningsButNotNotes_WarningsNotAsErrorsExempts()
        {
            string cache = Lint(Item(Write("registry-policy.json", OldVersionPolicy.Replace("ecr:ReplicateImage", "ecr:ReplicateImages")))).Cache;

            var promoted = Report(cache, treatWarningsAsErrors: true, expectSuccess: false);
            Assert.AreEqual("IAM007", promoted.Errors.Single().Code);
            Assert.IsEmpty(promoted.Warnings);
            Assert.AreEqual("IAM003", promoted.Messages.Single(m => m.Code != null).Code);

            var exempt = Report(cache, treatWarningsAsErrors: true, warningsNotAsErrors: "IAM007");
            Assert.IsEmpty(exempt.Errors);
            Assert.AreEqual("IAM007", exempt.Warnings.Single().Code);
        }

        [TestMethod]
        public void WarningsAsErrorsPromotesTheNamedWarningsOnly()
        {
            string cache = Lint(Item(Write("registry-policy.json", OldVersionPolicy.Replace("ecr:ReplicateImage", "ecr:ReplicateImages")))).Cache;
            var engine = Report(cache, warningsAsErrors: "NU1605;IAM007;IAM003", expectSuccess: false);
            Assert.AreEqual("IAM007", engine.Errors.Single().Code);
            Assert.AreEqual("IAM003", engine.Messages.Single(m => m.Code != null).Code, "notes are never promoted");
        }

        [TestMethod]
        public void AnUnreadableCacheIsAnErrorThatSaysWhatToDo()
        {
            string cache = Write("obj/shipshape/findings.txt", "something else\n");
            var engine = Report(cache, expectSuccess: false);
            StringAssert.Contains(engine.Errors.Single().Message, "delete obj/");
        }

        [TestMethod]
        public void CacheRoundTripsTabsNewlinesAndBackslashes()
        {
            string cache = Path.Combine(_dir, "findings.txt");
            var finding = new CachedFinding("warning", "IAM007", "https://example/IAM007.md", "C:\\repo\\a\tb.json", 3, 4, 5, 6, "line\none\twith \\ and \r end");
            FindingsCache.Write(cache, new[] { finding });

            var read = FindingsCache.Read(cache).Single();
            Assert.AreEqual(finding.File, read.File);
            Assert.AreEqual(finding.Message, read.Message);
            Assert.AreEqual((3, 4, 5, 6), (read.Line, read.Column, read.EndLine, read.EndColumn));
        }

        [TestMethod]
        public void SdkListsAcceptSemicolonsCommasAndSpaces()
        {
            var set = DiagnosticPolicy.ParseList(" CS1591;NU1605 ,\nIAM007;; ");
            CollectionAssert.AreEquivalent(new[] { "CS1591", "NU1605", "IAM007" }, set.ToList());
            Assert.IsTrue(set.Contains("iam007"));
        }

        private string[] AnalyzerFiles(string? configFile, params string[] sources)
        {
            var engine = new FakeBuildEngine();
            var task = new ShipshapeAnalyzerFiles { BuildEngine = engine, Sources = sources.Select(s => (ITaskItem)new TaskItem(Path.Combine(_dir, s))).ToArray(), ConfigFile = configFile };
            Assert.IsTrue(task.Execute());
            Assert.IsEmpty(engine.CanonicalLines());
            return task.Files.Select(f => Path.GetRelativePath(_dir, f.ItemSpec).Replace('\\', '/')).ToArray();
        }

        [TestMethod]
        public void TheAnalyzersGetTheConfigChainAboveEachCSharpFolderAndTheBaselinesNamed()
        {
            Write(".shipshape.yaml", "rules:\n  IAM007: off\n");                           // above the root: not needed
            Write("repo/.shipshape.yaml", "root: true\nbaseline: ci/baseline.json\n");
            Write("repo/ci/baseline.json", "{\"version\": 1, \"findings\": []}");
            Write("repo/app/.shipshape.yaml", "baseline: missing.json\n");                  // a missing baseline: the analyzers report it
            Write("repo/app/Stacks/.shipshape.yaml", "rules:\n  ECR001: warning\n");
            Write("repo/lib/.shipshape.yaml", "rules:\n  IAM007: fatal\n");                // broken: passed on, the walk stops there
            Write("repo/other/.shipshape.yaml", "rules: {}\n");                             // no C# below it

            CollectionAssert.AreEqual(new[] { "repo/.shipshape.yaml", "repo/app/.shipshape.yaml", "repo/app/Stacks/.shipshape.yaml", "repo/ci/baseline.json", "repo/lib/.shipshape.yaml" },
                AnalyzerFiles(null, "repo/app/Stacks/WebStack.cs", "repo/app/Program.cs", "repo/lib/Util.cs"));
        }

        [TestMethod]
        public void AnExplicitConfigIsTheOnlyOneTheAnalyzersGet()
        {
            Write("repo/.shipshape.yaml", "root: true\n");
            Write("ci/strict.yaml", "baseline: strict-baseline.json\n");
            Write("ci/strict-baseline.json", "{\"version\": 1, \"findings\": []}");

            CollectionAssert.AreEqual(new[] { "ci/strict-baseline.json", "ci/strict.yaml" }, AnalyzerFiles(Path.Combine(_dir, "ci", "strict.yaml"), "repo/Stack.cs"));
            Assert.IsEmpty(AnalyzerFiles(Path.Combine(_dir, "ci", "missing.yaml"), "repo/Stack.cs"));
        }
    }
}
