using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.Build
{
    /// <summary>
    /// A real <c>dotnet build</c> of samples/cdk-app (a scratch copy) with the analyzers this test project was built with:
    /// the compiler loads them from disk with their dependencies and prints our findings in the canonical
    /// <c>file(line,col): warning ID: message</c> form. Skipped fast with SHIPSHAPE_SKIP_BUILD_TESTS=1, or when the
    /// CDK packages are not in the NuGet cache (offline); filter it out with <c>--filter "TestCategory!=build"</c>.
    /// </summary>
    [TestClass]
    public sealed class SampleBuildTests
    {
        private static readonly Regex Canonical = new Regex(@"^(?<file>.+?)\((?<line>\d+),(?<col>\d+)\): (?<severity>warning|error|info) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]*\])?$", RegexOptions.CultureInvariant);

        /// <summary>Rule, file, and the exact text in that file where its squiggle starts.</summary>
        private static readonly (string Rule, string File, string At)[] Expected =
        {
            ("ECR001", "RegistryStack.cs", "new AnyPrincipal()"),
            ("IAM008", "RegistryStack.cs", "PartnerAccount) }"),
            ("IAM006", "RegistryStack.cs", "\"ecr: BatchGetImage\""),
            ("IAM007", "RegistryStack.cs", "\"ecr:GetDownloadUrlForLayers\""),
            ("ECR003", "RegistryStack.cs", "Resources = new[] { web"),
            ("ECR002", "RegistryStack.cs", "GrantPullPush"),
            // The repository settings (ECR010-ECR016 through RepositoryAnalyzer); .globalconfig raises the ECR015 note to a warning.
            ("ECR010", "RegistryStack.cs", "new Repository(this, \"Web\""),
            ("ECR015", "RegistryStack.cs", "new Repository(this, \"Web\""),
            ("ECR010", "RegistryStack.cs", "new Repository(this, \"Worker\""),
            ("ECR013", "RegistryStack.cs", "new Repository(this, \"Worker\""),
            ("ECR014", "RegistryStack.cs", "new Repository(this, \"Worker\""),
            // EKS control-plane logging (EksClusterAnalyzer); the "Billing" cluster logs everything and has none.
            ("EKS001", "ClusterStacks.cs", "new Cluster(this, \"Sorting\""),
            ("EKS002", "ClusterStacks.cs", "new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT }"),
            // The ECS task definition with a plaintext password; its fixed twin reports nothing.
            ("ECS001", "ServiceStack.cs", "\"Tr0ub4dor&3\""),
        };

        [TestMethod]
        [TestCategory("build")]
        [Timeout(300_000, CooperativeCancellation = true)]
        public void DotnetBuildOfTheSampleAppPrintsOurDiagnosticsAtTheRightPlaces()
        {
            ScratchSample.SkipWhenOffline();
            string work = ScratchSample.NewFolder("shipshape-cdk-app-");
            try
            {
                ScratchSample.Copy(Path.Combine(RepositoryRoot.Path, "samples", "cdk-app"), work);
                string sarif = Path.Combine(work, "compiler-diagnostics.sarif");
                var (exitCode, output) = ScratchSample.Run(work, "build", "CdkApp.csproj", "-nodeReuse:false", "-p:UseSharedCompilation=false",
                    "-p:ShipshapeAnalyzerPath=" + AppContext.BaseDirectory, "-p:ErrorLog=" + sarif + "%2Cversion=2.1", "-v:minimal", "-clp:NoSummary");
                Assert.AreEqual(0, exitCode, output);

                var lines = output.Split('\n').Select(l => l.TrimEnd('\r').Trim()).ToList();
                Assert.IsFalse(lines.Any(l => Regex.IsMatch(l, @"\b(AD0001|CS8032|CS8033|CS8034|CS8784|CS8785)\b")), "analyzer load or run failure:\n" + output);

                string Text(string file) => File.ReadAllText(Path.Combine(work, file)).Replace("\r\n", "\n", StringComparison.Ordinal);
                var expected = Expected.Select(e => e.Rule + " " + e.File + "(" + ScratchSample.Position(Text(e.File), e.At) + ")").OrderBy(s => s, StringComparer.Ordinal).ToList();
                string stack = Text("RegistryStack.cs");
                var actual = lines.Select(l => Canonical.Match(l)).Where(m => m.Success && Regex.IsMatch(m.Groups["id"].Value, "^(ECR|IAM|ECS|EKS)"))
                    .Select(m => m.Groups["id"].Value + " " + Path.GetFileName(m.Groups["file"].Value) + "(" + m.Groups["line"].Value + "," + m.Groups["col"].Value + ")")
                    .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
                Assert.AreEqual(string.Join("\n", expected), string.Join("\n", actual), output);

                // MSBuild may print a warning more than once; the compiler's SARIF log has each diagnostic exactly once,
                // so a finding reported twice (by two analyzers) shows here.
                using (var log = JsonDocument.Parse(File.ReadAllText(sarif)))
                {
                    var reported = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                        .Where(r => Regex.IsMatch(r.GetProperty("ruleId").GetString() ?? string.Empty, "^(ECR|IAM|ECS|EKS)"))
                        .Select(r =>
                        {
                            var region = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
                            string file = Path.GetFileName(new Uri(r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
                            return r.GetProperty("ruleId").GetString() + " " + file + "(" + region.GetProperty("startLine").GetInt32() + "," + region.GetProperty("startColumn").GetInt32() + ")";
                        })
                        .OrderBy(s => s, StringComparer.Ordinal).ToList();
                    Assert.AreEqual(string.Join("\n", expected), string.Join("\n", reported), "compiler SARIF log");
                }

                // .globalconfig turned the error-severity ECR001 into a warning (and the build succeeded above).
                Assert.IsTrue(lines.Any(l => Regex.IsMatch(l, @"RegistryStack\.cs\(\d+,\d+\): warning ECR001: ")), output);

                // The message is the engine's, with the catalogue's help link.
                StringAssert.Contains(output, "RegistryStack.cs(" + ScratchSample.Position(stack, "\"ecr:GetDownloadUrlForLayers\"")
                    + "): warning IAM007: Action 'ecr:GetDownloadUrlForLayers' does not exist: did you mean 'ecr:GetDownloadUrlForLayer'?");
                // ECS001 is sensitive: its message names the variable, never the value.
                StringAssert.Contains(output, "ServiceStack.cs(" + ScratchSample.Position(Text("ServiceStack.cs"), "\"Tr0ub4dor&3\"") + "): warning ECS001: Environment variable 'DB_PASSWORD' holds");
                Assert.IsFalse(output.Contains("Tr0ub4dor", StringComparison.Ordinal), "the secret appears in the build output:\n" + output);
            }
            finally
            {
                ScratchSample.Delete(work);
            }
        }
    }
}
