using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Engine;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Infrastructure;

namespace Shipshape.Tests.Robustness
{
    /// <summary>
    /// Hostile input through the real executable: each gets a clear finding or message, the run goes on
    /// with the other files, and the exit code is the documented one (1: error findings; 2: usage).
    /// </summary>
    [TestClass]
    public sealed class AdversarialCliTests
    {
        private string _work = string.Empty;

        [TestInitialize]
        public void CreateFolder()
        {
            _work = Path.Combine(Path.GetTempPath(), "shipshape-adversarial-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_work);
        }

        [TestCleanup]
        public void DeleteFolder() => Directory.Delete(_work, recursive: true);

        private string Write(string relativePath, byte[] bytes)
        {
            string full = Path.Combine(_work, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
            return full;
        }

        private string Write(string relativePath, string text) => Write(relativePath, Encoding.UTF8.GetBytes(text));

        private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        [TestMethod]
        public void Every_hostile_file_gets_a_finding_and_the_run_goes_on()
        {
            Write("deep/deep-repository-policy.json", new string('[', 100_000) + new string(']', 100_000));
            Write("deep/deep.template.json", string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000));
            Write("deep/stack.yaml", "Resources: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
            Write("bomb/stack.yaml", HostileInputs.AliasBomb());
            Write("encoding/bad-utf8-repository-policy.json", new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' });
            Write("encoding/nul-repository-policy.json", "{\"Statement\": [\0]}");
            Write("good/repository-policy.json", Reports.PublicPolicy);

            var run = ShipshapeProcess.Run(_work, "check", "--format", "msbuild");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            var lines = Lines(run.Stdout);
            StringAssert.StartsWith(Single(lines, "bomb/stack.yaml("), "bomb/stack.yaml(", run.ToString());
            Assert.Contains("error LINT002: ", Single(lines, "bomb/stack.yaml("));
            Assert.Contains("alias bomb", Single(lines, "bomb/stack.yaml("));
            foreach (string deep in new[] { "deep/deep-repository-policy.json(", "deep/deep.template.json(", "deep/stack.yaml(" })
                Assert.Contains("deeper than 256 levels", Single(lines, deep), run.ToString());
            Assert.Contains("error LINT001: ", Single(lines, "encoding/bad-utf8-repository-policy.json(1,3,1,3)"));
            Assert.IsFalse(lines.Any(l => l.StartsWith("encoding/nul-", StringComparison.Ordinal)), "binary files found by walking are skipped");
            Assert.Contains("error ECR001", Single(lines, "good/repository-policy.json(6,"), "the run goes on after the hostile files");
            Assert.AreEqual("6 files checked, 1 skipped: 7 errors\n", run.Stderr);

            var named = ShipshapeProcess.Run(_work, "check", "--format", "msbuild", "encoding/nul-repository-policy.json");
            Assert.AreEqual(1, named.ExitCode, named.ToString());
            Assert.Contains("error LINT001: the file is binary", named.Stdout);
        }

        [TestMethod]
        public void Line_endings_and_byte_order_marks_keep_positions_exact()
        {
            string lf = HostileInputs.PublicPolicyLf;
            Write("lf/repository-policy.json", lf);
            Write("crlf/repository-policy.json", lf.Replace("\n", "\r\n"));
            Write("cr/repository-policy.json", lf.Replace("\n", "\r"));
            Write("mixed/repository-policy.json", HostileInputs.MixedLineEndings(lf));
            Write("bom/repository-policy.json", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(lf)).ToArray());
            Write("utf16/repository-policy.json", new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(lf.Replace("\n", "\r\n"))).ToArray());
            Write("yaml-crlf/repository-policy.yaml", "Statement:\r\n  - Effect: Allow\r\n    Principal: '*'\r\n    Action: ecr:BatchGetImage\r\n");

            var run = ShipshapeProcess.Run(_work, "check", "--format", "msbuild");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            var ecr001 = Lines(run.Stdout).Where(l => l.Contains("ECR001", StringComparison.Ordinal)).ToList();
            Assert.HasCount(7, ecr001, run.ToString());
            foreach (string folder in new[] { "lf", "crlf", "cr", "mixed", "bom", "utf16" })
                Assert.IsTrue(ecr001.Any(l => l.StartsWith(folder + "/repository-policy.json(3,14,3,17): error ECR001", StringComparison.Ordinal)), folder + "\n" + run);
            Assert.IsTrue(ecr001.Any(l => l.StartsWith("yaml-crlf/repository-policy.yaml(3,16,3,19): error ECR001", StringComparison.Ordinal)), run.ToString());
        }

        [TestMethod]
        public void A_ten_megabyte_single_line_template_is_checked_with_exact_columns()
        {
            byte[] template = HostileInputs.OneLineTemplate(10_000_000 - 1024);
            Write("minified.template.json", template);
            string text = Encoding.UTF8.GetString(template);
            int firstPublic = text.IndexOf("\"Principal\":\"*\"", StringComparison.Ordinal) + "\"Principal\":".Length;
            Write("too-big.template.json", new byte[11 * 1024 * 1024]);

            var run = ShipshapeProcess.Run(_work, "check", "--format", "msbuild");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            var lines = Lines(run.Stdout);
            var ecr001 = lines.Where(l => l.StartsWith("minified.template.json(", StringComparison.Ordinal) && l.Contains("ECR001", StringComparison.Ordinal)).ToList();
            Assert.AreEqual(text.Split("\"Principal\":\"*\"").Length - 1, ecr001.Count);
            Assert.StartsWith("minified.template.json(1," + (firstPublic + 1) + ",1," + (firstPublic + 4) + "): error ECR001", ecr001[0]);
            Assert.StartsWith("too-big.template.json(1,1,1,1): error LINT002: ", Single(lines, "too-big.template.json("));
        }

        [TestMethod]
        public void Symlink_loops_end_and_files_deleted_before_they_are_read_are_findings()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Inconclusive("uses Unix symbolic links");
                return;
            }
            Write("app/repository-policy.json", Reports.PublicPolicy);
            Directory.CreateSymbolicLink(Path.Combine(_work, "app", "loop"), Path.Combine(_work, "app"));
            Directory.CreateSymbolicLink(Path.Combine(_work, "app", "up"), _work);
            // A file that vanishes between discovery and reading: a link whose target is deleted.
            string doomed = Write("doomed.json", Reports.PublicPolicy);
            File.CreateSymbolicLink(Path.Combine(_work, "app", "gone-repository-policy.json"), doomed);
            File.Delete(doomed);

            var run = ShipshapeProcess.Run(_work, "check", "--format", "msbuild");

            Assert.AreEqual(1, run.ExitCode, run.ToString());
            var lines = Lines(run.Stdout);
            Assert.HasCount(2, lines.Where(l => l.StartsWith("app/repository-policy.json(", StringComparison.Ordinal)), "each file once, however many links lead to it");
            Assert.Contains("error LINT001: the file cannot be read", Single(lines, "app/gone-repository-policy.json("));
        }

        [TestMethod]
        public void A_file_deleted_mid_run_is_a_finding_not_a_crash()
        {
            string path = Write("repository-policy.json", Reports.PublicPolicy);
            var discovered = new FileDiscovery(Array.Empty<string>(), _work).Discover(new[] { "." }).Files.Single();
            File.Delete(path);

            var report = Shared.Engine.LintFile(discovered.FullPath, discovered.DisplayPath, discovered.ExplicitlyNamed);

            Assert.AreEqual("LINT001", report.Findings.Single().RuleId);
            Assert.StartsWith("the file cannot be read", report.Findings.Single().Message);
        }

        [TestMethod]
        public void Unreadable_files_are_findings()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Inconclusive("uses Unix permissions");
                return;
            }
            string locked = Write("locked/repository-policy.json", Reports.PublicPolicy);
            Write("open/repository-policy.json", Reports.PublicPolicy);
            File.SetUnixFileMode(locked, UnixFileMode.None);
            try
            {
                try
                {
                    File.ReadAllBytes(locked);
                    Assert.Inconclusive("running as root: file permissions are not enforced, so 'permission denied' cannot be produced here");
                    return;
                }
                catch (UnauthorizedAccessException)
                {
                }

                var run = ShipshapeProcess.Run(_work, "check", "--format", "msbuild");

                Assert.AreEqual(1, run.ExitCode, run.ToString());
                Assert.Contains("error LINT001: the file cannot be read", Single(Lines(run.Stdout), "locked/repository-policy.json("));
                Assert.IsTrue(Lines(run.Stdout).Any(l => l.StartsWith("open/repository-policy.json(", StringComparison.Ordinal)));
            }
            finally
            {
                File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        private static string Single(IEnumerable<string> lines, string prefix)
        {
            var matching = lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            Assert.HasCount(1, matching, prefix + " in\n" + string.Join("\n", lines));
            return matching[0];
        }
    }
}
