using System;
using System.IO;
using Microsoft.Build.Framework;

namespace Shipshape.MsBuild
{
    /// <summary>
    /// Logs the findings <see cref="ShipshapeLint"/> stored, in every build (the lint itself is incremental),
    /// in MSBuild's canonical form <c>file(line,col,endLine,endCol): error ID: message</c>, with the rule's
    /// help link. The project's <c>NoWarn</c>, <c>WarningsAsErrors</c>, <c>WarningsNotAsErrors</c> and
    /// <c>TreatWarningsAsErrors</c> are applied as the compiler applies them to analyzer IDs (see <see cref="DiagnosticPolicy"/>).
    /// </summary>
    public sealed class ShipshapeReport : Microsoft.Build.Utilities.Task
    {
        [Required]
        public string CacheFile { get; set; } = string.Empty;

        public string? NoWarn { get; set; }

        public string? WarningsAsErrors { get; set; }

        public string? WarningsNotAsErrors { get; set; }

        public bool TreatWarningsAsErrors { get; set; }

        [Output]
        public int ErrorCount { get; set; }

        [Output]
        public int WarningCount { get; set; }

        public override bool Execute()
        {
            System.Collections.Generic.IReadOnlyList<CachedFinding> findings;
            try
            {
                findings = FindingsCache.Read(CacheFile);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is FormatException)
            {
                Log.LogError(null, "LINT001", null, null, CacheFile, 0, 0, 0, 0, "Shipshape cannot read its findings file (delete obj/ and build again): " + ex.Message);
                return false;
            }

            var policy = new DiagnosticPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
            foreach (var f in findings)
            {
                switch (policy.Decide(f.RuleId, f.Severity))
                {
                    case LoggedAs.Error:
                        ErrorCount++;
                        Log.LogError(null, f.RuleId, null, f.HelpLink, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, "{0}", f.Message);
                        break;
                    case LoggedAs.Warning:
                        WarningCount++;
                        Log.LogWarning(null, f.RuleId, null, f.HelpLink, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, "{0}", f.Message);
                        break;
                    case LoggedAs.Message:
                        Log.LogMessage(null, f.RuleId, null, f.File, f.Line, f.Column, f.EndLine, f.EndColumn, MessageImportance.High, "{0}", f.Message);
                        break;
                }
            }
            return !Log.HasLoggedErrors;
        }
    }
}
