using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Shipshape.Baselines;
using Shipshape.Catalogue;

namespace Shipshape.Cli
{
    /// <summary>A SARIF file that is not a readable SARIF 2.1 log: the message says why, for a person.</summary>
    internal sealed class SarifException : Exception
    {
        public SarifException(string message, string? position = null)
            : base(message)
        {
            Position = position;
        }

        /// <summary><c>line:column</c> in the log, when the problem has one.</summary>
        public string? Position { get; }
    }

    /// <summary>What one SARIF log gives a baseline.</summary>
    internal sealed class SarifBaselineRead
    {
        public SarifBaselineRead(IReadOnlyList<BaselineEntry> entries, int withoutEntry)
        {
            Entries = entries;
            WithoutEntry = withoutEntry;
        }

        /// <summary>The C# findings' baseline entries, paths relative to the baseline being written.</summary>
        public IReadOnlyList<BaselineEntry> Entries { get; }

        /// <summary>Shipshape results that carry no baseline entry (no baseline was configured for their file when building).</summary>
        public int WithoutEntry { get; }
    }

    /// <summary>
    /// Reads the baseline entries of C# findings from a compiler's SARIF 2.1 log (<c>dotnet build -p:ErrorLog=build.sarif%2Cversion=2.1</c>):
    /// the analyzers put each finding's entry in its properties (<c>ShipshapeFingerprint</c>, <c>ShipshapeBaselineLocation</c> =
    /// <c>path:location</c>, the path relative to the configured baseline), which the compiler keeps under
    /// <c>properties.customProperties</c>. Results of other analyzers, results without those properties and results
    /// suppressed in source are ignored.
    /// </summary>
    internal static class SarifBaselineEntries
    {
        private const string FingerprintProperty = "ShipshapeFingerprint";
        private const string BaselineLocationProperty = "ShipshapeBaselineLocation";

        /// <param name="sarifPath">The log, as the user named it (messages use this).</param>
        /// <param name="baseline">The baseline the entries are for: their paths are relative to its folder.</param>
        public static SarifBaselineRead Read(string sarifPath, Baseline baseline, RuleCatalogue catalogue)
        {
            string text;
            try
            {
                text = File.ReadAllText(sarifPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new SarifException(File.Exists(sarifPath) || Directory.Exists(sarifPath) ? "cannot read it: " + ex.Message : "no such file");
            }
            try
            {
                using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
                return Read(document.RootElement, sarifPath, baseline, catalogue);
            }
            catch (JsonException ex)
            {
                // The reader's message ends with its own 0-based position; say it as line:column instead.
                string detail = ex.Message;
                int at = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
                if (at > 0) detail = detail.Substring(0, at);
                string? position = ex.LineNumber is long line ? (line + 1) + ":" + ((ex.BytePositionInLine ?? 0) + 1) : null;
                throw new SarifException("not valid JSON: " + detail, position);
            }
        }

        private static SarifBaselineRead Read(JsonElement root, string sarifPath, Baseline baseline, RuleCatalogue catalogue)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
                throw new SarifException("not a SARIF log (no \"runs\" array)");
            string? version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (version != "2.1.0")
                throw new SarifException("SARIF version " + (version ?? "unknown") + " is not supported; build with -p:ErrorLog=build.sarif%2Cversion=2.1 for SARIF 2.1.0");

            var entries = new List<BaselineEntry>();
            int withoutEntry = 0;
            string sarifFolder = Path.GetDirectoryName(Path.GetFullPath(sarifPath)) ?? Directory.GetCurrentDirectory();
            foreach (var run in runs.EnumerateArray())
            {
                if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty("results", out var results)) continue;
                if (results.ValueKind != JsonValueKind.Array) throw new SarifException("\"results\" of a run is not an array");
                var bases = run.TryGetProperty("originalUriBaseIds", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
                foreach (var result in results.EnumerateArray())
                {
                    if (result.ValueKind != JsonValueKind.Object) throw new SarifException("a result is not an object");
                    string? ruleId = String(result, "ruleId");
                    if (ruleId == null || !catalogue.TryGet(ruleId, out _)) continue;
                    if (IsSuppressed(result)) continue;
                    var custom = result.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                        && properties.TryGetProperty("customProperties", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
                    string? fingerprint = custom.ValueKind == JsonValueKind.Object ? String(custom, FingerprintProperty) : null;
                    string? where = custom.ValueKind == JsonValueKind.Object ? String(custom, BaselineLocationProperty) : null;
                    if (string.IsNullOrEmpty(fingerprint) || string.IsNullOrEmpty(where))
                    {
                        withoutEntry++;
                        continue;
                    }
                    string? file = FilePath(result, bases, sarifFolder);
                    var (path, location) = Split(where!, file, baseline)
                        ?? throw new SarifException(ruleId + " in " + (file ?? "a result without a file") + " was fingerprinted against a baseline in another folder ("
                            + BaselineLocationProperty + " '" + where + "'); name the baseline the build's .shipshape.yaml names");
                    string message = result.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? String(m, "text") ?? string.Empty : string.Empty;
                    entries.Add(new BaselineEntry(ruleId, path, location, fingerprint!, message));
                }
            }
            return new SarifBaselineRead(entries, withoutEntry);
        }

        /// <summary>
        /// The entry's path and location from <c>path:location</c>. The path is the result's file relative to the
        /// baseline's folder, as the analyzer computed it; when the log comes from another checkout (CI), the path
        /// the analyzer recorded is accepted if the result's file ends with it and it exists under the baseline's folder.
        /// Null when neither holds: the build used a baseline in another folder, so its fingerprints would never match.
        /// </summary>
        private static (string Path, string Location)? Split(string where, string? file, Baseline baseline)
        {
            if (file == null) return null;
            string relative = baseline.RelativePath(file);
            if (where.StartsWith(relative + ":", StringComparison.Ordinal)) return (relative, where.Substring(relative.Length + 1));
            string slashed = file.Replace('\\', '/');
            for (int colon = where.IndexOf(':'); colon > 0; colon = where.IndexOf(':', colon + 1))
            {
                string candidate = where.Substring(0, colon);
                if (Path.IsPathRooted(candidate) || !slashed.EndsWith("/" + candidate, StringComparison.Ordinal)) continue;
                if (File.Exists(Path.Combine(baseline.Directory, candidate))) return (candidate, where.Substring(colon + 1));
            }
            return null;
        }

        /// <summary>The full path of the result's first location: a <c>file:</c> URI, or a relative one resolved through <c>uriBaseId</c> (else against the log's folder).</summary>
        private static string? FilePath(JsonElement result, JsonElement bases, string sarifFolder)
        {
            if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0) return null;
            var first = locations[0];
            if (first.ValueKind != JsonValueKind.Object || !first.TryGetProperty("physicalLocation", out var physical) || physical.ValueKind != JsonValueKind.Object
                || !physical.TryGetProperty("artifactLocation", out var artifact) || artifact.ValueKind != JsonValueKind.Object) return null;
            return Resolve(artifact, bases, sarifFolder, depth: 0);
        }

        private static string? Resolve(JsonElement artifact, JsonElement bases, string sarifFolder, int depth)
        {
            string? uri = String(artifact, "uri");
            if (uri == null || depth > 16) return null;
            if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute))
                return absolute.IsFile ? Full(absolute.LocalPath) : null;
            string relative = Uri.UnescapeDataString(uri);
            string folder = sarifFolder;
            if (String(artifact, "uriBaseId") is string baseId && bases.ValueKind == JsonValueKind.Object
                && bases.TryGetProperty(baseId, out var baseArtifact) && baseArtifact.ValueKind == JsonValueKind.Object)
                folder = Resolve(baseArtifact, bases, sarifFolder, depth + 1) ?? folder;
            return Full(Path.Combine(folder, relative));
        }

        private static string? Full(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return null;
            }
        }

        /// <summary>Suppressed in source (<c>#pragma</c>, <c>[SuppressMessage]</c>): the compiler logs it with a suppression; not a finding to record.</summary>
        private static bool IsSuppressed(JsonElement result)
            => result.TryGetProperty("suppressions", out var suppressions) && suppressions.ValueKind == JsonValueKind.Array && suppressions.GetArrayLength() > 0;

        private static string? String(JsonElement element, string name)
            => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
