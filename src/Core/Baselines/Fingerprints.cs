using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Text;

namespace Shipshape.Baselines
{
    /// <summary>
    /// Stable fingerprints for baselines: rule, path (relative to the baseline), logical location (the key
    /// path to the offending node, e.g. <c>Resources.Repo.Properties.RepositoryPolicyText.Statement[Sid=CiPush].Action</c>)
    /// and the offending token's text with whitespace normalised; list items without a Sid/Name count by position
    /// only as <c>[]</c>, so inserting one above does not renumber the rest. No line numbers: edits above or below a
    /// finding leave its fingerprint alone. Equal keys in one file are told apart by occurrence (<c>:2</c>).
    /// </summary>
    public static class Fingerprints
    {
        private static readonly System.Text.RegularExpressions.Regex UnnamedIndex = new System.Text.RegularExpressions.Regex(@"\[[0-9]+\]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>Baseline entries for a file's findings (feed them in their sorted order).</summary>
        public static IReadOnlyList<BaselineEntry> Compute(IReadOnlyList<Finding> findings, IReadOnlyList<Node> documents, string relativePath)
            => Compute(findings, Locate(findings, documents), relativePath);

        /// <summary>The logical location of each finding (see <see cref="LogicalLocation"/>).</summary>
        public static IReadOnlyList<string> Locate(IReadOnlyList<Finding> findings, IReadOnlyList<Node> documents)
        {
            var locations = new string[findings.Count];
            for (int i = 0; i < findings.Count; i++) locations[i] = LogicalLocation(documents, findings[i].Span);
            return locations;
        }

        /// <summary>Baseline entries for findings whose locations are known (feed them in their sorted order).</summary>
        public static IReadOnlyList<BaselineEntry> Compute(IReadOnlyList<Finding> findings, IReadOnlyList<string> locations, string relativePath)
        {
            var entries = new List<BaselineEntry>(findings.Count);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                string location = locations[i];
                // Unnamed list items count in the key only as "[]": inserting a statement above must not renumber the rest.
                string key = finding.RuleId + "\n" + relativePath + "\n" + UnnamedIndex.Replace(location, "[]") + "\n" + NormaliseContent(finding.Span);
                seen.TryGetValue(key, out int count);
                seen[key] = ++count;
                entries.Add(new BaselineEntry(finding.RuleId, relativePath, location, Hash(key) + ":" + count.ToString(CultureInfo.InvariantCulture), finding.Message));
            }
            return entries;
        }

        /// <summary>The offending text with runs of whitespace collapsed (indentation changes do not matter).</summary>
        public static string NormaliseContent(SourceSpan span)
        {
            if (span.Length == 0 || span.Source == null) return string.Empty;
            var text = new StringBuilder(span.Length);
            bool space = false;
            for (int i = span.Start; i < span.End && i < span.Source.Length; i++)
            {
                char c = span.Source.Text[i];
                if (char.IsWhiteSpace(c))
                {
                    space = text.Length > 0;
                    continue;
                }
                if (space) text.Append(' ');
                space = false;
                text.Append(c);
            }
            return text.ToString();
        }

        /// <summary>
        /// The key path from the document root to the deepest node holding the span: mapping keys joined by
        /// dots, list items as <c>[Sid=…]</c>/<c>[Name=…]</c> when they carry one, else <c>[index]</c>. Empty when
        /// nothing holds it (a finding about the whole file). Several YAML documents are prefixed <c>$1</c>, <c>$2</c>….
        /// </summary>
        public static string LogicalLocation(IReadOnlyList<Node> documents, SourceSpan span)
        {
            for (int d = 0; d < documents.Count; d++)
            {
                var path = new StringBuilder();
                if (documents.Count > 1) path.Append('$').Append(d.ToString(CultureInfo.InvariantCulture));
                if (Contains(documents[d].Span, span))
                {
                    Descend(documents[d], span, path, 0);
                    return path.ToString();
                }
            }
            return string.Empty;
        }

        private static void Descend(Node node, SourceSpan span, StringBuilder path, int depth)
        {
            if (depth > 512) return;
            if (node is MappingNode map)
            {
                // The last entry with the key wins, as AWS reads duplicates; search from the end.
                for (int i = map.Entries.Count - 1; i >= 0; i--)
                {
                    var entry = map.Entries[i];
                    if (Contains(entry.Key.Span, span))
                    {
                        AppendKey(path, entry.Name);
                        return;
                    }
                    if (Contains(entry.Value.Span, span))
                    {
                        AppendKey(path, entry.Name);
                        Descend(entry.Value, span, path, depth + 1);
                        return;
                    }
                }
            }
            else if (node is SequenceNode seq)
            {
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    var item = seq.Items[i];
                    if (!Contains(item.Span, span)) continue;
                    path.Append('[').Append(ItemName(item) ?? i.ToString(CultureInfo.InvariantCulture)).Append(']');
                    Descend(item, span, path, depth + 1);
                    return;
                }
            }
        }

        private static string? ItemName(Node item)
        {
            if (!(item is MappingNode map)) return null;
            foreach (string key in new[] { "Sid", "Name", "name" })
                if (map.Get(key) is ScalarNode s && s.IsString && s.Value.Length > 0) return key + "=" + s.Value;
            return null;
        }

        private static void AppendKey(StringBuilder path, string key)
        {
            bool plain = key.Length > 0 && key.IndexOfAny(new[] { '.', '[', ']', '\'' }) < 0;
            if (plain)
            {
                if (path.Length > 0 && path[path.Length - 1] != '$') path.Append('.');
                path.Append(key);
            }
            else
            {
                path.Append("['").Append(key.Replace("'", "''")).Append("']");
            }
        }

        private static bool Contains(SourceSpan outer, SourceSpan inner)
            => outer.Source == inner.Source && outer.Start <= inner.Start && inner.End <= outer.End;

        private static string Hash(string key)
        {
            using var sha = SHA256.Create();
            byte[] digest = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
            var hex = new StringBuilder(32);
            for (int i = 0; i < 16; i++) hex.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
            return hex.ToString();
        }
    }
}
