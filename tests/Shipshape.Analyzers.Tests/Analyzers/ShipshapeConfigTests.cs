using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    /// <summary>
    /// .shipshape.yaml in the analyzer host: the same file the CLI and the MSBuild task read, as an additional file
    /// (the package adds it). Severities, off, include/exclude, rule options, the baseline it names, Roslyn's own
    /// settings winning, and broken configurations as LINT001 at the offending key (never AD0001).
    /// </summary>
    [TestClass]
    public sealed class ShipshapeConfigTests
    {
        private const string Config = "/0/.shipshape.yaml";

        private const string Statement = @"
        var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|#0:""ecr:BatchGetImages""|} } });";

        private static CdkAnalyzerTest<PolicyStatementAnalyzer> Statements(params (string Path, string Text)[] additionalFiles)
        {
            var test = new CdkAnalyzerTest<PolicyStatementAnalyzer>(Fixture.InStack(Statement));
            foreach (var file in additionalFiles) test.TestState.AdditionalFiles.Add((file.Path, SourceText.From(file.Text)));
            return test;
        }

        private static DiagnosticResult Iam007(DiagnosticSeverity severity) => new DiagnosticResult("IAM007", severity).WithLocation(0);

        [TestMethod]
        public Task WithoutAConfigTheCatalogueSeverityApplies()
        {
            var test = Statements();
            test.ExpectedDiagnostics.Add(Iam007(DiagnosticSeverity.Warning));
            return test.RunAsync();
        }

        [TestMethod]
        public Task OffReportsNothing()
            => Statements((Config, "rules:\n  IAM007: off\n")).RunAsync();

        [TestMethod]
        [DataRow("error", DiagnosticSeverity.Error)]
        [DataRow("note", DiagnosticSeverity.Info)]
        [DataRow("{severity: error, exclude: [\"other/**\"]}", DiagnosticSeverity.Error)]
        public Task AConfiguredSeverityIsTheEffectiveSeverity(string setting, DiagnosticSeverity expected)
        {
            var test = Statements((Config, "rules:\n  IAM007: " + setting + "\n"));
            test.ExpectedDiagnostics.Add(Iam007(expected));
            return test.RunAsync();
        }

        [TestMethod]
        [DataRow("exclude: [\"Test0.cs\"]")]
        [DataRow("exclude: [\"*.cs\"]")]
        [DataRow("include: [\"infra/**\"]")]
        [DataRow("rules:\n  IAM007:\n    exclude: [\"Test*.cs\"]")]
        public Task ExcludedAndNotIncludedFilesReportNothing(string setting)
            => Statements((Config, setting + "\n")).RunAsync();

        [TestMethod]
        public Task TheNearestConfigWinsAndRootStops()
        {
            var test = Statements(
                ("/.shipshape.yaml", "rules:\n  IAM007: off\n  IAM006: off\n"),      // above the root: never read
                ("/0/.shipshape.yaml", "root: true\nrules:\n  IAM007: error\n"),
                ("/0/sub/.shipshape.yaml", "rules:\n  IAM007: off\n"));              // below the file: does not apply
            test.ExpectedDiagnostics.Add(Iam007(DiagnosticSeverity.Error));
            return test.RunAsync();
        }

        [TestMethod]
        public Task AFartherConfigAppliesWhereTheNearerOneIsSilent()
            => Statements(("/.shipshape.yaml", "rules:\n  IAM007: off\n"), (Config, "rules:\n  IAM006: error\n")).RunAsync();

        [TestMethod]
        public Task EditorConfigSeverityWinsOverTheConfiguredOne()
        {
            var test = Statements((Config, "rules:\n  IAM007: error\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.IAM007.severity = suggestion\n"));
            test.ExpectedDiagnostics.Add(Iam007(DiagnosticSeverity.Info));
            return test.RunAsync();
        }

        // (Roslyn raises a warning to an error by marking it IsWarningAsError, not by changing Severity, so these tests
        // change severities in ways the test harness can compare.)
        [TestMethod]
        [DataRow("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.IAM007.severity = warning\n", DiagnosticSeverity.Warning)]
        [DataRow("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.IAM007.severity = suggestion\n", DiagnosticSeverity.Info)]
        [DataRow("/.globalconfig", "is_global = true\ndotnet_diagnostic.IAM007.severity = suggestion\n", DiagnosticSeverity.Info)]
        public Task RoslynSeverityTurnsARuleTheConfigSwitchedOffBackOn(string path, string text, DiagnosticSeverity expected)
        {
            var test = Statements((Config, "rules:\n  IAM007: off\n"));
            test.TestState.AnalyzerConfigFiles.Add((path, text));
            test.ExpectedDiagnostics.Add(Iam007(expected));
            return test.RunAsync();
        }

        [TestMethod]
        public Task GlobalConfigSeverityWinsOverTheConfiguredOne()
        {
            var test = Statements((Config, "rules:\n  IAM007: error\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.IAM007.severity = suggestion\n"));
            test.ExpectedDiagnostics.Add(Iam007(DiagnosticSeverity.Info));
            return test.RunAsync();
        }

        [TestMethod]
        public Task EditorConfigNoneStillSilencesWhatTheConfigRaises()
        {
            var test = Statements((Config, "rules:\n  IAM007: error\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.IAM007.severity = none\n"));
            return test.RunAsync();
        }

        [TestMethod]
        public async Task TrustedAccountsReachTheRuleThroughTheConfig()
        {
            const string Grants = @"
        var repository = new Repository(this, ""Repo"");
        repository.{|ECR002:GrantPullPush|}(new AccountPrincipal(""111122223333""));
        repository.GrantPullPush(new AccountPrincipal(""444455556666""));";
            var test = new CdkAnalyzerTest<RepositoryPolicyAnalyzer>(Fixture.InStack(Grants));
            test.TestState.AdditionalFiles.Add((Config, "rules:\n  ECR002:\n    options:\n      trusted-accounts: [\"444455556666\"]\n"));
            await test.RunAsync();

            var none = new CdkAnalyzerTest<RepositoryPolicyAnalyzer>(Fixture.InStack(Grants.Replace("{|ECR002:GrantPullPush|}", "GrantPullPush")));
            none.TestState.AdditionalFiles.Add((Config, "rules:\n  ECR002:\n    options:\n      trusted-accounts: [\"444455556666\", 111122223333]\n"));
            await none.RunAsync();
        }

        [TestMethod]
        public Task AConfigErrorIsLint001AtTheOffendingValueAndTheCSharpIsNotReported()
        {
            var all = new CdkAnalyzerTest<ConfigurationAnalyzer>(Fixture.InStack(Statement.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)));
            all.TestState.AdditionalFiles.Add((Config, "rules:\n  IAM007:\n    severity: {|#1:fatal|}\n  {|#2:ECR999|}: off\n"));
            all.ExpectedDiagnostics.Add(new DiagnosticResult("LINT001", DiagnosticSeverity.Error).WithLocation(1)
                .WithArguments("Invalid Shipshape configuration: severity must be one of: error, warning, note, off; not 'fatal'"));
            all.ExpectedDiagnostics.Add(new DiagnosticResult("LINT001", DiagnosticSeverity.Error).WithLocation(2)
                .WithArguments("Invalid Shipshape configuration: unknown rule 'ECR999' (run 'shipshape rules' for the list)"));
            return all.RunAsync();
        }

        [TestMethod]
        public async Task BrokenConfigsAndBaselinesNeverThrowAndSilenceOnlyTheirFiles()
        {
            foreach (var (config, baseline) in new[]
            {
                ("rules: [", (string?)null),
                ("rules:\n  IAM007: off\n---\nroot: true\n", null),
                ("\t- not: [yaml", null),
                ("rules:\n  IAM007:\n    options: {x: 1}\n", null),
                ("baseline: missing.json\n", null),
                ("baseline: b.json\n", "{\"version\": 1, \"findings\": [{\"ruleId\": \"IAM007\"}]}"),
                ("baseline: b.json\n", "not json"),
                ("baseline: b.json\n", "{\"version\": 2, \"findings\": []}"),
                ("", null),
            })
            {
                var files = new List<(string, string)> { (Config, config) };
                if (baseline != null) files.Add(("/0/b.json", baseline));
                var (diagnostics, exceptions) = await RunAllAsync(Fixture.InStack(Statement.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)), files.ToArray());
                Assert.IsEmpty(exceptions, config);
                Assert.IsFalse(diagnostics.Any(d => d.Id == "AD0001"), config);
                var ids = diagnostics.Select(d => d.Id).Distinct().ToList();
                if (config.Length == 0)
                {
                    CollectionAssert.AreEqual(new[] { "IAM007" }, ids, "an empty config is the defaults");
                    continue;
                }
                CollectionAssert.AreEqual(new[] { "LINT001" }, ids, config + " → " + string.Join("\n", diagnostics));
                var lint = diagnostics.First(d => d.Id == "LINT001");
                Assert.IsTrue(lint.Location.GetLineSpan().Path is "/0/.shipshape.yaml" or "/0/b.json", lint.ToString());
            }
        }

        [TestMethod]
        public async Task AMissingBaselineIsReportedAtTheBaselineKey()
        {
            var (diagnostics, _) = await RunAllAsync(Fixture.InStack(Statement.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)),
                (Config, "root: true\nbaseline: ci/missing.json\n"));
            var lint = diagnostics.Single();
            Assert.AreEqual("/0/.shipshape.yaml: (1,10)-(1,25)", lint.Location.GetLineSpan().ToString());
            StringAssert.StartsWith(lint.GetMessage(), "Invalid Shipshape configuration: no such baseline file: /0/ci/missing.json");
        }

        [TestMethod]
        public async Task AMissingExplicitConfigIsACompilationLevelLint001()
        {
            var tree = CSharpSyntaxTree.ParseText(Fixture.InStack(Statement.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)), path: "/0/Test0.cs");
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty,
                new GlobalOptionsProvider(new Dictionary<string, string> { ["build_property.ShipshapeConfigFullPath"] = "/ci/strict.yaml" }));
            var (diagnostics, exceptions) = await RunAsync(tree, options);
            Assert.IsEmpty(exceptions);
            var lint = diagnostics.Single();
            Assert.AreEqual(Location.None, lint.Location);
            Assert.AreEqual("Invalid Shipshape configuration: /ci/strict.yaml:1:1: no such configuration file", lint.GetMessage());
        }

        [TestMethod]
        public async Task AnExplicitConfigReplacesTheSearch()
        {
            var tree = CSharpSyntaxTree.ParseText(Fixture.InStack(Statement.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)), path: "/0/Test0.cs");
            var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(
                    new TextFile(Config, "rules:\n  IAM007: error\n"),
                    new TextFile("/ci/strict.yaml", "rules:\n  IAM007: note\n")),
                new GlobalOptionsProvider(new Dictionary<string, string> { ["build_property.ShipshapeConfigFullPath"] = "/ci/strict.yaml" }));
            var (diagnostics, _) = await RunAsync(tree, options);
            Assert.AreEqual("IAM007 Info", string.Join(", ", diagnostics.Select(d => d.Id + " " + d.Severity)));
        }

        /// <summary>
        /// The whole baseline story for C#: a first build with an empty baseline gives each finding its entry (in the
        /// diagnostic's properties, so the compiler's SARIF log carries it); once recorded, the finding is not reported,
        /// also after edits above and below it in the same method; a changed token or a new finding is reported.
        /// </summary>
        [TestMethod]
        public async Task BaselineEntriesSurviveEditsAboveAndBelowButNotChangesToTheFinding()
        {
            const string Body = @"
        var repository = new Repository(this, ""Repo"");
        repository.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { ""ecr:BatchGetImages"", ""ecr:PutImage"" },
            Principals = new IPrincipal[] { new AccountPrincipal(""444455556666"") },
        }));";
            const string ConfigText = "root: true\nbaseline: shipshape-baseline.json\n";
            string empty = "{\"version\": 1, \"findings\": []}";
            var (first, _) = await RunAllAsync(Fixture.InStack(Body), (Config, ConfigText), ("/0/shipshape-baseline.json", empty));
            CollectionAssert.IsSubsetOf(new[] { "ECR002", "IAM007" }, first.Select(d => d.Id).ToList(), string.Join("\n", first));
            var entries = first.Select(d => new Shipshape.Baselines.BaselineEntry(d.Id, "Test0.cs", d.Properties[CdkAnalyzer.BaselineLocationProperty]!,
                d.Properties[CdkAnalyzer.FingerprintProperty]!, d.GetMessage())).ToList();
            // Where the construct lives, not the line.
            Assert.AreEqual("Test0.cs:AppStack..ctor/repository.AddToResourcePolicy(PolicyStatement)", first.Single(d => d.Id == "IAM007").Properties[CdkAnalyzer.BaselineLocationProperty]);
            Assert.AreEqual("Test0.cs:AppStack..ctor/repository.AddToResourcePolicy(PolicyStatement)", first.Single(d => d.Id == "ECR002").Properties[CdkAnalyzer.BaselineLocationProperty]);
            foreach (var setting in first.Where(d => d.Id.StartsWith("ECR01", System.StringComparison.Ordinal)))
                Assert.AreEqual("Test0.cs:AppStack..ctor/Repository(\"Repo\")", setting.Properties[CdkAnalyzer.BaselineLocationProperty], setting.ToString());
            string baseline = new Shipshape.Baselines.Baseline("/0/shipshape-baseline.json", entries).Serialize();

            var (same, _) = await RunAllAsync(Fixture.InStack(Body), (Config, ConfigText), ("/0/shipshape-baseline.json", baseline));
            Assert.IsEmpty(same, string.Join("\n", same));

            string edited = Fixture.InStack("\n        var before = \"above\";\n\n        _ = before;\n" + Body + "\n        var after = 42;\n        _ = after;",
                members: "    private static int Unrelated() => 42;\n");
            var (afterEdits, _) = await RunAllAsync(edited, (Config, ConfigText), ("/0/shipshape-baseline.json", baseline));
            Assert.IsEmpty(afterEdits, string.Join("\n", afterEdits));

            var (changed, _) = await RunAllAsync(Fixture.InStack(Body.Replace("ecr:BatchGetImages", "ecr:BatchGetImagez")), (Config, ConfigText), ("/0/shipshape-baseline.json", baseline));
            // ECR002 points at the whole Actions list, whose text changed too.
            CollectionAssert.AreEquivalent(new[] { "IAM007", "ECR002" }, changed.Select(d => d.Id).ToList(), string.Join("\n", changed));

            string withNew = Fixture.InStack(Body + "\n        new PolicyStatement(new PolicyStatementProps { Actions = new[] { \"ecr:BatchGetImages\" } });");
            var (added, _) = await RunAllAsync(withNew, (Config, ConfigText), ("/0/shipshape-baseline.json", baseline));
            int newLine = withNew.Split('\n').ToList().FindIndex(l => l.TrimStart().StartsWith("new PolicyStatement(", System.StringComparison.Ordinal));
            Assert.AreEqual("IAM007 " + newLine, string.Join(", ", added.Select(d => d.Id + " " + d.Location.GetLineSpan().StartLinePosition.Line)), string.Join("\n", added));
        }

        private static Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions)> RunAllAsync(string source, params (string Path, string Text)[] additionalFiles)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs");
            var options = new AnalyzerOptions(additionalFiles.Select(f => (AdditionalText)new TextFile(f.Path, f.Text)).ToImmutableArray());
            return RunAsync(tree, options);
        }

        private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions)> RunAsync(SyntaxTree tree, AnalyzerOptions analyzerOptions)
        {
            var compilation = CSharpCompilation.Create("Fixture", new[] { tree }, CdkReferences.WithCdk,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Compile.AssertNoErrors(compilation);
            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(analyzerOptions,
                (exception, analyzer, _) => { lock (exceptions) exceptions.Add(analyzer.GetType().Name + ": " + exception); },
                concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Shipped(), options).GetAllDiagnosticsAsync(CancellationToken.None);
            var ours = diagnostics.Where(d => !d.Id.StartsWith("CS", System.StringComparison.Ordinal) && !d.Id.StartsWith("CA", System.StringComparison.Ordinal)).ToImmutableArray();
            return (ours, exceptions);
        }

        private sealed class TextFile : AdditionalText
        {
            private readonly SourceText _text;

            public TextFile(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options _global;

            public GlobalOptionsProvider(Dictionary<string, string> values) => _global = new Options(values);

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

            private sealed class Options : AnalyzerConfigOptions
            {
                public static readonly Options Empty = new Options(new Dictionary<string, string>());

                private readonly Dictionary<string, string> _values;

                public Options(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                    => _values.TryGetValue(key, out value);
            }
        }
    }
}
