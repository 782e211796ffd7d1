using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;
using Shipshape.Catalogue;

namespace Shipshape.Analyzers.Tests.Build
{
    /// <summary>
    /// The C# adoption round trip with the real compiler: <c>csc</c> of the running SDK compiles a CDK stack with the
    /// analyzers this project built, <c>.shipshape.yaml</c> and an empty baseline as additional files, and writes its
    /// SARIF 2.1 log (<c>-errorlog:…,version=2.1</c>, what <c>-p:ErrorLog</c> passes it); the real <c>shipshape</c>
    /// executable adds the log's entries to the baseline; compiled again, the stack reports nothing, and a finding
    /// added afterwards is reported. Folders with spaces: the log's URIs are escaped.
    /// </summary>
    [TestClass]
    public sealed class SarifAdoptionTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

        private const string Stack = @"using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Shop.Stacks
{
    public sealed class RegistryStack : Stack
    {
        public RegistryStack(Construct scope, string id)
            : base(scope, id)
        {
            var web = new Repository(this, ""Web"", new RepositoryProps { RepositoryName = ""shop/web"" });
            web.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = ""PartnerPull"",
                Principals = new IPrincipal[] { new AccountPrincipal(""111122223333"") },
                Actions = new[] { ""ecr: BatchGetImage"", ""ecr:BatchGetImages"" },
            }));
            // NEW
        }
    }
}
";

        private string _root = null!;

        [TestInitialize]
        public void Create() => _root = Path.Combine(Path.GetTempPath(), "shipshape sarif " + Guid.NewGuid().ToString("N"));

        [TestCleanup]
        public void Delete() => ScratchSample.Delete(_root);

        [TestMethod]
        public void ABaselineWrittenFromTheCompilersSarifLogSilencesExactlyThoseFindings()
        {
            string csc = CscPath() ?? throw new AssertInconclusiveException("no Roslyn/bincore/csc.dll in the SDK that runs the tests");
            string source = Path.Combine(_root, "src", "Shop App", "Stacks", "RegistryStack.cs");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, Stack);
            File.WriteAllText(Path.Combine(_root, ".shipshape.yaml"), "root: true\nbaseline: shipshape-baseline.json\n");
            File.WriteAllText(Path.Combine(_root, "shipshape-baseline.json"), "{\"version\": 1, \"findings\": []}\n");

            var (firstExit, firstOutput) = Compile(csc, source, "first.sarif");
            var first = ShipshapeResults(Path.Combine(_root, "first.sarif"));

            Assert.AreEqual(1, firstExit, firstOutput);                     // IAM006 is an error
            StringAssert.Contains(File.ReadAllText(Path.Combine(_root, "first.sarif")), "file:///", firstOutput);
            StringAssert.Contains(File.ReadAllText(Path.Combine(_root, "first.sarif")), "/Shop%20App/Stacks/RegistryStack.cs", firstOutput);
            CollectionAssert.AreEquivalent(new[] { "ECR010", "ECR013", "ECR014", "ECR015", "IAM006", "IAM007" }, first.Select(r => r.RuleId).ToArray(), firstOutput);
            Assert.IsTrue(first.All(r => r.Fingerprint != null), firstOutput);

            var adopt = Run(ScratchSample.Dotnet, Path.Combine(AppContext.BaseDirectory, "shipshape.dll"), "baseline", "--from-sarif", "first.sarif", "--write", "shipshape-baseline.json");

            Assert.AreEqual(0, adopt.ExitCode, adopt.Output);
            Assert.AreEqual("shipshape: added 6 C# findings to the baseline shipshape-baseline.json\n", adopt.Output);
            StringAssert.Contains(File.ReadAllText(Path.Combine(_root, "shipshape-baseline.json")), "\"path\": \"src/Shop App/Stacks/RegistryStack.cs\"");

            var (secondExit, secondOutput) = Compile(csc, source, "second.sarif");

            Assert.AreEqual(0, secondExit, secondOutput);
            Assert.IsEmpty(ShipshapeResults(Path.Combine(_root, "second.sarif")), secondOutput);

            // A finding added after adoption is new.
            File.WriteAllText(source, Stack.Replace("// NEW", "web.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Sid = \"Late\", Principals = new IPrincipal[] { new AccountPrincipal(\"444455556666\") }, Actions = new[] { \"ecr:PutImages\" } }));", StringComparison.Ordinal));
            var (thirdExit, thirdOutput) = Compile(csc, source, "third.sarif");

            Assert.AreEqual(0, thirdExit, thirdOutput);
            CollectionAssert.AreEqual(new[] { "IAM007" }, ShipshapeResults(Path.Combine(_root, "third.sarif")).Select(r => r.RuleId).ToArray(), thirdOutput);
        }

        /// <summary>csc.dll of the SDK running the tests (the newest one beside the dotnet host), or null.</summary>
        private static string? CscPath()
        {
            string host = ScratchSample.Dotnet;
            if (!Path.IsPathRooted(host))
                host = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(p => Path.Combine(p, "dotnet")).FirstOrDefault(File.Exists) ?? host;
            string? root = Path.GetDirectoryName(new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host);
            string sdk = Path.Combine(root ?? string.Empty, "sdk");
            if (!Directory.Exists(sdk)) return null;
            return Directory.GetDirectories(sdk)
                .Select(d => Path.Combine(d, "Roslyn", "bincore", "csc.dll"))
                .Where(File.Exists)
                .OrderByDescending(p => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(p)))!)?.Split('-')[0], out var v) ? v : new Version(0, 0))
                .FirstOrDefault();
        }

        /// <summary>Compiles the stack as the build would: CDK references, the analyzers, the config and baseline as additional files, a SARIF 2.1 log.</summary>
        private (int ExitCode, string Output) Compile(string csc, string source, string log)
        {
            var args = new List<string> { csc, "-nologo", "-noconfig", "-nostdlib", "-target:library", "-nowarn:CS1701", "-out:" + Path.Combine(_root, "obj", log + ".dll") };
            foreach (string line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixture-references.txt")).Where(l => l.Length > 0))
                args.Add("-r:" + line.Substring(line.IndexOf('|', StringComparison.Ordinal) + 1));
            foreach (string analyzer in new[] { "Shipshape.Analyzers.dll", "Shipshape.Core.dll", "YamlDotNet.dll" })
                args.Add("-analyzer:" + Path.Combine(AppContext.BaseDirectory, analyzer));
            args.Add("-additionalfile:" + Path.Combine(_root, ".shipshape.yaml"));
            args.Add("-additionalfile:" + Path.Combine(_root, "shipshape-baseline.json"));
            args.Add("-errorlog:" + Path.Combine(_root, log) + ",version=2.1");
            args.Add(source);
            Directory.CreateDirectory(Path.Combine(_root, "obj"));
            var run = Run(ScratchSample.Dotnet, args.ToArray());
            return (run.ExitCode, run.Output);
        }

        /// <summary>The Shipshape results of a log (rule ID, fingerprint property), other analyzers' left out.</summary>
        private static List<(string RuleId, string? Fingerprint)> ShipshapeResults(string sarif)
        {
            using var log = JsonDocument.Parse(File.ReadAllText(sarif));
            Assert.AreEqual("2.1.0", log.RootElement.GetProperty("version").GetString());
            var results = new List<(string, string?)>();
            foreach (var result in log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            {
                string id = result.GetProperty("ruleId").GetString()!;
                if (!RuleCatalogue.Embedded.TryGet(id, out _)) continue;
                string? fingerprint = result.TryGetProperty("properties", out var p) && p.TryGetProperty("customProperties", out var c)
                    && c.TryGetProperty("ShipshapeFingerprint", out var f) ? f.GetString() : null;
                results.Add((id, fingerprint));
            }
            return results;
        }

        private (int ExitCode, string Output) Run(string program, params string[] args)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = _root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args) start.ArgumentList.Add(arg);
            ScratchSample.CleanEnvironment(start);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + program);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail(program + " did not finish within " + Timeout);
            }
            return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        }
    }
}
