using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Shipshape.Package.Tests
{
    /// <summary>
    /// The package for real: packs src/Package (what `dotnet pack Lint.sln` packs as Shipshape) into a local
    /// feed once, copies the sample consumers (Consumers/: a C# project, a Microsoft.Build.NoTargets project)
    /// to a temporary folder with an isolated NuGet cache, and runs `dotnet build -nodeReuse:false` on them.
    /// </summary>
    [TestClass]
    public sealed class PackageIntegrationTests
    {
        private static readonly Regex CanonicalLine = new Regex(@"^\s*(\d+>)?(?<line>.+\(\d+,\d+,\d+,\d+\): (error|warning|message) [A-Z]+\d+: .*?)( \[[^\]]+\])?$", RegexOptions.Compiled);

        private static string _work = string.Empty;
        private static string _feed = string.Empty;
        private static string _packages = string.Empty;
        private static string _consumers = string.Empty;
        private static string _version = string.Empty;

        private static string App => Path.Combine(_consumers, "app");
        private static string Infra => Path.Combine(_consumers, "infra");
        private static string Multi => Path.Combine(_consumers, "multi");
        private static string Cdk => Path.Combine(_consumers, "cdk");

        [ClassInitialize]
        public static void PackAndRestore(TestContext context)
        {
            _ = context;
            _work = Path.Combine(Path.GetTempPath(), "shipshape-package-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            _feed = Path.Combine(_work, "feed");
            _packages = Path.Combine(_work, "packages");
            _consumers = Path.Combine(_work, "consumers");
            Directory.CreateDirectory(_feed);

            string root = RepositoryRoot();
            var pack = DotnetProcess.Run(root, null, "pack", Path.Combine(root, "src", "Package", "Package.csproj"), "-c", "Release", "-o", _feed, "-nodeReuse:false", "-tl:off", "-v:m");
            Assert.AreEqual(0, pack.ExitCode, pack.ToString());
            string nupkg = Directory.GetFiles(_feed, "Shipshape.*.nupkg").Single();
            _version = Path.GetFileNameWithoutExtension(nupkg).Substring("Shipshape.".Length);

            CopyFolder(Path.Combine(root, "tests", "Shipshape.Package.Tests", "Consumers"), _consumers);
            // Stop MSBuild's upward search for Directory.Build.* at the consumers' folder; pin the package version.
            File.WriteAllText(Path.Combine(_consumers, "Directory.Build.props"),
                "<Project><PropertyGroup><ShipshapePackageVersion>" + _version + "</ShipshapePackageVersion></PropertyGroup></Project>\n");
            File.WriteAllText(Path.Combine(_consumers, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(_consumers, "nuget.config"), NuGetConfig());

            foreach (string project in new[] { App, Infra, Multi })
            {
                var restore = DotnetProcess.Run(project, _packages, "restore", "-nodeReuse:false", "-tl:off", "-v:m");
                Assert.AreEqual(0, restore.ExitCode, restore.ToString());
            }
        }

        [ClassCleanup]
        public static void DeleteWork()
        {
            if (Environment.GetEnvironmentVariable("SHIPSHAPE_KEEP_TEST_DIRS") == "1" || !Directory.Exists(_work)) return;
            try { Directory.Delete(_work, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        /// <summary>The local feed for Shipshape only; everything else from the machine's NuGet cache (as a feed) or nuget.org.</summary>
        private static string NuGetConfig()
        {
            string userCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
                ? p
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            bool hasCache = Directory.Exists(userCache);
            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n"
                + "  <packageSources>\n    <clear />\n"
                + "    <add key=\"local\" value=\"" + _feed + "\" />\n"
                + (hasCache ? "    <add key=\"machine-cache\" value=\"" + userCache + "\" />\n" : string.Empty)
                + "    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />\n"
                + "  </packageSources>\n"
                + "  <packageSourceMapping>\n"
                + "    <packageSource key=\"local\"><package pattern=\"Shipshape\" /></packageSource>\n"
                + (hasCache ? "    <packageSource key=\"machine-cache\"><package pattern=\"*\" /></packageSource>\n" : string.Empty)
                + "    <packageSource key=\"nuget.org\"><package pattern=\"*\" /></packageSource>\n"
                + "  </packageSourceMapping>\n</configuration>\n";
        }

        private static DotnetResult Build(string project, params string[] extra)
        {
            var args = new List<string> { "build", "--no-restore", "-nodeReuse:false", "-tl:off" };
            args.AddRange(extra);
            return DotnetProcess.Run(project, _packages, args.ToArray());
        }

        /// <summary>The canonical finding lines of a build, in order, without the summary MSBuild repeats at the end.</summary>
        private static List<string> Findings(DotnetResult result)
        {
            var lines = new List<string>();
            foreach (string raw in result.Output.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                if (line.Trim() == "Build FAILED." || line.Trim() == "Build succeeded.") break;
                var match = CanonicalLine.Match(line);
                if (match.Success) lines.Add(match.Groups["line"].Value);
            }
            return lines;
        }

        private static string AppFile(string relative) => Path.Combine(App, relative.Replace('/', Path.DirectorySeparatorChar));

        private static string[] AppLines() => new[]
        {
            AppFile("cdk.out/AppStack.template.json") + "(14,62,14,65): error ECR001: Statement 'Pull' allows any principal, anonymous callers included, to access this repository without a condition that limits it to your organisation, accounts or VPC endpoints.",
            AppFile("policies/repository-policy.json") + "(7,20,7,23): error ECR001: Statement 'Pull' allows any principal, anonymous callers included, to access this repository without a condition that limits it to your organisation, accounts or VPC endpoints.",
            AppFile("policies/repository-policy.json") + "(8,18,8,34): error IAM006: Action 'ecr: Put Image' is malformed: it contains whitespace.",
            AppFile("policies/repository-policy.json") + "(8,36,8,56): warning IAM007: Action 'ecr:BatchGetImages' does not exist: did you mean 'ecr:BatchGetImage'?",
            Path.Combine(_consumers, "shared-policies", "repository-policy.json") + "(4,121,4,164): message ECR002: Statement 'CrossAccountPush' lets account 444455556666 push, delete or change permissions: ecr:InitiateLayerUpload, ecr:PutImage.",
        };

        private static string[] InfraLines(string iam007) => new[]
        {
            Path.Combine(Infra, "registry-policy.json") + "(2,14,2,26): message IAM003: 'Version' is 2008-10-17: policy variables such as ${aws:username} or ${aws:PrincipalTag/team} are not substituted, they stay literal text and match nothing. Add \"Version\": \"2012-10-17\".",
            Path.Combine(Infra, "registry-policy.json") + "(8,40,8,61): " + iam007 + " IAM007: Action 'ecr:CreateRepositry' does not exist: did you mean 'ecr:CreateRepository'?",
            Path.Combine(Infra, "repository.yaml") + "(24,17,24,37): " + iam007 + " IAM007: Action 'ecr:UploadLayerParts' does not exist: did you mean 'ecr:UploadLayerPart'?",
        };

        [TestMethod]
        public void ThePackageHoldsTheTaskForBothRuntimesAndTheBuildFiles()
        {
            string nupkg = Path.Combine(_feed, "Shipshape." + _version + ".nupkg");
            using var zip = ZipFile.OpenRead(nupkg);
            var entries = zip.Entries.Select(e => e.FullName)
                .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
                .OrderBy(n => n, StringComparer.Ordinal).ToList();
            var expected = new List<string>
            {
                "README.md", "Shipshape.nuspec",
                "build/Shipshape.props", "build/Shipshape.targets", "build/Shipshape.version.props",
                "buildMultiTargeting/Shipshape.props", "buildMultiTargeting/Shipshape.targets",
                "buildTransitive/Shipshape.props", "buildTransitive/Shipshape.targets",
            };
            foreach (string tfm in new[] { "net472", "net8.0" })
                expected.AddRange(new[] { "Shipshape.Core.dll", "Shipshape.MsBuildTask.dll", "YamlDotNet.dll" }.Select(f => "tasks/" + tfm + "/" + f));
            // The analyzers, their code fixes and their dependencies, and nothing else.
            expected.AddRange(new[] { "Shipshape.Analyzers.dll", "Shipshape.Analyzers.CodeFixes.dll", "Shipshape.Core.dll", "YamlDotNet.dll" }.Select(f => "analyzers/dotnet/cs/" + f));
            // Never the hosts' own assemblies: the compiler and MSBuild bring theirs.
            Assert.IsFalse(entries.Any(n => n.Contains("/Microsoft.CodeAnalysis", StringComparison.Ordinal) || n.Contains("/Microsoft.Build", StringComparison.Ordinal)), string.Join("\n", entries));
            CollectionAssert.AreEqual(expected.OrderBy(n => n, StringComparer.Ordinal).ToList(), entries, string.Join("\n", entries));

            using (var nuspec = zip.GetEntry("Shipshape.nuspec")!.Open())
            {
                var doc = XDocument.Load(nuspec);
                XNamespace ns = doc.Root!.Name.Namespace;
                var metadata = doc.Root.Element(ns + "metadata")!;
                Assert.AreEqual("true", metadata.Element(ns + "developmentDependency")?.Value);
                Assert.IsNull(metadata.Element(ns + "dependencies"), "everything is bundled: no dependencies");
            }

            // Visual Studio loads the net472 flavour on .NET Framework: it must bind to MSBuild 15.1 (every VS 2017+ MSBuild) and nothing newer.
            using var stream = new MemoryStream();
            using (var dll = zip.GetEntry("tasks/net472/Shipshape.MsBuildTask.dll")!.Open()) dll.CopyTo(stream);
            stream.Position = 0;
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h))
                .ToDictionary(r => reader.GetString(r.Name), r => r.Version);
            Assert.AreEqual(new Version(15, 1, 0, 0), references["Microsoft.Build.Framework"]);
            Assert.AreEqual(new Version(15, 1, 0, 0), references["Microsoft.Build.Utilities.Core"]);
            Assert.IsTrue(references.ContainsKey("mscorlib"), "a .NET Framework assembly");
            Assert.IsTrue(references.ContainsKey("Shipshape.Core"));
        }

        [TestMethod]
        public void TheDotnetCliPicksTheCoreTaskAndTheVersionedStamp()
        {
            var result = DotnetProcess.Run(App, _packages, "msbuild", "-nodeReuse:false", "-getProperty:ShipshapeTaskAssembly", "-getProperty:ShipshapeVersion");
            Assert.AreEqual(0, result.ExitCode, result.ToString());
            StringAssert.Contains(result.Output.Replace('\\', '/'), "/tasks/net8.0/Shipshape.MsBuildTask.dll", result.ToString());
            StringAssert.Contains(result.Output, "\"ShipshapeVersion\": \"" + _version + "\"", result.ToString());
        }

        [TestMethod]
        public void CSharpProjectFailsWithTheExactCanonicalLinesEachOnce()
        {
            var result = Build(App);

            Assert.AreEqual(1, result.ExitCode, result.ToString());
            CollectionAssert.AreEqual(AppLines(), Findings(result), result.ToString());
            // Not ours (appsettings.json, a tsconfig.json with comments, cdk.out/manifest.json) or removed (excluded/): never mentioned.
            foreach (string quiet in new[] { "appsettings.json", "tsconfig.json", "manifest.json", "excluded" })
                Assert.IsFalse(result.Output.Contains(quiet, StringComparison.Ordinal), quiet + "\n" + result);
        }

        [TestMethod]
        public void AnUnchangedProjectIsNotLintedAgainButFailsOnTheSameErrors()
        {
            string policy = AppFile("policies/repository-policy.json");
            string original = File.ReadAllText(policy);
            var first = Build(App);
            Assert.AreEqual(1, first.ExitCode, first.ToString());
            string stamp = Path.Combine(App, "obj", "shipshape", "findings-" + _version + ".txt");
            Assert.IsTrue(File.Exists(stamp), "the stamp carries the package version");
            DateTime linted = File.GetLastWriteTimeUtc(stamp);

            var second = Build(App, "-v:n");
            Assert.AreEqual(1, second.ExitCode, second.ToString());
            StringAssert.Contains(second.Output, "Skipping target \"ShipshapeLint\" because all output files are up-to-date", second.ToString());
            CollectionAssert.AreEqual(AppLines(), Findings(second), second.ToString());
            Assert.AreEqual(linted, File.GetLastWriteTimeUtc(stamp));

            try
            {
                // An edited file re-lints: the typo fixed, its warning is gone.
                File.WriteAllText(policy, original.Replace("ecr:BatchGetImages", "ecr:BatchGetImage"));
                var edited = Build(App);
                Assert.AreEqual(1, edited.ExitCode, edited.ToString());
                CollectionAssert.AreEqual(AppLines().Where(l => !l.Contains("IAM007", StringComparison.Ordinal)).ToList(), Findings(edited), edited.ToString());

                // A changed set of files re-lints too (the list is an input), though no file is newer than the stamp.
                var fewer = Build(App, "-p:EnableDefaultShipshapeItems=false");
                CollectionAssert.AreEqual(AppLines().Where(l => l.Contains("shared-policies", StringComparison.Ordinal)).ToList(), Findings(fewer), fewer.ToString());
                Assert.AreEqual(0, fewer.ExitCode, fewer.ToString());

                // So does a configuration file appearing above the files.
                DateTime before = File.GetLastWriteTimeUtc(stamp);
                File.WriteAllText(Path.Combine(App, ".shipshape.yaml"), "# configuration\n");
                var configured = Build(App, "-p:EnableDefaultShipshapeItems=false");
                DateTime afterConfig = File.GetLastWriteTimeUtc(stamp);
                Assert.AreNotEqual(before, afterConfig, configured.ToString());

                // And its removal.
                File.Delete(Path.Combine(App, ".shipshape.yaml"));
                var unconfigured = Build(App, "-p:EnableDefaultShipshapeItems=false");
                Assert.AreNotEqual(afterConfig, File.GetLastWriteTimeUtc(stamp), unconfigured.ToString());
            }
            finally
            {
                File.WriteAllText(policy, original);
                File.Delete(Path.Combine(App, ".shipshape.yaml"));
            }
        }

        [TestMethod]
        public void AMultiTargetedProjectIsLintedOnceNotOncePerFramework()
        {
            var result = Build(Multi);
            Assert.AreEqual(1, result.ExitCode, result.ToString());
            CollectionAssert.AreEqual(new[]
            {
                Path.Combine(Multi, "repository-policy.json") + "(4,65,4,68): error ECR001: Statement 'Anyone' allows any principal, anonymous callers included, to access this repository without a condition that limits it to your organisation, accounts or VPC endpoints.",
            }, Findings(result), result.ToString());
        }

        [TestMethod]
        public void NoWarnInTheProjectSuppressesRulesOfAnySeverity()
        {
            var result = Build(App, "-p:TestNoWarn=ECR001%3BIAM006%3BECR002");
            Assert.AreEqual(0, result.ExitCode, result.ToString());
            CollectionAssert.AreEqual(AppLines().Where(l => l.Contains("IAM007", StringComparison.Ordinal)).ToList(), Findings(result), result.ToString());
        }

        [TestMethod]
        public void ShipshapeEnabledFalseSwitchesTheCheckOff()
        {
            var result = Build(App, "-p:ShipshapeEnabled=false");
            Assert.AreEqual(0, result.ExitCode, result.ToString());
            Assert.IsEmpty(Findings(result), result.ToString());
        }

        [TestMethod]
        [DataRow(new string[0], 0, "warning", DisplayName = "defaults: warnings stay warnings")]
        [DataRow(new[] { "-p:TreatWarningsAsErrors=true" }, 1, "error", DisplayName = "TreatWarningsAsErrors")]
        [DataRow(new[] { "-p:TreatWarningsAsErrors=true", "-p:WarningsNotAsErrors=IAM007" }, 0, "warning", DisplayName = "TreatWarningsAsErrors + WarningsNotAsErrors")]
        [DataRow(new[] { "-p:TestWarningsAsErrors=IAM007" }, 1, "error", DisplayName = "WarningsAsErrors in the project")]
        [DataRow(new[] { "-p:MSBuildTreatWarningsAsErrors=true" }, 1, "error", DisplayName = "MSBuildTreatWarningsAsErrors")]
        [DataRow(new[] { "-warnaserror" }, 1, "error", DisplayName = "dotnet build -warnaserror")]
        [DataRow(new[] { "-warnaserror", "-p:WarningsNotAsErrors=IAM007" }, 0, "warning", DisplayName = "-warnaserror + WarningsNotAsErrors")]
        [DataRow(new[] { "-p:MSBuildWarningsAsErrors=IAM007" }, 1, "error", DisplayName = "MSBuildWarningsAsErrors")]
        [DataRow(new[] { "-p:MSBuildTreatWarningsAsErrors=true", "-p:WarningsNotAsErrors=IAM007" }, 0, "warning", DisplayName = "MSBuildTreatWarningsAsErrors + WarningsNotAsErrors")]
        [DataRow(new[] { "-p:TreatWarningsAsErrors=true", "-p:NoWarn=IAM007" }, 0, null, DisplayName = "TreatWarningsAsErrors + NoWarn")]
        [DataRow(new[] { "-p:MSBuildWarningsAsMessages=IAM007" }, 0, null, DisplayName = "MSBuildWarningsAsMessages")]
        public void NoTargetsProjectHonoursTheWarningSwitches(string[] switches, int exitCode, string? iam007)
        {
            var result = Build(Infra, switches);
            Assert.AreEqual(exitCode, result.ExitCode, result.ToString());
            var expected = iam007 == null
                ? InfraLines("warning").Where(l => !l.Contains("IAM007", StringComparison.Ordinal)).ToList()
                : InfraLines(iam007).ToList();
            CollectionAssert.AreEqual(expected, Findings(result), result.ToString());
        }

        private static readonly Regex BuildLine = new Regex(@"^\s*(\d+>)?(?<line>.+\(\d+,\d+(,\d+,\d+)?\): (error|warning|message|info) [A-Z]+\d+: .*?)( \[[^\]]+\])?$", RegexOptions.Compiled);

        /// <summary>The task's and the compiler's finding lines, each once, sorted.</summary>
        private static List<string> AllFindings(DotnetResult result)
        {
            var lines = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string raw in result.Output.Split('\n'))
            {
                var match = BuildLine.Match(raw.TrimEnd('\r'));
                // The compiler adds the help link: "message (https://…)".
                if (match.Success) lines.Add(Regex.Replace(match.Groups["line"].Value, @" \(https://[^ ()]+\)$", string.Empty));
            }
            return lines.ToList();
        }

        /// <summary>
        /// One .shipshape.yaml for both surfaces of a C# CDK project: the package hands it (and the baseline it names)
        /// to the analyzers as AdditionalFiles, the task applies it to the JSON. IAM006 (an error in the catalogue) is
        /// a warning in the C# (without the config the build would fail); ECR015 is off; ECR014 is off too but
        /// .globalconfig turns it back on for C#; the baseline hides the JSON's ECR001 and IAM006. A second build with
        /// the C# findings' baseline entries added by `shipshape baseline --from-sarif` from the compiler's SARIF log reports
        /// only the JSON's IAM007.
        /// </summary>
        [TestMethod]
        public void ACdkProjectGetsTheConfigurationAndTheBaselineOnBothSurfaces()
        {
            var restore = DotnetProcess.Run(Cdk, _packages, "restore", "-nodeReuse:false", "-tl:off", "-v:m");
            Assert.AreEqual(0, restore.ExitCode, restore.ToString());
            string sarif = Path.Combine(Cdk, "obj", "compiler.sarif");
            string stack = Path.Combine(Cdk, "Stacks", "RegistryStack.cs");
            string json = Path.Combine(Cdk, "policies", "repository-policy.json");
            string jsonIam007 = json + "(8,36,8,56): warning IAM007: Action 'ecr:BatchGetImages' does not exist: did you mean 'ecr:BatchGetImage'?";

            var first = Build(Cdk, "-p:ErrorLog=" + sarif + "%2Cversion=2.1");

            Assert.AreEqual(0, first.ExitCode, first.ToString());
            Assert.IsFalse(Regex.IsMatch(first.Output, @"\b(AD0001|CS8032|CS8033|CS8034)\b"), first.ToString());
            CollectionAssert.AreEqual(new SortedSet<string>(StringComparer.Ordinal)
            {
                jsonIam007,
                stack + "(13,23): warning ECR014: Repository 'Web' does not set ImageTagMutability (default MUTABLE), so a tag can be pushed again to point at a different image. Set ImageTagMutability to IMMUTABLE, or IMMUTABLE_WITH_EXCLUSION with exclusion filters for the few tags that must move (such as latest).",
                stack + "(24,35): warning IAM006: Action 'ecr: BatchGetImage' is malformed: it contains whitespace.",
            }.ToList(), AllFindings(first), first.ToString());

            // The compiler's SARIF log carries each C# finding's baseline entry; record them as a user would.
            string baselineFile = Path.Combine(Cdk, "shipshape-baseline.json");
            string before = File.ReadAllText(baselineFile);
            var adopt = DotnetProcess.Run(Cdk, null, ShipshapeCli, "baseline", "--from-sarif", sarif, "--write", "shipshape-baseline.json");

            Assert.AreEqual(0, adopt.ExitCode, adopt.ToString());
            // ECR014 and IAM006 above, and ECR011: a note, which the build log does not print but SARIF keeps.
            Assert.AreEqual("shipshape: added 3 C# findings to the baseline shipshape-baseline.json\n", adopt.Output, adopt.ToString());
            string after = File.ReadAllText(baselineFile);
            CollectionAssert.AreEqual(new[] { "ECR011", "ECR014", "IAM006", "ECR001", "IAM006" },
                Regex.Matches(after, "\"ruleId\": \"([A-Z]+[0-9]+)\"").Select(m => m.Groups[1].Value).ToArray(), after);
            StringAssert.Contains(after, "\"path\": \"Stacks/RegistryStack.cs\",\n      \"location\": \"Cdk.Stacks.RegistryStack..ctor/Repository(\\\"Web\\\")\"");
            int entries = before.IndexOf("    {", StringComparison.Ordinal);
            StringAssert.Contains(after, before.Substring(entries, before.IndexOf("\n  ]\n}", StringComparison.Ordinal) - entries), "the JSON entries are kept");

            string secondSarif = Path.Combine(Cdk, "obj", "second.sarif");
            var second = Build(Cdk, "-p:ErrorLog=" + secondSarif + "%2Cversion=2.1");

            Assert.AreEqual(0, second.ExitCode, second.ToString());
            CollectionAssert.AreEqual(new[] { jsonIam007 }, AllFindings(second), second.ToString());
            // Not even the note: the second log holds no Shipshape result at all.
            var again = DotnetProcess.Run(Cdk, null, ShipshapeCli, "baseline", "--from-sarif", secondSarif, "--write", "shipshape-baseline.json");
            Assert.AreEqual("shipshape: added 0 C# findings to the baseline shipshape-baseline.json\n", again.Output, again.ToString());
            Assert.AreEqual(after, File.ReadAllText(baselineFile));
        }

        /// <summary>The CLI this repository builds (copied next to the tests by the project reference).</summary>
        private static string ShipshapeCli => Path.Combine(AppContext.BaseDirectory, "shipshape.dll");

        private static string RepositoryRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null)
            {
                if (File.Exists(Path.Combine(dir, "Lint.sln"))) return dir;
                dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            }
            throw new InvalidOperationException("Lint.sln was not found above " + AppContext.BaseDirectory);
        }

        private static void CopyFolder(string from, string to)
        {
            foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(from, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(p => p == "bin" || p == "obj")) continue;
                string target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
