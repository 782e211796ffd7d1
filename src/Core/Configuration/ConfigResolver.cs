using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Shipshape.Catalogue;
using Shipshape.Detection;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Text;

namespace Shipshape.Configuration
{
    /// <summary>
    /// Finds the configuration that applies to each file: the <c>.shipshape.yaml</c> files from the file's
    /// folder upwards, merged so the nearest wins setting by setting, stopping after a file with
    /// <c>root: true</c>; or one explicit file (<c>--config</c>) for everything. Files are read once and cached;
    /// thread-safe. Throws <see cref="ConfigException"/> (with file:line:col) for a config that is not valid.
    /// </summary>
    public sealed class ConfigResolver
    {
        private readonly string? _explicitPath;
        private readonly string? _explicitBase;
        private readonly Func<string, string?> _readFile;
        private readonly Func<string, string> _displayPath;
        private readonly Func<SourceText, Node?, IReadOnlyList<ConfigError>>? _validator;
        private readonly RuleCatalogue _catalogue;
        private readonly Dictionary<string, IReadOnlyList<ShipshapeConfig>> _chains = new Dictionary<string, IReadOnlyList<ShipshapeConfig>>(StringComparer.Ordinal);
        private readonly Dictionary<string, ShipshapeConfig?> _files = new Dictionary<string, ShipshapeConfig?>(StringComparer.Ordinal);
        private readonly object _gate = new object();

        /// <param name="explicitConfigPath">A config file used for every path instead of searching (the CLI's <c>--config</c>).</param>
        /// <param name="readFile">Returns a file's text or null when there is none (default: the file system; the analyzers pass their additional files).</param>
        /// <param name="displayPath">How a config's path is shown in errors (default: as is).</param>
        /// <param name="validator">An extra check of the parsed YAML before it is read (the CLI's JSON Schema validation); its errors stop the run.</param>
        /// <param name="explicitConfigBase">
        /// The folder an explicit config's globs and paths are relative to (the CLI passes the current folder, so
        /// <c>--config ci/strict.yaml</c> works for the whole repository); default: the config's own folder.
        /// </param>
        public ConfigResolver(string? explicitConfigPath = null, Func<string, string?>? readFile = null, Func<string, string>? displayPath = null,
            Func<SourceText, Node?, IReadOnlyList<ConfigError>>? validator = null, RuleCatalogue? catalogue = null, string? explicitConfigBase = null)
        {
            _explicitPath = explicitConfigPath == null ? null : Path.GetFullPath(explicitConfigPath);
            _explicitBase = explicitConfigBase == null ? null : Path.GetFullPath(explicitConfigBase);
            _readFile = readFile ?? ReadFromDisk;
            _displayPath = displayPath ?? (p => p);
            _validator = validator;
            _catalogue = catalogue ?? RuleCatalogue.Embedded;
        }

        /// <summary>No configuration at all: the catalogue's defaults.</summary>
        public static FileConfiguration Defaults(string fullPath) => new FileConfiguration(fullPath, Array.Empty<ShipshapeConfig>());

        /// <summary>The configuration for one file (full path).</summary>
        public FileConfiguration ForFile(string fullPath)
        {
            string directory = Path.GetDirectoryName(fullPath) ?? string.Empty;
            return new FileConfiguration(fullPath, Chain(directory));
        }

        /// <summary>The config files that apply in a folder, nearest first.</summary>
        public IReadOnlyList<ShipshapeConfig> Chain(string directory)
        {
            lock (_gate)
            {
                if (_chains.TryGetValue(directory, out var cached)) return cached;
                IReadOnlyList<ShipshapeConfig> chain;
                if (_explicitPath != null)
                {
                    var config = Load(_explicitPath);
                    if (config == null)
                        throw new ConfigException(new[] { new ConfigError(_displayPath(_explicitPath), new LinePosition(1, 1), "no such configuration file") });
                    chain = new[] { config };
                }
                else
                {
                    var list = new List<ShipshapeConfig>();
                    string? folder = directory;
                    while (!string.IsNullOrEmpty(folder))
                    {
                        var config = Load(Path.Combine(folder, ShipshapeConfig.FileName));
                        if (config != null)
                        {
                            list.Add(config);
                            if (config.Root) break;
                        }
                        folder = Path.GetDirectoryName(folder);
                    }
                    chain = list;
                }
                _chains[directory] = chain;
                return chain;
            }
        }

        private ShipshapeConfig? Load(string fullPath)
        {
            if (_files.TryGetValue(fullPath, out var known)) return known;
            string? text = _readFile(fullPath);
            ShipshapeConfig? config = null;
            if (text != null)
            {
                var source = new SourceText(_displayPath(fullPath), text);
                var (root, syntax) = ShipshapeConfig.ParseYaml(source);
                if (syntax.Count > 0) throw new ConfigException(syntax);
                if (_validator != null)
                {
                    var errors = _validator(source, root);
                    if (errors.Count > 0)
                    {
                        // Add what only the engine's reader knows (unknown rule IDs, bad regexes) where the validator said nothing.
                        var all = new List<ConfigError>(errors);
                        try
                        {
                            ShipshapeConfig.Read(root, source, fullPath, _catalogue, fullPath == _explicitPath ? _explicitBase : null);
                        }
                        catch (ConfigException more)
                        {
                            all.AddRange(more.Errors.Where(e => !errors.Any(v => v.Position.Equals(e.Position))));
                        }
                        throw new ConfigException(all.OrderBy(e => e.Position).ToList());
                    }
                }
                config = ShipshapeConfig.Read(root, source, fullPath, _catalogue, fullPath == _explicitPath ? _explicitBase : null);
            }
            _files[fullPath] = config;
            return config;
        }

        private static string? ReadFromDisk(string fullPath)
        {
            if (!File.Exists(fullPath)) return null;
            try
            {
                return File.ReadAllText(fullPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ConfigException(new[] { new ConfigError(fullPath, new LinePosition(1, 1), "cannot read the configuration: " + ex.Message) });
            }
        }
    }

    /// <summary>
    /// The merged configuration for one file: what every surface asks before and after linting it
    /// (is it included, what kind is it, which rule options, which severities, are inline suppressions on,
    /// which baseline).
    /// </summary>
    public sealed class FileConfiguration
    {
        private static readonly StringComparison PathComparison =
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        public FileConfiguration(string fullPath, IReadOnlyList<ShipshapeConfig> chain)
        {
            FullPath = fullPath;
            Chain = chain;
        }

        public string FullPath { get; }

        /// <summary>The config files that apply, nearest first (empty: defaults).</summary>
        public IReadOnlyList<ShipshapeConfig> Chain { get; }

        /// <summary>False when an <c>exclude</c> of any config matches, or the nearest <c>include</c> does not.</summary>
        public bool IsIncluded
        {
            get
            {
                foreach (var config in Chain)
                    if (Glob.IsMatchAny(config.Exclude, RelativeTo(config))) return false;
                var withInclude = Chain.FirstOrDefault(c => c.Include != null);
                return withInclude == null || Glob.IsMatchAny(withInclude.Include!, RelativeTo(withInclude));
            }
        }

        /// <summary>The kind a <c>kinds:</c> glob gives this file (nearest config first), or null.</summary>
        public KindOverride? KindOverride
        {
            get
            {
                foreach (var config in Chain)
                    foreach (var kind in config.Kinds)
                        if (kind.Glob.IsMatch(RelativeTo(config))) return kind;
                return null;
            }
        }

        /// <summary>Inline comments and CloudFormation Metadata suppress findings unless a config says <c>inline-suppressions: false</c>.</summary>
        public bool InlineSuppressions => Chain.Select(c => c.InlineSuppressions).FirstOrDefault(v => v.HasValue) ?? true;

        /// <summary>The baseline the nearest config names, or null.</summary>
        public string? Baseline => Chain.Select(c => c.Baseline).FirstOrDefault(b => b != null);

        /// <summary>A rule's options, merged option by option (nearest wins).</summary>
        public RuleOptions OptionsFor(string ruleId)
        {
            var options = RuleOptions.Empty;
            for (int i = Chain.Count - 1; i >= 0; i--)
                if (Chain[i].Rules.TryGetValue(ruleId, out var rule)) options = rule.Options.Over(options);
            return options;
        }

        /// <summary>The severity a finding of this rule gets here, or null when the rule is off (or excluded for this file).</summary>
        public Severity? SeverityFor(string ruleId, Severity defaultSeverity)
        {
            foreach (var config in Chain)
                if (config.Rules.TryGetValue(ruleId, out var rule) && Glob.IsMatchAny(rule.Exclude, RelativeTo(config))) return null;
            foreach (var config in Chain)
            {
                if (!config.Rules.TryGetValue(ruleId, out var rule) || !rule.SetsSeverity) continue;
                return rule.Off ? (Severity?)null : rule.Severity;
            }
            return defaultSeverity;
        }

        /// <summary>What the engine needs while linting this file: kind override and rule options.</summary>
        public LintSettings ToLintSettings()
        {
            var kind = KindOverride;
            if (kind == null && Chain.All(c => c.Rules.Values.All(r => !r.Options.Names.Any()))) return LintSettings.Default;
            return new LintSettings(kind?.Kind, kind?.PolicyKind, OptionsFor);
        }

        /// <summary>The file's path relative to a config's folder (forward slashes), or its full path when outside it.</summary>
        private string RelativeTo(ShipshapeConfig config)
        {
            string folder = config.Directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            string relative = FullPath.Length > folder.Length + 1 && FullPath.StartsWith(folder, PathComparison)
                && (FullPath[folder.Length] == Path.DirectorySeparatorChar || FullPath[folder.Length] == Path.AltDirectorySeparatorChar)
                ? FullPath.Substring(folder.Length + 1)
                : FullPath;
            return relative.Replace('\\', '/');
        }
    }
}
