using System.Collections.Generic;
using System.Globalization;
using Shipshape.Findings;

namespace Shipshape.Cli.Output
{
    /// <summary>The one-line summary written to stderr, e.g. <c>12 files checked, 3 skipped: 2 errors, 1 warning</c>.</summary>
    internal static class SummaryLine
    {
        public static string Format(CheckReport report)
        {
            var counts = new List<string>();
            AddCount(counts, report.Count(Severity.Error), "error");
            AddCount(counts, report.Count(Severity.Warning), "warning");
            AddCount(counts, report.Count(Severity.Note), "note");
            return Plural(report.FilesChecked, "file") + " checked, "
                + report.FilesSkipped.ToString(CultureInfo.InvariantCulture) + " skipped: "
                + (counts.Count == 0 ? "no findings" : string.Join(", ", counts));
        }

        private static void AddCount(List<string> counts, int count, string noun)
        {
            if (count > 0) counts.Add(Plural(count, noun));
        }

        private static string Plural(int count, string noun)
            => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
    }
}
