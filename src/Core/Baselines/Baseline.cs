using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Shipshape.Configuration;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Text;

namespace Shipshape.Baselines
{
    /// <summary>One recorded finding.</summary>
    public sealed class BaselineEntry
    {
        public BaselineEntry(string ruleId, string path, string location, string fingerprint, string message)
        {
            RuleId = ruleId;
            Path = path;
            Location = location;
            Fingerprint = fingerprint;
            Message = message;
        }

        public string RuleId { get; }

        /// <summary>Relative to the baseline file's folder, forward slashes.</summary>
        public string Path { get; }

        public string Location { get; }

        /// <summary>What matching uses (see <see cref="Fingerprints"/>).</summary>
        public string Fingerprint { get; }

        /// <summary>For people reading the file; not used for matching.</summary>
        public string Message { get; }

        public override string ToString() => Path + ": " + RuleId + (Location.Length > 0 ? " at " + Location : string.Empty) + ": " + Message;
    }

    /// <summary>
    /// One file's findings ready for a baseline: each with its logical location, computed while the parsed
    /// documents are at hand so they need not be kept for the whole run.
    /// </summary>
    public sealed class BaselineInput
    {
        public BaselineInput(string fullPath, IReadOnlyList<Finding> findings, IReadOnlyList<string> locations)
        {
            if (findings.Count != locations.Count) throw new ArgumentException("one location per finding", nameof(locations));
            FullPath = fullPath;
            Findings = findings;
            Locations = locations;
        }

        public string FullPath { get; }
        public IReadOnlyList<Finding> Findings { get; }
        public IReadOnlyList<string> Locations { get; }

        /// <summary>The findings a file reports after suppressions, located in its documents.</summary>
        public static BaselineInput From(string fullPath, ProcessedFile file) => From(fullPath, file.Findings, file.Report.Documents);

        public static BaselineInput From(string fullPath, IReadOnlyList<Finding> findings, IReadOnlyList<Node> documents)
            => new BaselineInput(fullPath, findings, Fingerprints.Locate(findings, documents));
    }

    /// <summary>What a baseline did to a run.</summary>
    public sealed class BaselineResult
    {
        public BaselineResult(IReadOnlyList<Finding> newFindings, IReadOnlyList<Finding> baselined, IReadOnlyList<BaselineEntry> fixedEntries)
        {
            NewFindings = newFindings;
            Baselined = baselined;
            Fixed = fixedEntries;
        }

        /// <summary>Findings not in the baseline: the ones to report.</summary>
        public IReadOnlyList<Finding> NewFindings { get; }

        /// <summary>Findings the baseline accepted.</summary>
        public IReadOnlyList<Finding> Baselined { get; }

        /// <summary>Entries of checked (or deleted) files that no finding matched any more: the baseline can shrink.</summary>
        public IReadOnlyList<BaselineEntry> Fixed { get; }
    }

    /// <summary>
    /// A baseline file (<c>shipshape-baseline.json</c>): the findings a repository had when it adopted
    /// Shipshape, by stable fingerprint. Findings that match an entry are not reported; entries no finding
    /// matches are listed as fixed. Paths are relative to the baseline's folder, so the file can be committed.
    /// </summary>
    public sealed class Baseline
    {
        public const int FormatVersion = 1;

        private static readonly StringComparison PathComparison =
            System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        public Baseline(string fullPath, IReadOnlyList<BaselineEntry> entries)
        {
            FullPath = fullPath;
            Directory = System.IO.Path.GetDirectoryName(fullPath) ?? string.Empty;
            Entries = entries;
        }

        public string FullPath { get; }
        public string Directory { get; }
        public IReadOnlyList<BaselineEntry> Entries { get; }

        private HashSet<string>? _fingerprints;

        /// <summary>True when an entry has this fingerprint (the analyzers match C# findings one construct at a time).</summary>
        public bool Records(string fingerprint)
        {
            var set = _fingerprints ??= new HashSet<string>(Entries.Select(e => e.Fingerprint), StringComparer.Ordinal);
            return set.Contains(fingerprint);
        }

        /// <summary>A file's path as the baseline records it: relative to the baseline's folder with forward slashes (full path when outside it).</summary>
        public string RelativePath(string fileFullPath)
        {
            string folder = Directory.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
            string relative = fileFullPath.Length > folder.Length + 1 && fileFullPath.StartsWith(folder, PathComparison)
                && (fileFullPath[folder.Length] == System.IO.Path.DirectorySeparatorChar || fileFullPath[folder.Length] == System.IO.Path.AltDirectorySeparatorChar)
                ? fileFullPath.Substring(folder.Length + 1)
                : fileFullPath;
            return relative.Replace('\\', '/');
        }

        /// <summary>Records the findings of processed files (each with its full path) as a new baseline.</summary>
        /// <param name="kept">Entries to carry over as they are (the C# entries of the baseline being rewritten: the CLI does not check C#).</param>
        public static Baseline Create(string fullPath, IEnumerable<BaselineInput> files, IEnumerable<BaselineEntry>? kept = null)
        {
            var empty = new Baseline(System.IO.Path.GetFullPath(fullPath), Array.Empty<BaselineEntry>());
            var entries = new List<BaselineEntry>(kept ?? Array.Empty<BaselineEntry>());
            foreach (var file in files)
                entries.AddRange(Fingerprints.Compute(file.Findings, file.Locations, empty.RelativePath(file.FullPath)));
            return new Baseline(empty.FullPath, Sort(entries));
        }

        /// <summary>
        /// This baseline with more entries (the C# entries of a build's SARIF log): sorted, and an entry equal in rule,
        /// path and fingerprint to one already there is not added again (the logs of one build per target framework
        /// share most findings).
        /// </summary>
        public Baseline Add(IEnumerable<BaselineEntry> added)
        {
            var entries = new List<BaselineEntry>(Entries);
            var seen = new HashSet<string>(Entries.Select(Key), StringComparer.Ordinal);
            foreach (var entry in added)
                if (seen.Add(Key(entry))) entries.Add(entry);
            return new Baseline(FullPath, Sort(entries));

            static string Key(BaselineEntry e) => e.RuleId + "\n" + e.Path + "\n" + e.Fingerprint;
        }

        /// <summary>
        /// Splits a run's findings into new and baselined, and lists the entries nothing matched for files
        /// that were checked (or no longer exist).
        /// </summary>
        /// <param name="fileExists">Whether a relative path still exists (default: the file system).</param>
        public BaselineResult Apply(IEnumerable<BaselineInput> files, Func<string, bool>? fileExists = null)
        {
            var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in Entries)
            {
                remaining.TryGetValue(entry.Fingerprint, out int n);
                remaining[entry.Fingerprint] = n + 1;
            }
            var newFindings = new List<Finding>();
            var baselined = new List<Finding>();
            var checkedPaths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                string relative = RelativePath(file.FullPath);
                checkedPaths.Add(relative);
                var prints = Fingerprints.Compute(file.Findings, file.Locations, relative);
                for (int i = 0; i < prints.Count; i++)
                {
                    if (remaining.TryGetValue(prints[i].Fingerprint, out int left) && left > 0)
                    {
                        remaining[prints[i].Fingerprint] = left - 1;
                        baselined.Add(file.Findings[i]);
                    }
                    else
                    {
                        newFindings.Add(file.Findings[i]);
                    }
                }
            }
            fileExists ??= relative => File.Exists(System.IO.Path.Combine(Directory, relative));
            var fixedEntries = new List<BaselineEntry>();
            foreach (var entry in Entries)
            {
                if (!remaining.TryGetValue(entry.Fingerprint, out int left) || left == 0) continue;
                if (!checkedPaths.Contains(entry.Path) && fileExists(entry.Path)) continue;
                remaining[entry.Fingerprint] = left - 1;
                fixedEntries.Add(entry);
            }
            return new BaselineResult(newFindings, baselined, fixedEntries);
        }

        /// <summary>True for entries of C# files: the analyzers record those (from the diagnostics' properties), not the CLI.</summary>
        public static bool IsCSharpEntry(BaselineEntry entry) => entry.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

        /// <summary>Reads a baseline file; throws <see cref="ConfigException"/> with positions when it is not one.</summary>
        public static Baseline Load(string fullPath, string? displayPath = null)
        {
            string text;
            try
            {
                text = File.ReadAllText(fullPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ConfigException(new[] { new ConfigError(displayPath ?? fullPath, new LinePosition(1, 1), "cannot read the baseline: " + ex.Message) });
            }
            return Parse(new SourceText(displayPath ?? fullPath, text), fullPath);
        }

        public static Baseline Parse(SourceText source, string fullPath)
        {
            var parsed = JsonParser.Parse(source);
            var errors = parsed.Problems.Select(p => new ConfigError(p.Span, p.Detail)).ToList();
            if (errors.Count > 0) throw new ConfigException(errors);
            var entries = new List<BaselineEntry>();
            const string Shape = "a baseline is { \"version\": 1, \"findings\": [ { \"ruleId\", \"path\", \"location\", \"fingerprint\", \"message\" } ] }";
            if (!(parsed.Documents[0] is MappingNode root) || !(root.Get("findings") is SequenceNode list))
                throw new ConfigException(new[] { new ConfigError(parsed.Documents[0].Span, "not a Shipshape baseline: " + Shape) });
            if (!(root.Get("version") is ScalarNode version) || version.Value != "1")
                throw new ConfigException(new[] { new ConfigError((root.Get("version") ?? root).Span, "unsupported baseline version; this Shipshape reads version " + FormatVersion) });
            foreach (var item in list.Items)
            {
                string? Field(string key) => item is MappingNode m && m.Get(key) is ScalarNode s && s.IsString ? s.Value : null;
                string? rule = Field("ruleId"), path = Field("path"), fingerprint = Field("fingerprint");
                if (rule == null || path == null || fingerprint == null)
                {
                    errors.Add(new ConfigError(item.Span, "a baseline entry needs ruleId, path and fingerprint"));
                    continue;
                }
                entries.Add(new BaselineEntry(rule, path, Field("location") ?? string.Empty, fingerprint, Field("message") ?? string.Empty));
            }
            if (errors.Count > 0) throw new ConfigException(errors);
            return new Baseline(fullPath, entries);
        }

        /// <summary>The file's JSON: sorted, one entry per line group, stable across runs so diffs stay small.</summary>
        public string Serialize()
        {
            var json = new StringBuilder();
            json.Append("{\n  \"version\": ").Append(FormatVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n");
            json.Append("  \"tool\": \"shipshape\",\n");
            json.Append("  \"findings\": [");
            for (int i = 0; i < Entries.Count; i++)
            {
                var e = Entries[i];
                json.Append(i == 0 ? "\n" : ",\n");
                json.Append("    {\n");
                json.Append("      \"ruleId\": ").Append(Quote(e.RuleId)).Append(",\n");
                json.Append("      \"path\": ").Append(Quote(e.Path)).Append(",\n");
                json.Append("      \"location\": ").Append(Quote(e.Location)).Append(",\n");
                json.Append("      \"fingerprint\": ").Append(Quote(e.Fingerprint)).Append(",\n");
                json.Append("      \"message\": ").Append(Quote(e.Message)).Append('\n');
                json.Append("    }");
            }
            json.Append(Entries.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
            return json.ToString();
        }

        /// <summary>Writes the file (creating its folder).</summary>
        public void Save()
        {
            if (Directory.Length > 0) System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(FullPath, Serialize(), new UTF8Encoding(false));
        }

        private static IReadOnlyList<BaselineEntry> Sort(List<BaselineEntry> entries)
            => entries.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal)
                .ThenBy(e => e.Location, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal).ToList();

        private static string Quote(string value)
        {
            var s = new StringBuilder(value.Length + 2);
            s.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': s.Append("\\\""); break;
                    case '\\': s.Append("\\\\"); break;
                    case '\n': s.Append("\\n"); break;
                    case '\r': s.Append("\\r"); break;
                    case '\t': s.Append("\\t"); break;
                    default:
                        if (c < 0x20) s.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else s.Append(c);
                        break;
                }
            }
            return s.Append('"').ToString();
        }
    }
}
