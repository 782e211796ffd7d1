using System.Collections.Generic;
using System.Linq;
using Shipshape.Catalogue;
using Shipshape.Findings;

namespace Shipshape.Cli.Output
{
    /// <summary>Everything a formatter needs about one <c>check</c> run.</summary>
    internal sealed class CheckReport
    {
        public CheckReport(IReadOnlyList<Finding> findings, int filesChecked, int filesSkipped, RuleCatalogue catalogue, string sourceRoot)
        {
            Findings = findings;
            FilesChecked = filesChecked;
            FilesSkipped = filesSkipped;
            Catalogue = catalogue;
            SourceRoot = sourceRoot;
        }

        /// <summary>In <see cref="Finding.CompareTo"/> order.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        public int FilesChecked { get; }
        public int FilesSkipped { get; }
        public RuleCatalogue Catalogue { get; }

        /// <summary>The full path relative display paths are relative to (SARIF's %SRCROOT%).</summary>
        public string SourceRoot { get; }

        public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

        public string? HelpUri(string ruleId) => Catalogue.TryGet(ruleId, out var rule) ? rule.HelpUri : null;
    }
}
