using System;
using System.Collections.Generic;
using Shipshape.Model;

namespace Shipshape.Ecr
{
    /// <summary>Checks the keys and enum values of a mapping against what a grammar allows there (names and values are case-sensitive).</summary>
    public static class FieldNames
    {
        /// <summary>
        /// The keys of <paramref name="map"/> that are not in <paramref name="allowed"/>, each with a message saying how to fix it:
        /// the right spelling when only the case differs, the right place when <paramref name="elsewhere"/> knows one.
        /// </summary>
        public static IEnumerable<(ScalarNode Key, string Detail)> Unknown(MappingNode map, IReadOnlyList<string> allowed, string where, Func<string, string?>? elsewhere = null)
        {
            if (map.IsUnknown) yield break;
            foreach (var entry in map.Entries)
            {
                string name = entry.Name;
                if (Contains(allowed, name, StringComparison.Ordinal)) continue;
                string? spelled = Find(allowed, name, StringComparison.OrdinalIgnoreCase);
                string? home = elsewhere?.Invoke(name);
                string detail = spelled != null
                    ? "unknown field '" + name + "' in " + where + "; field names are case-sensitive: write '" + spelled + "'"
                    : home != null
                        ? "'" + name + "' does not belong in " + where + "; move it into " + home
                        : "unknown field '" + name + "' in " + where + "; the fields allowed there are " + string.Join(", ", allowed) + ": remove or rename it";
                yield return (entry.Key, detail);
            }
        }

        /// <summary>True when the field is present, or present with other letter case (already reported as misspelt, so not also missing).</summary>
        public static bool HasOrMisspelled(MappingNode map, string name)
        {
            foreach (var entry in map.Entries)
                if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>" (values are case-sensitive: write 'X')" when <paramref name="value"/> is an allowed value in other letter case; empty otherwise.</summary>
        public static string CaseHint(string? value, IReadOnlyList<string> allowed)
        {
            string? spelled = value == null ? null : Find(allowed, value, StringComparison.OrdinalIgnoreCase);
            return spelled == null ? string.Empty : " (values are case-sensitive: write '" + spelled + "')";
        }

        private static bool Contains(IReadOnlyList<string> names, string name, StringComparison comparison) => Find(names, name, comparison) != null;

        private static string? Find(IReadOnlyList<string> names, string name, StringComparison comparison)
        {
            foreach (var n in names)
                if (string.Equals(n, name, comparison)) return n;
            return null;
        }
    }
}
