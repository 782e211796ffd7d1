using System;
using System.Collections.Generic;
using Shipshape.Model;
using Shipshape.Text;

namespace Shipshape.Parsing
{
    /// <summary>
    /// Maps each character of a scalar's decoded value back to its offset in the source, through JSON
    /// escapes, YAML quoting, folding and block indentation. This is what lets a finding inside JSON
    /// held in a string land on the right line and column of the file.
    /// </summary>
    public static class ScalarSourceMap
    {
        /// <summary>An array of <c>Value.Length + 1</c> offsets, or null when the value cannot be aligned with its source.</summary>
        public static int[]? Build(ScalarNode scalar)
        {
            string text = scalar.Span.Source.Text;
            int start = scalar.Span.Start;
            int end = scalar.Span.End;
            if (start < 0 || end > text.Length || start > end) return null;
            switch (scalar.Style)
            {
                case ScalarStyle.Verbatim:
                    return Identity(scalar.Value.Length, start);
                case ScalarStyle.Json:
                case ScalarStyle.DoubleQuoted:
                    if (end - start < 2 || text[start] != '"') return null;
                    if (scalar.Style == ScalarStyle.Json && Json(scalar.Value, text, start + 1, end - 1) is int[] direct) return direct;
                    return Align(scalar.Value, DoubleQuoted(text, start + 1, end - 1, yaml: scalar.Style == ScalarStyle.DoubleQuoted));
                case ScalarStyle.SingleQuoted:
                    if (end - start < 2 || text[start] != '\'') return null;
                    return Align(scalar.Value, SingleQuoted(text, start + 1, end - 1));
                case ScalarStyle.Literal:
                case ScalarStyle.Folded:
                    return Align(scalar.Value, Block(text, start, end));
                default:
                    return Align(scalar.Value, Plain(text, start, end));
            }
        }

        /// <summary>
        /// A JSON string maps character by character (an escape gives one character): walked directly, without the
        /// candidate list the folding styles need (one string per character). Null when the value does not match the
        /// source exactly, and for the empty value; the general alignment decides those.
        /// </summary>
        private static int[]? Json(string value, string text, int start, int end)
        {
            if (value.Length == 0) return null;
            var map = new int[value.Length + 1];
            int i = 0;
            int pos = start;
            while (pos < end)
            {
                if (i >= value.Length) return null;
                int at = pos;
                char c = text[pos];
                if (c == '\\')
                {
                    if (!JsonParser.TryDecodeEscape(text, ref pos, out c) || pos > end) return null;
                }
                else
                {
                    pos++;
                }
                if (value[i] != c) return null;
                map[i++] = at;
            }
            if (i != value.Length) return null;
            map[i] = end;
            return map;
        }

        private static int[] Identity(int length, int start)
        {
            var map = new int[length + 1];
            for (int i = 0; i <= length; i++) map[i] = start + i;
            return map;
        }

        /// <summary>A source character (or escape) and what it can decode to.</summary>
        private readonly struct Candidate
        {
            public Candidate(string decoded, int offset, int end, bool isBreak)
            {
                Decoded = decoded;
                Offset = offset;
                End = end;
                IsBreak = isBreak;
            }

            public string Decoded { get; }
            public int Offset { get; }
            public int End { get; }
            public bool IsBreak { get; }
            public bool IsSpace => IsBreak || Decoded == " " || Decoded == "\t";
        }

        /// <summary>
        /// Walks the decoded value and the source candidates together. Folding may drop whitespace and
        /// line breaks, or turn a break into a space; every other character must match exactly.
        /// </summary>
        private static int[]? Align(string value, List<Candidate> candidates)
        {
            var map = new int[value.Length + 1];
            int k = 0;
            int i = 0;
            int lastEnd = candidates.Count > 0 ? candidates[0].Offset : 0;
            while (i < value.Length)
            {
                if (k >= candidates.Count)
                {
                    // Chomping may keep line breaks past the span's last character.
                    if (!string.IsNullOrWhiteSpace(value.Substring(i))) return null;
                    while (i < value.Length) map[i++] = lastEnd;
                    break;
                }
                Candidate c = candidates[k];
                string d = c.Decoded;
                if (!c.IsBreak && string.CompareOrdinal(value, i, d, 0, d.Length) == 0 && i + d.Length <= value.Length)
                {
                    for (int j = 0; j < d.Length; j++) map[i + j] = c.Offset;
                    i += d.Length;
                    lastEnd = c.End;
                    k++;
                }
                else if (c.IsBreak && (value[i] == '\n' || value[i] == ' '))
                {
                    map[i++] = c.Offset;
                    lastEnd = c.End;
                    k++;
                }
                else if (c.IsSpace || d.Length == 0)
                {
                    k++;
                }
                else
                {
                    return null;
                }
            }
            map[value.Length] = lastEnd;
            return map;
        }

        private static List<Candidate> DoubleQuoted(string text, int start, int end, bool yaml)
        {
            var list = new List<Candidate>(end - start);
            int pos = start;
            while (pos < end)
            {
                char c = text[pos];
                if (c == '\\' && pos + 1 < end)
                {
                    int escapeStart = pos;
                    if (!yaml)
                    {
                        if (JsonParser.TryDecodeEscape(text, ref pos, out char decoded))
                        {
                            list.Add(new Candidate(decoded.ToString(), escapeStart, pos, false));
                            continue;
                        }
                        pos = escapeStart + 1;
                        continue;
                    }
                    string? yamlDecoded = DecodeYamlEscape(text, ref pos, end);
                    if (yamlDecoded != null) list.Add(new Candidate(yamlDecoded, escapeStart, pos, false));
                    continue;
                }
                AddPlainChar(list, text, ref pos);
            }
            return list;
        }

        private static string? DecodeYamlEscape(string text, ref int pos, int end)
        {
            char e = text[pos + 1];
            int hexLength;
            switch (e)
            {
                case '\r':
                case '\n':
                    // An escaped line break joins lines without a space.
                    pos += 2;
                    if (e == '\r' && pos < end && text[pos] == '\n') pos++;
                    while (pos < end && (text[pos] == ' ' || text[pos] == '\t')) pos++;
                    return string.Empty;
                case 'x': hexLength = 2; break;
                case 'u': hexLength = 4; break;
                case 'U': hexLength = 8; break;
                default:
                    pos += 2;
                    switch (e)
                    {
                        case '0': return "\0";
                        case 'a': return "\a";
                        case 'b': return "\b";
                        case 't': case '\t': return "\t";
                        case 'n': return "\n";
                        case 'v': return "\v";
                        case 'f': return "\f";
                        case 'r': return "\r";
                        case 'e': return "\u001b";
                        case ' ': return " ";
                        case '"': return "\"";
                        case '/': return "/";
                        case '\\': return "\\";
                        case 'N': return "\u0085";
                        case '_': return "\u00a0";
                        case 'L': return "\u2028";
                        case 'P': return "\u2029";
                        default: return null;
                    }
            }
            if (pos + 2 + hexLength > end) { pos += 2; return null; }
            int code = 0;
            for (int i = pos + 2; i < pos + 2 + hexLength; i++)
            {
                int digit = Uri.IsHexDigit(text[i]) ? Convert.ToInt32(text[i].ToString(), 16) : -1;
                if (digit < 0) { pos += 2; return null; }
                code = (code << 4) | digit;
            }
            pos += 2 + hexLength;
            try
            {
                return char.ConvertFromUtf32(code);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        private static List<Candidate> SingleQuoted(string text, int start, int end)
        {
            var list = new List<Candidate>(end - start);
            int pos = start;
            while (pos < end)
            {
                if (text[pos] == '\'' && pos + 1 < end && text[pos + 1] == '\'')
                {
                    list.Add(new Candidate("'", pos, pos + 2, false));
                    pos += 2;
                    continue;
                }
                AddPlainChar(list, text, ref pos);
            }
            return list;
        }

        private static List<Candidate> Plain(string text, int start, int end)
        {
            var list = new List<Candidate>(end - start);
            int pos = start;
            while (pos < end) AddPlainChar(list, text, ref pos);
            return list;
        }

        private static void AddPlainChar(List<Candidate> list, string text, ref int pos)
        {
            char c = text[pos];
            if (c == '\r' || c == '\n')
            {
                int breakStart = pos;
                pos += c == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                list.Add(new Candidate("\n", breakStart, pos, true));
                return;
            }
            list.Add(new Candidate(c.ToString(), pos, pos + 1, false));
            pos++;
        }

        /// <summary>Candidates of a literal or folded block scalar: indentation is never content.</summary>
        private static List<Candidate> Block(string text, int start, int end)
        {
            var list = new List<Candidate>(end - start);
            int pos = start;
            // Skip the header line (indicator, chomping/indent indicators, comment).
            while (pos < text.Length && text[pos] != '\n' && text[pos] != '\r') pos++;
            int explicitIndent = -1;
            for (int h = start + 1; h < pos && h < start + 3; h++)
                if (text[h] >= '1' && text[h] <= '9') explicitIndent = text[h] - '0';
            SkipBreak(text, ref pos);
            int indent = explicitIndent >= 0 ? explicitIndent + LineIndent(text, start) : -1;
            if (indent < 0)
            {
                int probe = pos;
                while (probe < end)
                {
                    int lineIndent = 0;
                    while (probe + lineIndent < text.Length && text[probe + lineIndent] == ' ') lineIndent++;
                    int after = probe + lineIndent;
                    if (after < text.Length && text[after] != '\n' && text[after] != '\r') { indent = lineIndent; break; }
                    probe = after;
                    if (!SkipBreak(text, ref probe)) break;
                }
                if (indent < 0) indent = 0;
            }
            while (pos < end)
            {
                int skipped = 0;
                while (skipped < indent && pos < end && text[pos] == ' ') { pos++; skipped++; }
                while (pos < end && text[pos] != '\n' && text[pos] != '\r')
                {
                    list.Add(new Candidate(text[pos].ToString(), pos, pos + 1, false));
                    pos++;
                }
                if (pos >= end) break;
                int breakStart = pos;
                SkipBreak(text, ref pos);
                list.Add(new Candidate("\n", breakStart, pos, true));
            }
            return list;
        }

        private static int LineIndent(string text, int offset)
        {
            int lineStart = offset;
            while (lineStart > 0 && text[lineStart - 1] != '\n' && text[lineStart - 1] != '\r') lineStart--;
            int indent = 0;
            while (lineStart + indent < text.Length && text[lineStart + indent] == ' ') indent++;
            return indent;
        }

        private static bool SkipBreak(string text, ref int pos)
        {
            if (pos >= text.Length) return false;
            if (text[pos] == '\r') { pos++; if (pos < text.Length && text[pos] == '\n') pos++; return true; }
            if (text[pos] == '\n') { pos++; return true; }
            return false;
        }
    }

    /// <summary>Reads JSON held inside a string value as a document of its own, positioned in the outer file.</summary>
    public static class EmbeddedJson
    {
        public static ParseResult Parse(ScalarNode scalar, ParseLimits? limits = null)
        {
            int[]? map = ScalarSourceMap.Build(scalar);
            if (map == null)
            {
                // The value could not be aligned with its source: point everything at the scalar's start.
                map = new int[scalar.Value.Length + 1];
                for (int i = 0; i < map.Length; i++) map[i] = scalar.Span.Start;
            }
            return JsonParser.ParseEmbedded(scalar.Span.Source, scalar.Value, map, limits);
        }
    }
}
