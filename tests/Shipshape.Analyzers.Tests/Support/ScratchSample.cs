using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Shipshape.Analyzers.Tests.Support
{
    /// <summary>A scratch copy of samples/cdk-app (tools write bin/ and obj/ into it) and the processes run on it.</summary>
    internal static class ScratchSample
    {
        /// <summary>The dotnet host that runs the tests (set by the dotnet CLI), else the one on PATH.</summary>
        public static string Dotnet { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

        /// <summary>Skips (inconclusive) when asked to, or when the CDK packages are not in the NuGet cache (offline).</summary>
        public static void SkipWhenOffline()
        {
            if (Environment.GetEnvironmentVariable("SHIPSHAPE_SKIP_BUILD_TESTS") == "1") Assert.Inconclusive("SHIPSHAPE_SKIP_BUILD_TESTS=1");
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            if (!Directory.Exists(Path.Combine(packages, "amazon.cdk.lib", "2.160.0")))
                Assert.Inconclusive("Amazon.CDK.Lib 2.160.0 is not in the NuGet cache (offline?)");
        }

        public static string NewFolder(string prefix) => Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));

        public static void Delete(string folder)
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        /// <summary>The test host runs under `dotnet test`: its MSBuild settings must not leak into nested builds or servers.</summary>
        public static void CleanEnvironment(ProcessStartInfo start)
        {
            foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
                start.Environment.Remove(key);
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
        }

        public static string Position(string text, string at)
        {
            int index = text.IndexOf(at, StringComparison.Ordinal);
            Assert.IsTrue(index >= 0 && text.IndexOf(at, index + 1, StringComparison.Ordinal) < 0, "'" + at + "' must occur once in the file");
            int line = 1 + text.Take(index).Count(c => c == '\n');
            int column = index - text.LastIndexOf('\n', Math.Max(0, index - 1));
            return line + "," + column;
        }

        public static void Copy(string from, string to)
        {
            foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(from, file);
                var segments = relative.Split(Path.DirectorySeparatorChar);
                if (segments.Contains("bin") || segments.Contains("obj")) continue;
                string target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo(Dotnet)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments) start.ArgumentList.Add(argument);
            CleanEnvironment(start);
            using var process = Process.Start(start)!;
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            lock (output) return (process.ExitCode, output.ToString());
        }
    }
}
