using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Shipshape.Cli.Output;
using Shipshape.Engine;
using Shipshape.Findings;

namespace Shipshape.Cli
{
    /// <summary>What <c>shipshape check</c> was asked to do.</summary>
    internal sealed class CheckOptions
    {
        public CheckOptions(IReadOnlyList<string> paths, IReadOnlyList<string> excludes, string format, string? outputPath, string failLevel)
        {
            Paths = paths;
            Excludes = excludes;
            Format = format;
            OutputPath = outputPath;
            FailLevel = failLevel;
        }

        public IReadOnlyList<string> Paths { get; }
        public IReadOnlyList<string> Excludes { get; }
        public string Format { get; }
        public string? OutputPath { get; }
        public string FailLevel { get; }
    }

    /// <summary><c>shipshape check</c>: discover files, lint them in parallel, report findings in a stable order.</summary>
    internal sealed class CheckCommand
    {
        public static readonly string[] Formats = { "text", "json", "sarif", "github", "msbuild" };
        public static readonly string[] FailLevels = { "error", "warning", "note", "none" };

        private readonly TextWriter _error;

        public CheckCommand(TextWriter error)
        {
            _error = error;
        }

        public int Run(CheckOptions options)
        {
            string currentDirectory = Directory.GetCurrentDirectory();
            FileDiscovery discovery;
            try
            {
                discovery = new FileDiscovery(options.Excludes, currentDirectory);
            }
            catch (FormatException ex)
            {
                _error.WriteLine("shipshape: --exclude: " + ex.Message);
                return ExitCodes.UsageOrInternalError;
            }

            var found = discovery.Discover(options.Paths.Count > 0 ? options.Paths : new[] { "." });
            if (found.MissingPaths.Count > 0)
            {
                foreach (string missing in found.MissingPaths) _error.WriteLine("shipshape: no such file or folder: " + missing);
                return ExitCodes.UsageOrInternalError;
            }
            foreach (string folder in found.UnreadableFolders) _error.WriteLine("shipshape: warning: cannot read folder " + folder);

            // A previous run's --output report must not be linted as input.
            string? outputFullPath = options.OutputPath == null ? null : Path.GetFullPath(options.OutputPath);
            var files = found.Files.Where(f => f.FullPath != outputFullPath).ToList();

            var engine = new LintEngine();
            var reports = Lint(engine, files);
            var findings = reports.SelectMany(r => r.Findings).ToList();
            findings.Sort();
            var report = new CheckReport(findings, reports.Count(r => r.Checked), reports.Count(r => !r.Checked), engine.Catalogue, currentDirectory);

            try
            {
                WriteReport(report, options);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                _error.WriteLine("shipshape: cannot write " + (options.OutputPath ?? "to stdout") + ": " + ex.Message);
                return ExitCodes.UsageOrInternalError;
            }
            _error.WriteLine(SummaryLine.Format(report));
            return Fails(findings, options.FailLevel) ? ExitCodes.Findings : ExitCodes.Clean;
        }

        private FileReport[] Lint(LintEngine engine, IReadOnlyList<DiscoveredFile> files)
        {
            var reports = new FileReport[files.Count];
            var progress = new ProgressReporter(_error, files.Count, enabled: !Console.IsErrorRedirected);
            // Results go into their slot by index, so the order never depends on scheduling.
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var report = engine.LintFile(files[i].FullPath, files[i].DisplayPath, files[i].ExplicitlyNamed);
                // Keep positions and the lines to print, not the file's text: memory follows the largest file, not their number.
                reports[i] = new FileReport(report.Path, report.Kind, Finding.Detach(report.Findings), report.SkipReason);
                progress.Advance();
            });
            progress.Clear();
            return reports;
        }

        private static void WriteReport(CheckReport report, CheckOptions options)
        {
            bool toConsole = options.OutputPath == null;
            bool color = toConsole && ColorPolicy.ShouldColor(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));
            using var writer = toConsole ? ConsoleStreams.OpenStandardOutput() : ConsoleStreams.CreateFile(options.OutputPath!);
            CreateFormatter(options.Format, color).Write(report, writer);
        }

        internal static IReportFormatter CreateFormatter(string format, bool color)
        {
            switch (format)
            {
                case "json": return new JsonFormatter(ToolInfo.Version);
                case "sarif": return new SarifFormatter(ToolInfo.Version);
                case "github": return new GitHubFormatter();
                case "msbuild": return new MsBuildFormatter();
                default: return new TextFormatter(color);
            }
        }

        private static bool Fails(IEnumerable<Finding> findings, string failLevel)
            => SeverityNames.TryParse(failLevel, out Severity threshold) && findings.Any(f => f.Severity >= threshold);
    }
}
