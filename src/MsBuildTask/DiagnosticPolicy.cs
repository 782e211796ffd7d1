using System;
using System.Collections.Generic;

namespace Shipshape.MsBuild
{
    /// <summary>How a finding is logged once the project's switches are applied.</summary>
    internal enum LoggedAs
    {
        Suppressed,
        Message,
        Warning,
        Error,
    }

    /// <summary>
    /// The .NET SDK's switches applied to our rule IDs the way the C# compiler applies them to analyzer IDs,
    /// so a rule behaves the same whether the task (JSON/YAML) or an analyzer (C#) reports it:
    /// <list type="bullet">
    /// <item><c>NoWarn</c> suppresses the rule whatever its severity (like an analyzer diagnostic, not a compiler error).</item>
    /// <item>Errors stay errors.</item>
    /// <item>A warning is an error when its ID is in <c>WarningsAsErrors</c>, or when <c>TreatWarningsAsErrors</c> is true and its ID is not in <c>WarningsNotAsErrors</c>.</item>
    /// <item>Notes are never promoted; they are logged as high-importance messages.</item>
    /// </list>
    /// MSBuild's own <c>MSBuildTreatWarningsAsErrors</c>, <c>MSBuildWarningsAsErrors</c>, <c>MSBuildWarningsNotAsErrors</c>
    /// and <c>MSBuildWarningsAsMessages</c> then act on the warnings we log, as on any task's.
    /// </summary>
    internal sealed class DiagnosticPolicy
    {
        private readonly HashSet<string> _noWarn;
        private readonly HashSet<string> _warningsAsErrors;
        private readonly HashSet<string> _warningsNotAsErrors;
        private readonly bool _treatWarningsAsErrors;

        public DiagnosticPolicy(string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, bool treatWarningsAsErrors)
        {
            _noWarn = ParseList(noWarn);
            _warningsAsErrors = ParseList(warningsAsErrors);
            _warningsNotAsErrors = ParseList(warningsNotAsErrors);
            _treatWarningsAsErrors = treatWarningsAsErrors;
        }

        public LoggedAs Decide(string ruleId, string severity)
        {
            if (_noWarn.Contains(ruleId)) return LoggedAs.Suppressed;
            switch (severity)
            {
                case "error":
                    return LoggedAs.Error;
                case "warning":
                    if (_warningsAsErrors.Contains(ruleId)) return LoggedAs.Error;
                    if (_treatWarningsAsErrors && !_warningsNotAsErrors.Contains(ruleId)) return LoggedAs.Error;
                    return LoggedAs.Warning;
                default:
                    return LoggedAs.Message;
            }
        }

        /// <summary>The SDK's lists: IDs separated by semicolons or commas, with any whitespace; case-insensitive.</summary>
        internal static HashSet<string> ParseList(string? list)
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (string.IsNullOrWhiteSpace(list)) return set;
            foreach (string part in list!.Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries))
                set.Add(part.Trim());
            return set;
        }
    }
}
