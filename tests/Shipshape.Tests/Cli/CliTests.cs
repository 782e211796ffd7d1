using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NJsonSchema;
using Shipshape.Catalogue;

namespace Shipshape.Tests.Cli
{
    /// <summary>End-to-end: the real executable over temporary folders of files.</summary>
    [TestClass]
    public sealed class CliTests
    {
        private const string CompliantPolicy = "{\"Version\": \"2012-10-17\", \"Statement\": []}\n";
        private const string DuplicateKeyPolicy = "{\"Version\": \"2012-10-17\", \"Version\": \"2012-10-17\", \"Statement\": []}\n";

        private static readonly Regex ColourSequence = new Regex("\u001b\\[[0-9;]*m");

        private string _work = string.Empty;

        [TestInitialize]
        public void CreateFolder()
        {
            _work = Path.Combine(Path.GetTempPath(), "shipshape-cli-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_work);
        }

        [TestCleanup]
        public void DeleteFolder() => Directory.Delete(_work, recursive: true);

        private void Write(string relativePath, string text)
        {
            string full = Path.Combine(_work, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        private RunResult Run(params string[] args) => ShipshapeProcess.Run(_work, args);

        private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        [TestMethod]
        public void CleanFilesExitZeroWithTheSummaryOnStderr()
        {
            Write("repository-policy.json", CompliantPolicy);
            Write("unrelated.json", "{\"name\": \"x\"}");

            var run = Run("check");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            Assert.AreEqual(string.Empty, run.Stdout);
            Assert.AreEqual("1 file checked, 1 skipped: no findings\n", run.Stderr);
        }

        [TestMethod]
        public void FindingsExitOneInADeterministicOrder()
        {
            // Enough files that the parallel lint finishes them out of order.
            for (int i = 0; i < 24; i++) Write("p" + (i % 5) + "/n" + i + "/repository-policy.json", i % 3 == 0 ? Reports.BrokenPolicy : Reports.PublicPolicy);

            var first = Run("check", "--format", "msbuild");
            var second = Run("check", "--format", "msbuild");

            Assert.AreEqual(1, first.ExitCode, first.ToString());
            Assert.AreEqual(first.Stdout, second.Stdout);
            string[] lines = Lines(first.Stdout);
            Assert.HasCount(8 + 16 * 2, lines);
            CollectionAssert.AreEqual(lines.OrderBy(l => l.Substring(0, l.IndexOf('(')), StringComparer.Ordinal).ToArray(), lines);
            Assert.AreEqual("24 files checked, 0 skipped: 40 errors\n", first.Stderr);
        }

        [TestMethod]
        public void TextOutputGoesToStdoutAndNothingElseDoes()
        {
            Write("repository-policy.json", Reports.PublicPolicy);

            var run = Run("check", ".");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            Assert.StartsWith("repository-policy.json:6:20: error ECR001: ", run.Stdout);
            Assert.Contains("repository-policy.json:7:17: error IAM006: ", run.Stdout);
            Assert.DoesNotContain("checked", run.Stdout);
            Assert.AreEqual("1 file checked, 0 skipped: 2 errors\n", run.Stderr);
        }

        [TestMethod]
        public void ABrokenFileIsAFindingNotAnError()
        {
            Write("repository-policy.json", Reports.BrokenPolicy);

            var run = Run("check", "--format", "github");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            Assert.StartsWith("::error file=repository-policy.json,line=3,col=3,endLine=3,endColumn=4,title=LINT001::Invalid JSON", run.Stdout);
        }

        [TestMethod]
        public void BadArgumentsExitTwo()
        {
            Write("repository-policy.json", Reports.PublicPolicy);

            foreach (var args in new[]
            {
                new[] { "check", "missing-folder" },
                new[] { "check", "--format", "xml" },
                new[] { "check", "--fail-level", "fatal" },
                new[] { "check", "--exclude", "/" },
                new[] { "frobnicate" },
                Array.Empty<string>(),
                new[] { "explain", "NOPE001" },
            })
            {
                var run = Run(args);
                Assert.AreEqual(2, run.ExitCode, string.Join(" ", args) + "\n" + run);
                Assert.AreEqual(string.Empty, run.Stdout, string.Join(" ", args));
                Assert.StartsWith("shipshape: ", run.Stderr, string.Join(" ", args));
            }
        }

        [TestMethod]
        public void OutputOptionWritesTheFileAndKeepsStdoutEmpty()
        {
            Write("repository-policy.json", Reports.PublicPolicy);

            var run = Run("check", "--format", "json", "--output", "report.json");
            // A second run must not lint its own earlier report.
            var again = Run("check", "--format", "json", "--output", "report.json");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            Assert.AreEqual(string.Empty, run.Stdout);
            Assert.AreEqual("1 file checked, 0 skipped: 2 errors\n", again.Stderr);
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "report.json")));
            var findings = report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToArray();
            CollectionAssert.AreEqual(new[] { "ECR001", "IAM006" }, findings);
        }

        [TestMethod]
        public void UnwritableOutputExitsTwo()
        {
            Write("repository-policy.json", Reports.PublicPolicy);

            var run = Run("check", "--output", Path.Combine("no-such-folder", "out.txt"));

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.StartsWith("shipshape: cannot write ", run.Stderr);
        }

        [TestMethod]
        public void ExcludeSkipsMatchingPaths()
        {
            Write("repository-policy.json", Reports.PublicPolicy);
            Write("vendor/repository-policy.json", Reports.BrokenPolicy);
            Write("fixtures/bad/repository-policy.json", Reports.BrokenPolicy);

            var run = Run("check", "--format", "msbuild", "--exclude", "vendor", "--exclude", "fixtures/**");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            Assert.IsTrue(Lines(run.Stdout).All(l => l.StartsWith("repository-policy.json(", StringComparison.Ordinal)), run.Stdout);
            Assert.AreEqual("1 file checked, 0 skipped: 2 errors\n", run.Stderr);
        }

        [TestMethod]
        public void ToolFoldersAreSkippedAndDotFoldersAreNot()
        {
            foreach (string folder in new[] { ".git", "node_modules", "bin", "obj", ".terraform", "src/bin" })
                Write(folder + "/repository-policy.json", Reports.BrokenPolicy);
            Write(".github/repository-policy.json", Reports.PublicPolicy);
            Write(".config/deploy/registry-policy.yaml", "Version: '2012-10-17'\nStatement: []\n");

            var run = Run("check", "--format", "msbuild");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            Assert.IsTrue(Lines(run.Stdout).All(l => l.StartsWith(".github/repository-policy.json(", StringComparison.Ordinal)), run.Stdout);
            Assert.AreEqual("2 files checked, 0 skipped: 2 errors\n", run.Stderr);
        }

        [TestMethod]
        public void ExplicitlyNamedFilesAreCheckedWhateverTheirExtension()
        {
            Write("policy.txt", Reports.PublicPolicy);
            Write("bin/repository-policy.json", Reports.BrokenPolicy);

            var run = Run("check", "--format", "msbuild", "policy.txt", "bin/repository-policy.json");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            Assert.StartsWith("bin/repository-policy.json(3,3,3,4): error LINT001", run.Stdout);
            Assert.Contains("policy.txt(6,20,6,23): error ECR001", run.Stdout);
        }

        [TestMethod]
        public void ShellFilesAreWalkedAndSkippedUnlessTheyMentionEcr()
        {
            // Shell scripts, Makefiles and Dockerfiles are found by a folder walk (not only when named), but read only
            // when they mention ECR; other extensions (notes.txt) are still skipped unless named.
            const string Login = "aws ecr get-login-password --region us-east-1 | docker login -u AWS --password-stdin 111122223333.dkr.ecr.eu-west-1.amazonaws.com\n";
            Write("scripts/push-image.sh", "#!/bin/sh\n" + Login);
            Write("scripts/release", "#!/usr/bin/env bash\n" + Login);
            Write("scripts/build.sh", "#!/bin/sh\nmake all\n");
            Write("Dockerfile", "FROM alpine\nRUN apk add curl\n");
            Write("notes.txt", Login);

            var run = Run("check", "--format", "msbuild");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            CollectionAssert.AreEqual(new[]
            {
                "scripts/push-image.sh(2,37,2,46): error ECR030: The ECR token is for us-east-1 but the login is to 111122223333.dkr.ecr.eu-west-1.amazonaws.com, a registry in eu-west-1: tokens are regional, so pushes and pulls fail with 403 or 'no basic auth credentials'; change --region to eu-west-1.",
                "scripts/release(2,37,2,46): error ECR030: The ECR token is for us-east-1 but the login is to 111122223333.dkr.ecr.eu-west-1.amazonaws.com, a registry in eu-west-1: tokens are regional, so pushes and pulls fail with 403 or 'no basic auth credentials'; change --region to eu-west-1.",
            }, Lines(run.Stdout));
            Assert.AreEqual("2 files checked, 2 skipped: 2 errors\n", run.Stderr);
        }

        [TestMethod]
        public void FailLevelDecidesTheExitCode()
        {
            Write("repository-policy.json", DuplicateKeyPolicy);

            var byDefault = Run("check");
            var atWarning = Run("check", "--fail-level", "warning");
            var atNote = Run("check", "--fail-level", "note");

            Assert.AreEqual(0, byDefault.ExitCode, byDefault.ToString());
            Assert.Contains("warning LINT005", byDefault.Stdout);
            Assert.AreEqual("1 file checked, 0 skipped: 1 warning\n", byDefault.Stderr);
            Assert.AreEqual(1, atWarning.ExitCode, atWarning.ToString());
            Assert.AreEqual(1, atNote.ExitCode, atNote.ToString());

            Write("repository-policy.json", Reports.PublicPolicy);
            var none = Run("check", "--fail-level", "none");
            Assert.AreEqual(0, none.ExitCode, none.ToString());
            Assert.Contains("error ECR001", none.Stdout);
        }

        [TestMethod]
        public void NoColourWhenRedirected()
        {
            Write("repository-policy.json", Reports.PublicPolicy);

            var run = ShipshapeProcess.Run(_work, new Dictionary<string, string?> { ["NO_COLOR"] = null }, "check");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            Assert.DoesNotMatchRegex(ColourSequence, run.Stdout);
            Assert.DoesNotMatchRegex(ColourSequence, run.Stderr);
        }

        [TestMethod]
        public void ColourAtATerminalUnlessNoColorIsSet()
        {
            if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/script")) Assert.Inconclusive("needs util-linux script to give the tool a terminal");
            Write("repository-policy.json", Reports.PublicPolicy);
            string command = "'" + ShipshapeProcess.DotnetHost + "' '" + ShipshapeProcess.DllPath + "' check";

            RunResult AtTerminal(string? noColor)
            {
                var start = new ProcessStartInfo("/usr/bin/script") { WorkingDirectory = _work, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (string arg in new[] { "-q", "-e", "-c", command, "/dev/null" }) start.ArgumentList.Add(arg);
                return ShipshapeProcess.Start(start, new Dictionary<string, string?> { ["NO_COLOR"] = noColor });
            }

            var coloured = AtTerminal(null);
            var plain = AtTerminal("1");

            Assert.AreEqual(1, coloured.ExitCode, coloured.ToString());
            Assert.Contains("\u001b[1m\u001b[31merror\u001b[0m", coloured.Stdout);
            Assert.AreEqual(1, plain.ExitCode, plain.ToString());
            Assert.Contains("error ECR001", plain.Stdout);
            // Only colour (SGR) sequences count: .NET itself sends a keypad-mode sequence to terminals.
            Assert.DoesNotMatchRegex(ColourSequence, plain.Stdout);
        }

        [TestMethod]
        public async Task SarifOutputIsValidAgainstTheSchema()
        {
            string schemaPath = Path.Combine(Support.RepositoryRoot.Path, "..", "shared", "reference", "schemas", "sarif-schema-2.1.0.json");
            if (!File.Exists(schemaPath))
            {
                Assert.Inconclusive("../shared not present");
                return;
            }
            Write("repository-policy.json", Reports.PublicPolicy);
            Write("my folder/repository-policy.json", Reports.BrokenPolicy);

            var run = Run("check", "--format", "sarif");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            var schema = await JsonSchema.FromFileAsync(schemaPath);
            var errors = schema.Validate(run.Stdout);
            Assert.IsEmpty(errors, string.Join("\n", errors.Select(e => e.ToString())));
            using var sarif = JsonDocument.Parse(run.Stdout);
            var run0 = sarif.RootElement.GetProperty("runs")[0];
            Assert.AreEqual(3, run0.GetProperty("results").GetArrayLength());
            Assert.AreEqual(new Uri(_work + "/").AbsoluteUri, run0.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        }

        [TestMethod]
        public void RulesListsTheCatalogue()
        {
            var table = Run("rules");
            var json = Run("rules", "--format", "json");

            Assert.AreEqual(0, table.ExitCode, table.ToString());
            string[] lines = Lines(table.Stdout);
            Assert.StartsWith("ID ", lines[0]);
            Assert.HasCount(RuleCatalogue.Embedded.Rules.Count + 1, lines);
            Assert.IsTrue(lines.Any(l => l.StartsWith("ECR001", StringComparison.Ordinal) && l.Contains("  error  ", StringComparison.Ordinal) && l.EndsWith("Public ECR repository or registry policy", StringComparison.Ordinal)), table.Stdout);

            Assert.AreEqual(0, json.ExitCode, json.ToString());
            using var document = JsonDocument.Parse(json.Stdout);
            var ids = document.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray();
            CollectionAssert.AreEqual(RuleCatalogue.Embedded.Rules.Select(r => r.Id).ToArray(), ids);
            var first = document.RootElement[0];
            foreach (string property in new[] { "title", "severity", "category", "tags", "summary", "helpUri" })
                Assert.IsTrue(first.TryGetProperty(property, out _), property);
        }

        [TestMethod]
        public void ExplainShowsTheRuleAndItsExamples()
        {
            var run = Run("explain", "ecr001");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            Assert.StartsWith("ECR001: Public ECR repository or registry policy\nSeverity: error", run.Stdout);
            foreach (string part in new[] { "\nSummary\n", "\nWhy it matters\n", "\nHow to fix\n", "Help: https://", "Non-compliant: Anyone can pull (repository-policy.json)", "\"Principal\": \"*\"," })
                Assert.Contains(part, run.Stdout);
            Assert.DoesNotContain("{|", run.Stdout);
        }
    }
}
