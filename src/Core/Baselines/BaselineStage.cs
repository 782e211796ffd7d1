using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Shipshape.Configuration;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Text;

namespace Shipshape.Baselines
{
    /// <summary>
    /// The last stage of every surface: drops the findings a baseline records (an explicit one, else the one each
    /// file's configuration names) and says, for humans, what each baseline accepted and which entries are fixed.
    /// </summary>
    public static class BaselineStage
    {
        public static List<Finding> Apply(IReadOnlyList<ProcessedFile> reports, IReadOnlyList<BaselineInput> located, IReadOnlyList<FileConfiguration> configs,
            string? explicitBaseline, Func<string, string> displayPath, List<string> notes)
        {
            var findings = new List<Finding>();
            var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (int i = 0; i < reports.Count; i++)
            {
                string? path = explicitBaseline != null ? Path.GetFullPath(explicitBaseline) : configs[i].Baseline;
                if (path == null)
                {
                    findings.AddRange(reports[i].Findings);
                    continue;
                }
                if (!groups.TryGetValue(path, out var list)) groups[path] = list = new List<int>();
                list.Add(i);
            }
            if (explicitBaseline != null && groups.Count == 0) groups[Path.GetFullPath(explicitBaseline)] = new List<int>();
            foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                string display = displayPath(group.Key);
                if (!File.Exists(group.Key))
                    throw new ConfigException(new[] { new ConfigError(display, new LinePosition(1, 1), "no such baseline file (create it with --write-baseline)") });
                var baseline = Baseline.Load(group.Key, display);
                var result = baseline.Apply(group.Value.Select(i => located[i]));
                findings.AddRange(result.NewFindings);
                notes.Add("shipshape: baseline " + display + ": " + result.Baselined.Count + " known finding" + (result.Baselined.Count == 1 ? string.Empty : "s") + " not shown, "
                    + result.Fixed.Count + " entr" + (result.Fixed.Count == 1 ? "y" : "ies") + " fixed" + (result.Fixed.Count > 0 ? " (rewrite it with --write-baseline to drop them):" : string.Empty));
                foreach (var entry in result.Fixed) notes.Add("  fixed: " + entry);
            }
            return findings;
        }
    }
}
