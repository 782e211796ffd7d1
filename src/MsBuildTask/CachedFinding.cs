using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Shipshape.MsBuild
{
    /// <summary>
    /// One finding as the lint target stores it in obj/ and the report target logs it: everything MSBuild's
    /// full logging overload needs (code, help link, file, 1-based line/column, end line, exclusive end column).
    /// </summary>
    internal sealed class CachedFinding
    {
        public CachedFinding(string severity, string ruleId, string helpLink, string file, int line, int column, int endLine, int endColumn, string message)
        {
            Severity = severity;
            RuleId = ruleId;
            HelpLink = helpLink;
            File = file;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
            Message = message;
        }

        /// <summary><c>error</c>, <c>warning</c> or <c>note</c> (the rule's severity, before NoWarn/WarningsAsErrors).</summary>
        public string Severity { get; }
        public string RuleId { get; }
        public string HelpLink { get; }
        public string File { get; }
        public int Line { get; }
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }
        public string Message { get; }
    }

    /// <summary>
    /// The findings file in obj/: a header line, then one tab-separated line per finding (backslash escapes
    /// for tab, CR, LF and backslash). It is also the lint target's stamp (its Outputs), so it is written
    /// whole to a temporary file and moved into place: a lint that failed half-way leaves no stamp behind.
    /// </summary>
    internal static class FindingsCache
    {
        public const string Header = "shipshape-findings\t1";

        public static void Write(string path, IEnumerable<CachedFinding> findings)
        {
            var text = new StringBuilder();
            text.Append(Header).Append('\n');
            foreach (var f in findings)
            {
                text.Append(Escape(f.Severity)).Append('\t')
                    .Append(Escape(f.RuleId)).Append('\t')
                    .Append(Escape(f.HelpLink)).Append('\t')
                    .Append(Escape(f.File)).Append('\t')
                    .Append(f.Line.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(f.Column.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(f.EndLine.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(f.EndColumn.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(Escape(f.Message)).Append('\n');
            }
            WriteAtomically(path, text.ToString());
        }

        /// <summary>Writes text to a temporary file beside <paramref name="path"/> and moves it into place.</summary>
        public static void WriteAtomically(string path, string text)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            string temporary = path + "." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".tmp";
            System.IO.File.WriteAllText(temporary, text, new UTF8Encoding(false));
            try
            {
                if (System.IO.File.Exists(path)) System.IO.File.Delete(path);
                System.IO.File.Move(temporary, path);
            }
            finally
            {
                if (System.IO.File.Exists(temporary)) System.IO.File.Delete(temporary);
            }
        }

        /// <summary>Reads a findings file; throws <see cref="FormatException"/> when it is not one.</summary>
        public static IReadOnlyList<CachedFinding> Read(string path)
        {
            string[] lines = System.IO.File.ReadAllText(path, Encoding.UTF8).Split('\n');
            if (lines.Length == 0 || lines[0] != Header) throw new FormatException(path + " is not a Shipshape findings file (or one from another version)");
            var findings = new List<CachedFinding>();
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0) continue;
                string[] fields = lines[i].Split('\t');
                if (fields.Length != 9) throw new FormatException(path + "(" + (i + 1).ToString(CultureInfo.InvariantCulture) + "): expected 9 fields, found " + fields.Length.ToString(CultureInfo.InvariantCulture));
                findings.Add(new CachedFinding(Unescape(fields[0]), Unescape(fields[1]), Unescape(fields[2]), Unescape(fields[3]),
                    Number(fields[4]), Number(fields[5]), Number(fields[6]), Number(fields[7]), Unescape(fields[8])));
            }
            return findings;
        }

        private static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

        internal static string Escape(string value)
        {
            if (value.IndexOfAny(new[] { '\\', '\t', '\r', '\n' }) < 0) return value;
            var b = new StringBuilder(value.Length + 8);
            foreach (char c in value)
            {
                switch (c)
                {
                    case '\\': b.Append("\\\\"); break;
                    case '\t': b.Append("\\t"); break;
                    case '\r': b.Append("\\r"); break;
                    case '\n': b.Append("\\n"); break;
                    default: b.Append(c); break;
                }
            }
            return b.ToString();
        }

        internal static string Unescape(string value)
        {
            if (value.IndexOf('\\') < 0) return value;
            var b = new StringBuilder(value.Length);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c != '\\' || i + 1 == value.Length) { b.Append(c); continue; }
                char next = value[++i];
                b.Append(next == 't' ? '\t' : next == 'r' ? '\r' : next == 'n' ? '\n' : next);
            }
            return b.ToString();
        }
    }
}
