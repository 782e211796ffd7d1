using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Shipshape.Package.Tests
{
    /// <summary>
    /// The CLI's release packaging for real (src/Cli with -p:ShipshapeAot=true): the .NET 10 pointer package Shipshape.Cli,
    /// the framework-dependent Shipshape.Cli.any, and — only when SHIPSHAPE_TEST_AOT=1, because a Native AOT compile takes
    /// about a minute on 2 cores — Shipshape.Cli.linux-x64. The sources are packed from a copy (so this never races the
    /// other test projects' builds of src/Cli), installed with `dotnet tool install --tool-path` from a folder feed into
    /// an isolated NuGet cache, and the installed command is run.
    /// </summary>
    [TestClass]
    public sealed class ToolPackageTests
    {
        private static string _work = string.Empty;
        private static string _sources = string.Empty;
        private static string _version = string.Empty;

        /// <summary>The packs share one copy of the sources (and its obj/): one at a time.</summary>
        private static readonly object PackGate = new object();

        [ClassInitialize]
        public static void CopySources(TestContext context)
        {
            _ = context;
            _work = Path.Combine(Path.GetTempPath(), "shipshape-tool-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            _sources = Path.Combine(_work, "src");
            _version = "0.1.0-test." + Guid.NewGuid().ToString("N").Substring(0, 8);
            string root = RepositoryRoot();
            foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
                File.Copy(Path.Combine(root, file), Path.Combine(Directory.CreateDirectory(_sources).FullName, file));
            foreach (string folder in new[] { "rules", "schemas", Path.Combine("src", "Core"), Path.Combine("src", "Cli") })
                CopyFolder(Path.Combine(root, folder), Path.Combine(_sources, folder));
        }

        [ClassCleanup]
        public static void DeleteWork()
        {
            if (Environment.GetEnvironmentVariable("SHIPSHAPE_KEEP_TEST_DIRS") == "1" || !Directory.Exists(_work)) return;
            try { Directory.Delete(_work, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        [TestMethod]
        public void The_pointer_package_names_the_native_linux_x64_package_and_the_framework_dependent_fallback()
        {
            string feed = Pack("default", rids: null);

            var settings = XDocument.Parse(ReadEntry(Path.Combine(feed, "Shipshape.Cli." + _version + ".nupkg"), "tools/any/any/DotnetToolSettings.xml"));
            var packages = settings.Descendants("RuntimeIdentifierPackage")
                .Select(p => (string?)p.Attribute("RuntimeIdentifier") + " → " + (string?)p.Attribute("Id")).ToArray();
            CollectionAssert.AreEqual(new[] { "linux-x64 → Shipshape.Cli.linux-x64", "any → Shipshape.Cli.any" }, packages);

            using var any = ZipFile.OpenRead(Path.Combine(feed, "Shipshape.Cli.any." + _version + ".nupkg"));
            var files = any.Entries.Select(e => e.FullName).ToList();
            CollectionAssert.IsSubsetOf(new[] { "tools/net8.0/any/shipshape.dll", "tools/net8.0/any/JsonSchema.Net.dll", "tools/net8.0/any/schemas/shipshape-config.schema.json" }, files, string.Join("\n", files));
            Assert.IsFalse(files.Any(f => f.Contains("NJsonSchema", StringComparison.OrdinalIgnoreCase)), "the CLI no longer needs NJsonSchema:\n" + string.Join("\n", files));
        }

        [TestMethod]
        public void Where_no_native_package_fits_the_installed_tool_is_the_framework_dependent_build_and_validates_configs()
        {
            // A pointer that names a native package for another platform only: the installer must take the `any` package.
            string other = RuntimeInformation.RuntimeIdentifier == "osx-arm64" ? "linux-x64" : "osx-arm64";
            string feed = Pack("fallback", rids: other + ";any");
            string tools = Install(feed);

            Assert.IsTrue(Directory.GetFiles(tools, "shipshape.dll", SearchOption.AllDirectories).Length == 1, "framework-dependent: shipshape.dll installed");
            AssertRunsAndValidatesConfig(Path.Combine(tools, Executable("shipshape")));
        }

        [TestMethod]
        public void On_linux_x64_the_installed_tool_is_the_native_binary()
        {
            if (Environment.GetEnvironmentVariable("SHIPSHAPE_TEST_AOT") != "1")
                Assert.Inconclusive("set SHIPSHAPE_TEST_AOT=1 to run the Native AOT compile (about a minute on 2 cores)");
            if (RuntimeInformation.RuntimeIdentifier != "linux-x64")
                Assert.Inconclusive("the native package is built for linux-x64 only; this is " + RuntimeInformation.RuntimeIdentifier);

            string feed = Pack("native", rids: null);
            DotnetResult native;
            lock (PackGate) native = DotnetProcess.Run(_sources, null, "pack", Path.Combine(_sources, "src", "Cli", "Cli.csproj"), "-c", "Release", "-p:ShipshapeAot=true",
                "-p:Version=" + _version, "-r", "linux-x64", "-o", feed, "-nodeReuse:false", "-tl:off", "-v:m");
            Assert.AreEqual(0, native.ExitCode, native.ToString());
            string tools = Install(feed);

            string command = Path.Combine(tools, "shipshape");
            Assert.IsEmpty(Directory.GetFiles(tools, "*.dll", SearchOption.AllDirectories), "a Native AOT tool has no managed assemblies");
            byte[] head = new byte[4];
            using (var stream = File.OpenRead(command)) Assert.AreEqual(4, stream.Read(head, 0, 4));
            CollectionAssert.AreEqual(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, head);
            // The command is a link into the tool store; the file behind it is the whole program, not an app host.
            var program = new FileInfo(command).ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(command);
            Assert.IsGreaterThan(1_000_000L, program.Length, program.FullName);
            AssertRunsAndValidatesConfig(command);
        }

        /// <summary>The installed command checks the samples (findings: exit 1) and stops at a bad .shipshape.yaml with its position (exit 2).</summary>
        private static void AssertRunsAndValidatesConfig(string command)
        {
            var samples = RunTool(command, RepositoryRoot(), "check", "samples");
            Assert.AreEqual(1, samples.ExitCode, samples.Output);
            StringAssert.Contains(samples.Output, "ECR030");

            string bad = Directory.CreateDirectory(Path.Combine(_work, "bad-config-" + Guid.NewGuid().ToString("N").Substring(0, 6))).FullName;
            File.WriteAllText(Path.Combine(bad, ".shipshape.yaml"), "root: true\nrules:\n  IAM003: fatal\n");
            File.WriteAllText(Path.Combine(bad, "policy.json"), "{\"Version\": \"2012-10-17\", \"Statement\": []}\n");
            var config = RunTool(command, bad, "check", ".");
            Assert.AreEqual(2, config.ExitCode, config.Output);
            Assert.AreEqual("shipshape: .shipshape.yaml:3:11: 'fatal' is not one of: error, warning, note, off\n", config.Output);
        }

        private static string Pack(string name, string? rids)
        {
            lock (PackGate) return PackOnce(name, rids);
        }

        private static string PackOnce(string name, string? rids)
        {
            string feed = Directory.CreateDirectory(Path.Combine(_work, "feed-" + name)).FullName;
            var args = new System.Collections.Generic.List<string> { "pack", Path.Combine(_sources, "src", "Cli", "Cli.csproj"), "-c", "Release", "-p:ShipshapeAot=true", "-p:Version=" + _version };
            if (rids != null) args.Add("-p:ToolPackageRuntimeIdentifiers=\"" + rids + "\"");
            args.AddRange(new[] { "-o", feed, "-nodeReuse:false", "-tl:off", "-v:m" });
            var pointer = DotnetProcess.Run(_sources, null, args.ToArray());
            Assert.AreEqual(0, pointer.ExitCode, pointer.ToString());
            args.InsertRange(args.IndexOf("-o"), new[] { "-r", "any" });
            var any = DotnetProcess.Run(_sources, null, args.ToArray());
            Assert.AreEqual(0, any.ExitCode, any.ToString());
            return feed;
        }

        private static string Install(string feed)
        {
            string tools = Path.Combine(_work, "tools-" + Path.GetFileName(feed));
            var install = DotnetProcess.Run(_work, Path.Combine(_work, "packages-" + Path.GetFileName(feed)),
                "tool", "install", "--tool-path", tools, "--add-source", feed, "Shipshape.Cli", "--version", _version);
            Assert.AreEqual(0, install.ExitCode, install.ToString());
            return tools;
        }

        private static (int ExitCode, string Output) RunTool(string command, string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + command);
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(60_000)) { process.Kill(entireProcessTree: true); Assert.Fail(command + " did not finish within 60 s"); }
            return (process.ExitCode, stderr + stdout.Result);
        }

        private static string ReadEntry(string nupkg, string entry)
        {
            using var zip = ZipFile.OpenRead(nupkg);
            using var reader = new StreamReader((zip.GetEntry(entry) ?? throw new AssertFailedException(entry + " not in " + nupkg)).Open());
            return reader.ReadToEnd();
        }

        private static string Executable(string name) => OperatingSystem.IsWindows() ? name + ".exe" : name;

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
