using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Shipshape.Package.Tests
{
    /// <summary>What one run of <c>dotnet</c> did.</summary>
    internal sealed class DotnetResult
    {
        public DotnetResult(string arguments, int exitCode, string output, TimeSpan elapsed)
        {
            Arguments = arguments;
            ExitCode = exitCode;
            Output = output;
            Elapsed = elapsed;
        }

        public string Arguments { get; }
        public int ExitCode { get; }

        /// <summary>Standard output and error, interleaved as they came.</summary>
        public string Output { get; }

        public TimeSpan Elapsed { get; }

        public override string ToString() => "dotnet " + Arguments + " → exit " + ExitCode + " in " + Elapsed.TotalSeconds.ToString("0.0") + " s\n" + Output;
    }

    /// <summary>
    /// Runs the dotnet CLI as a user would, isolated from the test run: no MSBuild variables inherited from the
    /// `dotnet test` that started us, no node reuse, no compiler server (a server left running would hold our
    /// output pipes open), the NuGet cache given.
    /// </summary>
    internal static class DotnetProcess
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

        public static string Host { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

        public static DotnetResult Run(string workingDirectory, string? nugetPackages, params string[] args)
        {
            var start = new ProcessStartInfo(Host)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args) start.ArgumentList.Add(arg);

            var inherited = new List<string>();
            foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables()) inherited.Add((string)entry.Key);
            foreach (string name in inherited)
            {
                if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("NUGET_PACKAGES", StringComparison.OrdinalIgnoreCase))
                    start.Environment.Remove(name);
            }
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            start.Environment["UseSharedCompilation"] = "false";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            if (nugetPackages != null) start.Environment["NUGET_PACKAGES"] = nugetPackages;

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + Host);
            var output = new System.Text.StringBuilder();
            var gate = new object();
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (gate) output.Append(e.Data).Append('\n'); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (gate) output.Append(e.Data).Append('\n'); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("dotnet " + string.Join(" ", args) + " did not finish within " + Timeout + "\n" + output);
            }
            process.WaitForExit();
            lock (gate) return new DotnetResult(string.Join(" ", args), process.ExitCode, output.ToString(), clock.Elapsed);
        }
    }
}
