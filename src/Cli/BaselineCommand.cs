using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Shipshape.Baselines;
using Shipshape.Catalogue;
using Shipshape.Configuration;

namespace Shipshape.Cli
{
    /// <summary>
    /// <c>shipshape baseline --from-sarif build.sarif --write shipshape-baseline.json</c>: adds the C# findings of a
    /// build's SARIF log to a baseline (the analyzers put each finding's entry in the log; the CLI does not read C#).
    /// The baseline's other entries stay as they are; <c>shipshape check --write-baseline</c> rewrites the JSON/YAML ones.
    /// </summary>
    internal sealed class BaselineCommand
    {
        private readonly TextWriter _error;
        private readonly RuleCatalogue _catalogue;

        public BaselineCommand(TextWriter error, RuleCatalogue catalogue)
        {
            _error = error;
            _catalogue = catalogue;
        }

        public int Run(IReadOnlyList<string> sarifPaths, string baselinePath)
        {
            string fullPath = Path.GetFullPath(baselinePath);
            Baseline baseline;
            try
            {
                baseline = File.Exists(fullPath) ? Baseline.Load(fullPath, baselinePath) : new Baseline(fullPath, Array.Empty<BaselineEntry>());
            }
            catch (ConfigException ex)
            {
                // Never replace a baseline that cannot be read: its entries would be lost.
                foreach (var error in ex.Errors) _error.WriteLine("shipshape: " + error);
                return ExitCodes.UsageOrInternalError;
            }

            var added = new List<BaselineEntry>();
            foreach (string sarif in sarifPaths)
            {
                SarifBaselineRead read;
                try
                {
                    read = SarifBaselineEntries.Read(sarif, baseline, _catalogue);
                }
                catch (SarifException ex)
                {
                    _error.WriteLine("shipshape: " + sarif + (ex.Position != null ? ":" + ex.Position : string.Empty) + ": " + ex.Message);
                    return ExitCodes.UsageOrInternalError;
                }
                added.AddRange(read.Entries);
                if (read.WithoutEntry > 0)
                    _error.WriteLine("shipshape: warning: " + sarif + ": " + Count(read.WithoutEntry, "Shipshape result carries", "Shipshape results carry")
                        + " no baseline entry, not recorded (the analyzers add one when the .cs file's .shipshape.yaml names a baseline that exists when building)");
            }

            var written = baseline.Add(added);
            try
            {
                written.Save();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                _error.WriteLine("shipshape: cannot write " + baselinePath + ": " + ex.Message);
                return ExitCodes.UsageOrInternalError;
            }
            int recorded = written.Entries.Count - baseline.Entries.Count;
            int known = added.Select(e => e.RuleId + "\n" + e.Path + "\n" + e.Fingerprint).Distinct(StringComparer.Ordinal).Count() - recorded;
            _error.WriteLine("shipshape: added " + Count(recorded, "C# finding", "C# findings") + " to the baseline " + baselinePath
                + (known > 0 ? " (" + known + " already recorded)" : string.Empty));
            return ExitCodes.Clean;
        }

        private static string Count(int n, string one, string many) => n + " " + (n == 1 ? one : many);
    }
}
