using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Shipshape.Tests.Cli
{
    /// <summary>What one run of the real executable did.</summary>
    internal sealed class RunResult
    {
        public RunResult(int exitCode, string stdout, string stderr)
        {
            ExitCode = exitCode;
            Stdout = stdout;
            Stderr = stderr;
        }

        public int ExitCode { get; }
        public string Stdout { get; }
        public string Stderr { get; }

        public override string ToString() => "exit " + ExitCode + "\n--- stdout\n" + Stdout + "--- stderr\n" + Stderr;
    }

    /// <summary>Runs the built <c>shipshape.dll</c> (copied next to the test assembly by the project reference) as a child process.</summary>
    internal static class ShipshapeProcess
    {
        // A hang guard, not a speed check: generous, because CI machines are shared and the 10 MB test runs a Debug build.
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

        public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "shipshape.dll");

        /// <summary>The dotnet host that runs the tests (set by the dotnet CLI), else the one on PATH.</summary>
        public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

        public static RunResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

        /// <param name="environment">Variables to set; a null value removes the variable.</param>
        public static RunResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
        {
            var start = new ProcessStartInfo(DotnetHost)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(DllPath);
            foreach (string arg in args) start.ArgumentList.Add(arg);
            return Start(start, environment);
        }

        /// <summary>Runs an arbitrary program (e.g. <c>script</c> to fake a terminal) with the same capture.</summary>
        public static RunResult Start(ProcessStartInfo start, IReadOnlyDictionary<string, string?>? environment)
        {
            // The test host may itself run with NO_COLOR set; each test states what it wants.
            start.Environment.Remove("NO_COLOR");
            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    if (pair.Value == null) start.Environment.Remove(pair.Key);
                    else start.Environment[pair.Key] = pair.Value;
                }
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + start.FileName);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail(start.FileName + " did not finish within " + Timeout);
            }
            return new RunResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
    }
}
