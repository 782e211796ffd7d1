using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Engine;

namespace Shipshape.Tests.Cli
{
    [TestClass]
    public sealed class FileDiscoveryTests
    {
        private string _root = string.Empty;

        [TestInitialize]
        public void CreateTree()
        {
            _root = Path.Combine(Path.GetTempPath(), "shipshape-discovery-" + Guid.NewGuid().ToString("N"));
            foreach (string file in new[]
            {
                "a.json", "b.yaml", "c.yml", "d.template", "notes.txt", "Dockerfile",
                ".github/workflows/ci.yml", ".hidden/e.json",
                ".git/config.json", "node_modules/pkg/package.json", "bin/x.json", "obj/y.json", ".terraform/z.json",
                "sub/bin2/k.json", "sub/z.JSON", "vendor/v.json",
            })
            {
                string full = Path.Combine(_root, file);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, "{}");
            }
        }

        [TestCleanup]
        public void DeleteTree() => Directory.Delete(_root, recursive: true);

        private string[] Discover(string[] excludes, params string[] paths)
            => new FileDiscovery(excludes, _root).Discover(paths).Files.Select(f => f.DisplayPath).ToArray();

        [TestMethod]
        public void WalksFoldersForKnownExtensionsSkippingToolFolders()
        {
            // Dockerfiles hold shell (RUN lines) and are walked like JSON/YAML; notes.txt is not.
            CollectionAssert.AreEqual(
                new[] { ".github/workflows/ci.yml", ".hidden/e.json", "Dockerfile", "a.json", "b.yaml", "c.yml", "d.template", "sub/bin2/k.json", "sub/z.JSON", "vendor/v.json" },
                Discover(Array.Empty<string>(), "."));
        }

        [TestMethod]
        public void WalksShellFilesByNameOrShebang()
        {
            foreach (var (file, text) in new[]
            {
                ("scripts/push", "#!/usr/bin/env bash\naws ecr get-login-password\n"),
                ("scripts/release", "#!/bin/sh -e\n"),
                ("scripts/tool", "#!/usr/bin/env python3\n"),
                ("scripts/LICENSE", "MIT License\n"),
                ("scripts/deploy.sh", "echo\n"),
                ("scripts/lib.bash", "echo\n"),
                ("scripts/notes.md", "#!/bin/sh\n"),
                ("build/Makefile", "all:\n"),
                ("build/rules.mk", "all:\n"),
                ("build/Dockerfile.prod", "FROM scratch\n"),
                ("build/worker.dockerfile", "FROM scratch\n"),
            })
            {
                string full = Path.Combine(_root, "shell", file);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            CollectionAssert.AreEqual(
                new[]
                {
                    "shell/build/Dockerfile.prod", "shell/build/Makefile", "shell/build/rules.mk", "shell/build/worker.dockerfile",
                    "shell/scripts/deploy.sh", "shell/scripts/lib.bash", "shell/scripts/push", "shell/scripts/release",
                },
                Discover(Array.Empty<string>(), "shell"));
        }

        [TestMethod]
        public void ExplicitFilesAreAlwaysTakenAndMarked()
        {
            var result = new FileDiscovery(new[] { "*.txt" }, _root).Discover(new[] { "notes.txt", "bin/x.json", "a.json", "." });

            var named = result.Files.Where(f => f.ExplicitlyNamed).Select(f => f.DisplayPath).ToArray();
            CollectionAssert.AreEqual(new[] { "a.json", "bin/x.json", "notes.txt" }, named);
            Assert.AreEqual(1, result.Files.Count(f => f.DisplayPath == "a.json"));
        }

        [TestMethod]
        public void ExcludesPruneFilesAndFolders()
        {
            CollectionAssert.AreEqual(
                new[] { ".hidden/e.json", "Dockerfile", "a.json", "d.template", "sub/bin2/k.json", "sub/z.JSON" },
                Discover(new[] { "vendor", "*.y*ml", "sub/bin2/*.yaml" }, "."));
            CollectionAssert.AreEqual(new[] { "a.json" }, Discover(new[] { "**/*.y*ml", "d.*", "sub/**", "/vendor", ".hidden/", "Dockerfile" }, "."));
        }

        [TestMethod]
        public void ReportsMissingPaths()
        {
            var result = new FileDiscovery(Array.Empty<string>(), _root).Discover(new[] { "a.json", "missing.json", "missing-folder" });

            CollectionAssert.AreEqual(new[] { "missing.json", "missing-folder" }, result.MissingPaths.ToArray());
        }

        [TestMethod]
        public void PathsOutsideTheBaseAreShownInFull()
        {
            string elsewhere = Path.Combine(_root, "sub");
            var result = new FileDiscovery(new[] { "bin2" }, Path.Combine(_root, "vendor")).Discover(new[] { elsewhere });

            CollectionAssert.AreEqual(new[] { Path.Combine(elsewhere, "z.JSON") }, result.Files.Select(f => f.DisplayPath).ToArray());
        }

        [TestMethod]
        public void SymlinkedFolderCyclesAreNotFollowed()
        {
            Directory.CreateSymbolicLink(Path.Combine(_root, "sub", "loop"), _root);

            string[] files = Discover(Array.Empty<string>(), ".");

            Assert.IsFalse(files.Any(f => f.Contains("loop", StringComparison.Ordinal)), string.Join(", ", files));
        }

        [TestMethod]
        public void UnreadableFoldersAreReportedNotThrown()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Inconclusive("uses Unix permissions");
                return;
            }
            string locked = Path.Combine(_root, "locked");
            Directory.CreateDirectory(locked);
            File.WriteAllText(Path.Combine(locked, "f.json"), "{}");
            File.SetUnixFileMode(locked, UnixFileMode.None);
            try
            {
                if (Directory.GetFiles(locked).Length > 0) Assert.Inconclusive("running as root: permissions are not enforced");
            }
            catch (UnauthorizedAccessException)
            {
                var result = new FileDiscovery(Array.Empty<string>(), _root).Discover(new[] { "." });
                Assert.HasCount(1, result.UnreadableFolders);
                Assert.StartsWith("locked: ", result.UnreadableFolders[0]);
                Assert.Contains("a.json", result.Files.Select(f => f.DisplayPath).ToList());
            }
            finally
            {
                File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }
}
