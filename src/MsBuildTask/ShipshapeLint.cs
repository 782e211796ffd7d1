using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Build.Framework;
using Shipshape.Baselines;
using Shipshape.Configuration;
using Shipshape.Engine;
using Shipshape.Findings;

namespace Shipshape.MsBuild
{
    /// <summary>
    /// Runs the engine over the project's JSON/YAML files and writes every finding to <see cref="CacheFile"/>
    /// (also the lint target's stamp). It logs nothing about findings: <see cref="ShipshapeReport"/> does, in
    /// every build, so an up-to-date project still fails on the same errors.
    /// </summary>
    public sealed class ShipshapeLint : Microsoft.Build.Utilities.Task
    {
        /// <summary>Name of the configuration files the engine looks for above each linted file.</summary>
        public const string ConfigFileName = ".shipshape.yaml";

        // One engine for every project the MSBuild node builds: it is immutable and thread-safe.
        private static readonly Lazy<LintEngine> SharedEngine = new Lazy<LintEngine>(() => new LintEngine());

        /// <summary>
        /// The files to lint (<c>@(ShipshapeFile)</c>). Items with metadata <c>ShipshapeDefault=true</c> came from
        /// the default globs: those that are not ours, broken or binary are skipped quietly, as in a folder walk.
        /// Others were named by the user and are always reported on (a missing one is <c>LINT001</c>).
        /// </summary>
        [Required]
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Where the findings go (obj/shipshape/findings-VERSION.txt).</summary>
        [Required]
        public string CacheFile { get; set; } = string.Empty;

        /// <summary>
        /// <c>$(ShipshapeConfigFile)</c>: a configuration file named by the project, or empty to use the
        /// <c>.shipshape.yaml</c> files found above each linted file.
        /// </summary>
        public string? ConfigFile { get; set; }

        /// <summary>
        /// Where to list the configuration files this lint depended on (one full path a line); the targets
        /// read it back into the lint target's Inputs, so editing any of them re-lints.
        /// </summary>
        public string? DependencyFile { get; set; }

        /// <summary>Files linted (after duplicates are removed), for the build log.</summary>
        [Output]
        public int FileCount { get; set; }

        /// <summary>Findings written to the cache, whatever their severity.</summary>
        [Output]
        public int FindingCount { get; set; }

        public override bool Execute()
        {
            var files = Distinct(Files);
            var configFiles = new SortedSet<string>(StringComparer.Ordinal);
            var findings = new List<Finding>();

            string? explicitConfig = string.IsNullOrWhiteSpace(ConfigFile) ? null : Path.GetFullPath(ConfigFile!.Trim());
            if (explicitConfig != null)
            {
                configFiles.Add(explicitConfig);
                if (!System.IO.File.Exists(explicitConfig))
                {
                    Log.LogError(null, "LINT001", null, Catalogue.RuleCatalogue.Embedded["LINT001"].HelpUri, explicitConfig, 0, 0, 0, 0,
                        "File cannot be read: the configuration file (ShipshapeConfigFile) does not exist");
                    return false;
                }
            }
            else
            {
                foreach (string? directory in files.Select(f => Path.GetDirectoryName(f.FullPath)).Distinct(StringComparer.Ordinal))
                    CollectConfigFiles(directory, configFiles);
            }

            // The same stages as the CLI: configuration (severities, include/exclude, kinds, options),
            // suppressions, then the baseline the configuration names.
            var engine = SharedEngine.Value;
            var resolver = new ConfigResolver(explicitConfig);
            FileConfiguration[] configs;
            try
            {
                configs = files.Select(f => resolver.ForFile(f.FullPath)).ToArray();
            }
            catch (ConfigException ex)
            {
                LogConfigErrors(ex);
                return false;
            }
            var included = Enumerable.Range(0, files.Count).Where(i => configs[i].IsIncluded).ToList();
            var processed = new ProcessedFile[included.Count];
            var located = new BaselineInput[included.Count];
            var postProcessor = new FindingPostProcessor(engine.Catalogue);
            Parallel.For(0, included.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
            {
                var file = files[included[k]];
                var config = configs[included[k]];
                var report = !file.ExplicitlyNamed && !System.IO.File.Exists(file.FullPath)
                    ? new FileReport(file.FullPath, Detection.DocumentKind.Unknown, Array.Empty<Finding>(), "does not exist")
                    : engine.LintFile(file.FullPath, file.DisplayPath, file.ExplicitlyNamed, config.ToLintSettings());
                processed[k] = postProcessor.Process(report, config, ignoreInlineSuppressions: false);
                located[k] = BaselineInput.From(file.FullPath, processed[k]);
            });
            foreach (var config in configs)
            {
                foreach (var link in config.Chain) configFiles.Add(link.FullPath);
                if (config.Baseline != null) configFiles.Add(config.Baseline);
            }
            var notes = new List<string>();
            try
            {
                findings.AddRange(BaselineStage.Apply(processed, located, included.Select(i => configs[i]).ToList(), null, p => p, notes));
            }
            catch (ConfigException ex)
            {
                LogConfigErrors(ex);
                return false;
            }
            foreach (string note in notes) Log.LogMessage(MessageImportance.High, note);
            var reports = processed.Select(p => p.Report).ToList();
            findings.Sort();

            FindingsCache.Write(CacheFile, findings.Select(ToCached));
            if (!string.IsNullOrEmpty(DependencyFile))
                FindingsCache.WriteAtomically(DependencyFile!, string.Concat(configFiles.Select(p => p + "\n")));

            FileCount = files.Count;
            FindingCount = findings.Count;
            Log.LogMessage(MessageImportance.Normal, "Shipshape: {0} file(s) checked of {1}, {2} finding(s)",
                reports.Count(r => r.Checked), files.Count, findings.Count);
            return !Log.HasLoggedErrors;
        }

        /// <summary>A broken configuration stops the lint with its exact positions, as the CLI's exit 2 does.</summary>
        private void LogConfigErrors(ConfigException ex)
        {
            string helpLink = Catalogue.RuleCatalogue.Embedded["LINT001"].HelpUri;
            foreach (var error in ex.Errors)
                Log.LogError("configuration", "LINT001", null, helpLink, error.Path, error.Position.Line, error.Position.Column, 0, 0,
                    "Invalid Shipshape configuration: " + error.Message);
        }

        internal static CachedFinding ToCached(Finding finding)
        {
            string helpLink = Catalogue.RuleCatalogue.Embedded.TryGet(finding.RuleId, out var descriptor) ? descriptor.HelpUri : string.Empty;
            return new CachedFinding(finding.Severity.ToName(), finding.RuleId, helpLink, finding.Path,
                finding.Start.Line, finding.Start.Column, finding.End.Line, finding.End.Column, OneLine(finding.Message));
        }

        private static string OneLine(string message) => message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');

        /// <summary>Each file once (the same file may come from a glob and from the user); explicit wins.</summary>
        private static List<DiscoveredFile> Distinct(IEnumerable<ITaskItem> items)
        {
            var comparer = Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var byPath = new Dictionary<string, DiscoveredFile>(comparer);
            foreach (var item in items)
            {
                string full = item.GetMetadata("FullPath");
                if (string.IsNullOrEmpty(full)) full = Path.GetFullPath(item.ItemSpec);
                bool isDefault = string.Equals(item.GetMetadata("ShipshapeDefault"), "true", StringComparison.OrdinalIgnoreCase);
                if (byPath.TryGetValue(full, out var existing) && (existing.ExplicitlyNamed || isDefault)) continue;
                // Full paths, as the compiler logs them: Visual Studio and editors resolve them without a base folder.
                byPath[full] = new DiscoveredFile(full, full, explicitlyNamed: !isDefault);
            }
            return byPath.Values.OrderBy(f => f.FullPath, StringComparer.Ordinal).ToList();
        }

        private static void CollectConfigFiles(string? directory, ISet<string> into)
        {
            while (!string.IsNullOrEmpty(directory))
            {
                string candidate = Path.Combine(directory, ConfigFileName);
                if (System.IO.File.Exists(candidate)) into.Add(candidate);
                directory = Path.GetDirectoryName(directory);
            }
        }
    }
}
