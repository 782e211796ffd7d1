using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Shipshape.Baselines;
using Shipshape.Configuration;
using Shipshape.Model;
using Shipshape.Text;

namespace Shipshape.Analyzers.Configuration
{
    /// <summary>
    /// The Shipshape configuration of one compilation, read from its additional files (never from disk): the
    /// <c>.shipshape.yaml</c> files the package adds (or <c>$(ShipshapeConfigFile)</c>) and the baselines they name,
    /// resolved by the engine's own <see cref="ConfigResolver"/> so C# gets exactly the semantics of the CLI and the
    /// MSBuild task (nearest wins setting by setting, <c>root: true</c> stops). Made once per compilation and shared
    /// by every analyzer; each folder's configuration and each baseline is read once.
    /// </summary>
    internal sealed class CompilationConfig
    {
        /// <summary>The MSBuild property the package makes visible to the compiler (<c>CompilerVisibleProperty</c>).</summary>
        public const string ExplicitConfigProperty = "build_property.ShipshapeConfigFullPath";

        private static readonly ConditionalWeakTable<Compilation, CompilationConfig> ByCompilation = new ConditionalWeakTable<Compilation, CompilationConfig>();
        private static readonly StringComparer PathComparer = Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private readonly Compilation _compilation;
        private readonly Dictionary<string, AdditionalText> _files = new Dictionary<string, AdditionalText>(PathComparer);
        private readonly ConfigResolver? _resolver;
        private readonly string? _explicitPath;
        private readonly ConcurrentDictionary<string, FolderResult> _folders = new ConcurrentDictionary<string, FolderResult>(PathComparer);
        private readonly ConcurrentDictionary<string, BaselineResult> _baselines = new ConcurrentDictionary<string, BaselineResult>(PathComparer);
        private readonly ConcurrentDictionary<SyntaxTree, TreeSettings> _trees = new ConcurrentDictionary<SyntaxTree, TreeSettings>();

        private CompilationConfig(Compilation compilation, AnalyzerOptions options)
        {
            _compilation = compilation;
            foreach (var file in options.AdditionalFiles)
                _files[Normalise(file.Path)] = file;
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ExplicitConfigProperty, out string? explicitPath) && !string.IsNullOrWhiteSpace(explicitPath))
                _explicitPath = Normalise(explicitPath.Trim());
            // No configuration among the additional files: the catalogue's defaults, nothing to resolve.
            bool any = _explicitPath != null || _files.Keys.Any(p => string.Equals(Path.GetFileName(p), ShipshapeConfig.FileName, StringComparison.OrdinalIgnoreCase));
            if (any) _resolver = new ConfigResolver(_explicitPath, ReadFile);
        }

        /// <summary>The configuration of a compilation (made on first use, then shared by every analyzer).</summary>
        public static CompilationConfig For(Compilation compilation, AnalyzerOptions options)
            => ByCompilation.GetValue(compilation, c => new CompilationConfig(c, options));

        /// <summary>The settings for a tree of a compilation the analyzers started on; defaults when there is none.</summary>
        public static TreeSettings SettingsFor(Compilation? compilation, SyntaxTree tree, CancellationToken cancellationToken)
            => compilation != null && ByCompilation.TryGetValue(compilation, out var config) ? config.ForTree(tree, cancellationToken) : TreeSettings.Defaults;

        /// <summary>What applies to the C# in one tree.</summary>
        public TreeSettings ForTree(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (_resolver == null) return TreeSettings.Defaults;
            _ = cancellationToken; // Reading a few small additional files is not worth a check.
            return _trees.GetOrAdd(tree, Compute);
        }

        /// <summary>Every problem in the configurations and baselines the compilation's trees use (each once).</summary>
        public IReadOnlyList<ConfigError> Errors(CancellationToken cancellationToken)
        {
            if (_resolver == null) return Array.Empty<ConfigError>();
            var errors = new List<ConfigError>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in _compilation.SyntaxTrees)
            {
                foreach (var error in ForTree(tree, cancellationToken).Errors)
                    if (seen.Add(error.ToString())) errors.Add(error);
            }
            return errors;
        }

        /// <summary>The additional file a config error is in, or null (an explicit config file that is missing).</summary>
        public AdditionalText? FileOf(ConfigError error) => _files.TryGetValue(Normalise(error.Path), out var file) ? file : null;

        private TreeSettings Compute(SyntaxTree tree)
        {
            string path = string.IsNullOrEmpty(tree.FilePath) ? string.Empty : Normalise(tree.FilePath);
            string directory = SafeDirectory(path);
            var folder = _folders.GetOrAdd(directory, ResolveFolder);
            if (folder.Errors.Count > 0) return TreeSettings.Broken(folder.Errors);
            var configuration = new FileConfiguration(path, folder.Chain);
            if (!configuration.IsIncluded) return TreeSettings.Excluded;
            Baseline? baseline = null;
            if (configuration.Baseline != null)
            {
                var loaded = _baselines.GetOrAdd(configuration.Baseline, p => LoadBaseline(p, folder.Chain));
                if (loaded.Errors.Count > 0) return TreeSettings.Broken(loaded.Errors);
                baseline = loaded.Baseline;
            }
            return new TreeSettings(configuration, baseline, _compilation.Options.SyntaxTreeOptionsProvider);
        }

        private FolderResult ResolveFolder(string directory)
        {
            try
            {
                return new FolderResult(_resolver!.Chain(directory), Array.Empty<ConfigError>());
            }
            catch (ConfigException ex)
            {
                return new FolderResult(Array.Empty<ShipshapeConfig>(), ex.Errors);
            }
        }

        private BaselineResult LoadBaseline(string fullPath, IReadOnlyList<ShipshapeConfig> chain)
        {
            if (_files.TryGetValue(fullPath, out var file) && file.GetText() is Microsoft.CodeAnalysis.Text.SourceText text)
            {
                try
                {
                    return new BaselineResult(Baseline.Parse(new Shipshape.Text.SourceText(file.Path, text.ToString()), fullPath), Array.Empty<ConfigError>());
                }
                catch (ConfigException ex)
                {
                    return new BaselineResult(null, ex.Errors);
                }
            }
            // Not an additional file: say so at the `baseline:` of the config that names it.
            var naming = chain.First(c => c.Baseline != null);
            var at = BaselineKey(naming);
            string message = "no such baseline file: " + fullPath + " (create it with 'shipshape check --write-baseline'; the Shipshape package adds it to AdditionalFiles)";
            return new BaselineResult(null, new[] { at != null ? new ConfigError(at.Value, message) : new ConfigError(naming.FullPath, new LinePosition(1, 1), message) });
        }

        /// <summary>The value of the <c>baseline:</c> key in a config file, to point at.</summary>
        private SourceSpan? BaselineKey(ShipshapeConfig config)
        {
            string? text = ReadFile(config.FullPath);
            if (text == null) return null;
            var (root, errors) = ShipshapeConfig.ParseYaml(new Shipshape.Text.SourceText(FileOf(config.FullPath)?.Path ?? config.FullPath, text));
            return errors.Count == 0 && root is MappingNode map && map.Get("baseline") is Node value ? value.Span : (SourceSpan?)null;
        }

        private AdditionalText? FileOf(string fullPath) => _files.TryGetValue(Normalise(fullPath), out var file) ? file : null;

        private string? ReadFile(string fullPath) => FileOf(fullPath)?.GetText()?.ToString();

        private static string SafeDirectory(string path)
        {
            try
            {
                return Path.GetDirectoryName(path) ?? string.Empty;
            }
            catch (ArgumentException)
            {
                return string.Empty;
            }
        }

        private static string Normalise(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is System.Security.SecurityException)
            {
                return path;
            }
        }

        private sealed class FolderResult
        {
            public FolderResult(IReadOnlyList<ShipshapeConfig> chain, IReadOnlyList<ConfigError> errors)
            {
                Chain = chain;
                Errors = errors;
            }

            public IReadOnlyList<ShipshapeConfig> Chain { get; }
            public IReadOnlyList<ConfigError> Errors { get; }
        }

        private sealed class BaselineResult
        {
            public BaselineResult(Baseline? baseline, IReadOnlyList<ConfigError> errors)
            {
                Baseline = baseline;
                Errors = errors;
            }

            public Baseline? Baseline { get; }
            public IReadOnlyList<ConfigError> Errors { get; }
        }
    }
}
