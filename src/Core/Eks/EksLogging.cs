using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Shipshape.Eks
{
    /// <summary>
    /// The EKS control-plane log types (the EKS API <c>LogType</c> enum, CloudFormation's <c>LoggingTypeConfig.Type</c>),
    /// exact and case-sensitive; eksctl also accepts <c>"*"</c> and <c>"all"</c> for all five.
    /// </summary>
    public static class EksLogTypes
    {
        public static readonly IReadOnlyList<string> All = new[] { "api", "audit", "authenticator", "controllerManager", "scheduler" };

        private static readonly string[] EksctlWildcards = { "*", "all" };

        /// <summary>Other names people give the log types (component and log stream names), normalised by <see cref="Normalise"/>.</summary>
        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["apiserver"] = "api",
            ["apiserveraudit"] = "audit",
            ["auditlog"] = "audit",
            ["auditlogs"] = "audit",
            ["auth"] = "authenticator",
            ["authentication"] = "authenticator",
            ["iamauthenticator"] = "authenticator",
            ["awsiamauthenticator"] = "authenticator",
            ["controller"] = "controllerManager",
            ["controllermgr"] = "controllerManager",
            ["cm"] = "controllerManager",
            ["sched"] = "scheduler",
        };

        public static bool IsType(string value) => All.Contains(value, StringComparer.Ordinal);

        public static bool IsEksctlWildcard(string value) => EksctlWildcards.Contains(value, StringComparer.Ordinal);

        /// <summary>True when the value enables something in this format: a log type, or in eksctl a wildcard.</summary>
        public static bool IsValid(string value, EksClusterFormat format)
            => IsType(value) || (format == EksClusterFormat.Eksctl && IsEksctlWildcard(value));

        /// <summary>A value written for a templating tool (<c>${TYPES}</c>, <c>{{ .Types }}</c>, <c>&lt;generated&gt;</c>): unknown, never a violation.</summary>
        public static bool IsPlaceholder(string value)
        {
            string v = value.Trim();
            return v.IndexOf("${", StringComparison.Ordinal) >= 0 || v.IndexOf("{{", StringComparison.Ordinal) >= 0
                || v.IndexOf("$(", StringComparison.Ordinal) >= 0 || (v.Length > 2 && v[0] == '<' && v[v.Length - 1] == '>');
        }

        /// <summary>The log type (or eksctl wildcard) the author most likely meant, or null when nothing is close.</summary>
        public static string? Suggest(string value, EksClusterFormat format)
        {
            var candidates = format == EksClusterFormat.Eksctl ? All.Concat(EksctlWildcards).ToList() : All.ToList();
            foreach (var candidate in candidates)
                if (string.Equals(candidate, value.Trim(), StringComparison.OrdinalIgnoreCase)) return candidate;
            string normal = Normalise(value);
            if (normal.Length == 0) return null;
            foreach (var type in All)
                if (Normalise(type) == normal) return type;
            if (Aliases.TryGetValue(normal, out var alias)) return alias;
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var type in All)
            {
                int distance = Text.EditDistance.Between(normal, type.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    best = type;
                    bestDistance = distance;
                }
            }
            // Close enough to be a typo: at most 2 edits, and fewer than a third of the word.
            return best != null && bestDistance <= 2 && bestDistance * 3 < best.Length ? best : null;
        }

        /// <summary>Why a value is not a log type in this format, and what to write instead (ends without a full stop).</summary>
        public static string Explain(string value, EksClusterFormat format)
        {
            if (format == EksClusterFormat.CloudFormation && IsEksctlWildcard(value.Trim()))
                return "CloudFormation has no wildcard (only eksctl expands it); list the types " + JoinQuoted(All);
            string? suggestion = Suggest(value, format);
            if (suggestion != null && suggestion == value.Trim())
                return "it has surrounding whitespace; write '" + suggestion + "'";
            if (suggestion != null && string.Equals(suggestion, value.Trim(), StringComparison.OrdinalIgnoreCase))
                return "log types are case-sensitive; write '" + suggestion + "'";
            if (suggestion != null) return "did you mean '" + suggestion + "'?";
            return format == EksClusterFormat.Eksctl
                ? "the log types are " + JoinQuoted(All) + ", or '*'/'all' for all five"
                : "the log types are " + JoinQuoted(All);
        }

        /// <summary><c>'a', 'b' and 'c'</c>.</summary>
        public static string JoinQuoted(IEnumerable<string> values)
        {
            var list = values.Select(v => "'" + v + "'").ToList();
            if (list.Count <= 1) return string.Concat(list);
            return string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1];
        }

        /// <summary>Lower case without separators and a leading <c>kube</c> (<c>kube-controller-manager</c> → <c>controllermanager</c>).</summary>
        private static string Normalise(string value)
        {
            var sb = new StringBuilder(value.Length);
            foreach (char c in value)
                if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            string s = sb.ToString();
            if (s.StartsWith("kube", StringComparison.Ordinal) && s.Length > 4) s = s.Substring(4);
            return s;
        }
    }

    /// <summary>
    /// The <c>logRetentionInDays</c> values eksctl accepts: a subset of what CloudWatch Logs' <c>PutRetentionPolicy</c>
    /// accepts (eksctl's list lacks 1096, 2192, 2557, 2922 and 3288).
    /// </summary>
    public static class EksctlLogRetention
    {
        public static readonly IReadOnlyList<int> Allowed = new[] { 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653 };

        /// <summary>Accepted by CloudWatch Logs, rejected by eksctl's validation.</summary>
        public static readonly IReadOnlyList<int> CloudWatchOnly = new[] { 1096, 2192, 2557, 2922, 3288 };

        public static bool IsAllowed(long days) => Allowed.Any(a => a == days);

        /// <summary>Why <paramref name="days"/> is rejected and the nearest accepted values (ends without a full stop).</summary>
        public static string Explain(long days)
        {
            int? lower = Allowed.Where(a => a < days).Select(a => (int?)a).LastOrDefault();
            int? higher = Allowed.Where(a => a > days).Select(a => (int?)a).FirstOrDefault();
            string nearest = lower != null && higher != null
                ? "the nearest are " + Format(lower.Value) + " and " + Format(higher.Value)
                : "the nearest is " + Format((lower ?? higher)!.Value);
            string prefix = CloudWatchOnly.Any(c => c == days)
                ? "CloudWatch Logs accepts it, but eksctl allows only "
                : "eksctl allows only ";
            return prefix + string.Join(", ", Allowed.Select(Format)) + " days; " + nearest;
        }

        private static string Format(int days) => days.ToString(CultureInfo.InvariantCulture);
    }
}
