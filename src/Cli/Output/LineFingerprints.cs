using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Shipshape.Findings;

namespace Shipshape.Cli.Output
{
    /// <summary>
    /// SARIF <c>primaryLocationLineHash</c> values in GitHub's form <c>hash:occurrence</c>. The hash covers the
    /// rule, the path and the trimmed line text (not the line number, so edits above a finding do not move
    /// it); the 1-based occurrence tells apart equal lines. Feed findings in their sorted order.
    /// </summary>
    internal sealed class LineFingerprints
    {
        private readonly Dictionary<string, int> _occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly LastLine _lastLine = new LastLine();
        private string _lineDigest = string.Empty;

        public string Next(Finding finding)
        {
            // The line is digested once, however many findings share it.
            if (_lastLine.MoveTo(finding)) _lineDigest = Hex(Sha256(_lastLine.Text.Trim()), 32);
            string key = finding.RuleId + "\n" + finding.Path + "\n" + _lineDigest;
            _occurrences.TryGetValue(key, out int seen);
            _occurrences[key] = ++seen;
            return Hex(Sha256(key), 8) + ":" + seen.ToString(CultureInfo.InvariantCulture);
        }

        private static byte[] Sha256(string text)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        }

        private static string Hex(byte[] bytes, int count)
        {
            var hex = new StringBuilder(count * 2);
            for (int i = 0; i < count; i++) hex.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
            return hex.ToString();
        }
    }
}
