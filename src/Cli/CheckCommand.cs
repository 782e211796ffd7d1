using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Shipshape.Baselines;
using Shipshape.Cli.Output;
using Shipshape.Configuration;
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

        /// <summary><c>--config</c>: this file for every path instead of searching for <c>.shipshape.yaml</c>.</summary>
        public string? ConfigPath { get; init; }

        /// <summary><c>--no-inline-suppressions</c>: comments and Metadata suppress nothing.</summary>
        public bool NoInlineSuppressions { get; init; }

        /// <summary><c>--baseline</c>: report only findings not recorded in this file.</summary>
        public string? BaselinePath { get; init; }

        /// <summary><c>--write-baseline</c>: record the current findings in this file.</summary>
        public string? WriteBaselinePath { get; init; }
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

            // Configuration: the .shipshape.yaml files that apply to each file (or --config), validated first.
            var configs = new ConfigResolver(options.ConfigPath, displayPath: p => DisplayPath(currentDirectory, p), validator: ConfigSchema.Validate, explicitConfigBase: currentDirectory);
            FileConfiguration[] fileConfigs;
            try
            {
                if (options.ConfigPath != null) configs.Chain(currentDirectory);
                var configured = files.Select(f => (File: f, Config: configs.ForFile(f.FullPath))).ToList();
                // Config files, baselines and unincluded files found by walking are not linted; named files always are.
                var skip = new HashSet<string>(StringComparer.Ordinal) { FullOrEmpty(options.BaselinePath), FullOrEmpty(options.WriteBaselinePath), FullOrEmpty(options.ConfigPath) };
                foreach (var c in configured) if (c.Config.Baseline != null) skip.Add(c.Config.Baseline);
                configured = configured.Where(c => c.File.ExplicitlyNamed
                    || (c.Config.IsIncluded && !skip.Contains(c.File.FullPath) && Path.GetFileName(c.File.FullPath) != ShipshapeConfig.FileName)).ToList();
                files = configured.Select(c => c.File).ToList();
                fileConfigs = configured.Select(c => c.Config).ToArray();
            }
            catch (ConfigException ex)
            {
                foreach (var error in ex.Errors) _error.WriteLine("shipshape: " + error);
                return ExitCodes.UsageOrInternalError;
            }

            var engine = new LintEngine();
            var (reports, located) = Lint(engine, files, fileConfigs, options.NoInlineSuppressions, options.BaselinePath != null || options.WriteBaselinePath != null);

            if (options.WriteBaselinePath != null)
            {
                // C# entries (added from the analyzers' diagnostics) survive a rewrite: this run cannot see C# findings.
                string baselinePath = Path.GetFullPath(options.WriteBaselinePath);
                var kept = new List<BaselineEntry>();
                if (File.Exists(baselinePath))
                {
                    try
                    {
                        kept.AddRange(Baseline.Load(baselinePath).Entries.Where(Baseline.IsCSharpEntry));
                    }
                    catch (ConfigException)
                    {
                        // An unreadable old baseline is simply replaced.
                    }
                }
                var written = Baseline.Create(baselinePath, located, kept);
                try
                {
                    written.Save();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    _error.WriteLine("shipshape: cannot write " + options.WriteBaselinePath + ": " + ex.Message);
                    return ExitCodes.UsageOrInternalError;
                }
                int recorded = written.Entries.Count - kept.Count;
                _error.WriteLine("shipshape: wrote " + recorded + " finding" + (recorded == 1 ? string.Empty : "s") + " to the baseline " + options.WriteBaselinePath
                    + (kept.Count > 0 ? " (kept " + kept.Count + " C# entr" + (kept.Count == 1 ? "y" : "ies") + ")" : string.Empty));
                return ExitCodes.Clean;
            }

            List<Finding> findings;
            var baselineNotes = new List<string>();
            try
            {
                findings = BaselineStage.Apply(reports, located, fileConfigs, options.BaselinePath, p => DisplayPath(currentDirectory, p), baselineNotes);
            }
            catch (ConfigException ex)
            {
                foreach (var error in ex.Errors) _error.WriteLine("shipshape: " + error);
                return ExitCodes.UsageOrInternalError;
            }
            findings.Sort();
            var report = new CheckReport(findings, reports.Count(r => r.Report.Checked), reports.Count(r => !r.Report.Checked), engine.Catalogue, currentDirectory);

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
            int suppressed = reports.Sum(r => r.Suppressed.Count);
            if (suppressed > 0)
                _error.WriteLine("shipshape: " + suppressed + " finding" + (suppressed == 1 ? " was" : "s were") + " suppressed by comments or Metadata (--no-inline-suppressions shows them)");
            foreach (string note in baselineNotes) _error.WriteLine(note);
            return Fails(findings, options.FailLevel) ? ExitCodes.Findings : ExitCodes.Clean;
        }

        /// <summary>Lints and post-processes every file; keeps findings with their logical locations (for baselines), not the parse trees.</summary>
        private (ProcessedFile[] Reports, BaselineInput[] Located) Lint(LintEngine engine, IReadOnlyList<DiscoveredFile> files, IReadOnlyList<FileConfiguration> configs, bool noInlineSuppressions, bool needsBaseline)
        {
            var reports = new ProcessedFile[files.Count];
            var located = new BaselineInput[files.Count];
            var postProcessor = new FindingPostProcessor(engine.Catalogue);
            var progress = new ProgressReporter(_error, files.Count, enabled: !Console.IsErrorRedirected);
            // Results go into their slot by index, so the order never depends on scheduling.
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var report = engine.LintFile(files[i].FullPath, files[i].DisplayPath, files[i].ExplicitlyNamed, configs[i].ToLintSettings());
                var processed = postProcessor.Process(report, configs[i], noInlineSuppressions);
                // Baselines need the parse trees and texts (logical locations, token text); only compute them then.
                if (needsBaseline || configs[i].Baseline != null) located[i] = BaselineInput.From(files[i].FullPath, processed);
                // Keep positions and the lines to print, not the file's text or trees: memory follows the largest file.
                reports[i] = new ProcessedFile(new FileReport(report.Path, report.Kind, Finding.Detach(report.Findings), report.SkipReason),
                    Finding.Detach(processed.Findings), processed.Suppressed);
                progress.Advance();
            });
            progress.Clear();
            return (reports, located);
        }

        private static string FullOrEmpty(string? path) => path == null ? string.Empty : Path.GetFullPath(path);

        /// <summary>Relative to the current folder (forward slashes) when under it, else the full path.</summary>
        private static string DisplayPath(string currentDirectory, string fullPath)
        {
            string folder = currentDirectory.TrimEnd(Path.DirectorySeparatorChar);
            if (fullPath.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return fullPath.Substring(folder.Length + 1).Replace(Path.DirectorySeparatorChar, '/');
            return fullPath;
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
