using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Shipshape.Model;
using Shipshape.Text;

namespace Shipshape.Parsing
{
    /// <summary>
    /// A strict JSON (RFC 8259) reader that builds the location-aware document model.
    /// Hand-written rather than System.Text.Json because the engine runs inside the analyzer host on
    /// netstandard2.0 (no System.Text.Json there without version clashes), and because it must report
    /// duplicate keys, keep exact token spans and map positions of JSON held inside another string.
    /// </summary>
    public sealed class JsonParser
    {
        private readonly string _text;
        private readonly SourceText _source;
        private readonly int[]? _map;
        private readonly ParseLimits _limits;
        private readonly List<ParseProblem> _problems = new List<ParseProblem>();
        private int _pos;
        private int _depth;

        private JsonParser(SourceText source, string text, int[]? map, ParseLimits limits)
        {
            _source = source;
            _text = text;
            _map = map;
            _limits = limits;
        }

        /// <summary>Parses a whole source.</summary>
        public static ParseResult Parse(SourceText source, ParseLimits? limits = null)
            => new JsonParser(source, source.Text, null, limits ?? ParseLimits.Default).Run();

        /// <summary>
        /// Parses JSON held in a string value. <paramref name="map"/> gives, for each character of
        /// <paramref name="text"/> (and one past the end), its offset in <paramref name="source"/>.
        /// </summary>
        public static ParseResult ParseEmbedded(SourceText source, string text, int[] map, ParseLimits? limits = null)
        {
            if (map.Length != text.Length + 1) throw new ArgumentException("The map needs one entry per character plus one.", nameof(map));
            return new JsonParser(source, text, map, limits ?? ParseLimits.Default).Run();
        }

        private ParseResult Run()
        {
            var documents = new List<Node>(1);
            try
            {
                SkipWhitespace();
                if (_pos >= _text.Length) throw Error(_pos, "the document is empty");
                documents.Add(ParseValue());
                SkipWhitespace();
                if (_pos < _text.Length) throw Error(_pos, "unexpected " + Describe(_pos) + " after the end of the document");
            }
            catch (JsonStop stop)
            {
                documents.Clear();
                _problems.Add(stop.Problem);
            }
            return new ParseResult(documents, _problems);
        }

        private Node ParseValue()
        {
            if (_pos >= _text.Length) throw Error(_pos, "unexpected end of the document; a value was expected");
            char c = _text[_pos];
            switch (c)
            {
                case '{': return ParseObject();
                case '[': return ParseArray();
                case '"':
                {
                    int start = _pos;
                    string value = ParseString();
                    return new ScalarNode(Span(start, _pos), value, ScalarKind.String, ScalarStyle.Json);
                }
                case 't': return ParseLiteral("true", ScalarKind.Boolean);
                case 'f': return ParseLiteral("false", ScalarKind.Boolean);
                case 'n': return ParseLiteral("null", ScalarKind.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
                    throw Error(_pos, "unexpected " + Describe(_pos) + "; a value was expected");
            }
        }

        private MappingNode ParseObject()
        {
            int start = _pos;
            Enter(start);
            _pos++; // {
            var entries = new List<MappingEntry>();
            Dictionary<string, ScalarNode>? seen = null;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                _depth--;
                return new MappingNode(Span(start, _pos), entries);
            }
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    if (Peek() == '}') throw Error(_pos, "trailing comma before '}'");
                    throw Error(_pos, "unexpected " + Describe(_pos) + "; a property name in double quotes was expected");
                }
                int keyStart = _pos;
                string name = ParseString();
                var key = new ScalarNode(Span(keyStart, _pos), name, ScalarKind.String, ScalarStyle.Json);
                SkipWhitespace();
                if (Peek() != ':') throw Error(_pos, "unexpected " + Describe(_pos) + "; ':' was expected after the property name");
                _pos++;
                SkipWhitespace();
                Node value = ParseValue();
                CheckDuplicate(entries, ref seen, key);
                entries.Add(new MappingEntry(key, value));
                SkipWhitespace();
                char c = Peek();
                if (c == ',') { _pos++; continue; }
                if (c == '}') { _pos++; break; }
                throw Error(_pos, "unexpected " + Describe(_pos) + "; ',' or '}' was expected after a property value");
            }
            _depth--;
            return new MappingNode(Span(start, _pos), entries);
        }

        private void CheckDuplicate(List<MappingEntry> entries, ref Dictionary<string, ScalarNode>? seen, ScalarNode key)
        {
            ScalarNode? earlier = null;
            if (seen == null && entries.Count < 8)
            {
                foreach (var e in entries)
                    if (e.Name == key.Value) { earlier = e.Key; break; }
                if (entries.Count == 7)
                {
                    seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
                    foreach (var e in entries) seen[e.Name] = e.Key;
                }
            }
            else if (seen != null)
            {
                seen.TryGetValue(key.Value, out earlier);
            }
            if (seen != null) seen[key.Value] = key;
            if (earlier != null)
                _problems.Add(new ParseProblem(EngineRuleIds.DuplicateKey, key.Span,
                    "Duplicate key '" + key.Value + "' (first at line " + earlier.Span.StartPosition.Line + "); AWS silently uses the last one"));
        }

        private SequenceNode ParseArray()
        {
            int start = _pos;
            Enter(start);
            _pos++; // [
            var items = new List<Node>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                _depth--;
                return new SequenceNode(Span(start, _pos), items);
            }
            while (true)
            {
                SkipWhitespace();
                if (Peek() == ']') throw Error(_pos, "trailing comma before ']'");
                items.Add(ParseValue());
                SkipWhitespace();
                char c = Peek();
                if (c == ',') { _pos++; continue; }
                if (c == ']') { _pos++; break; }
                throw Error(_pos, "unexpected " + Describe(_pos) + "; ',' or ']' was expected after an array element");
            }
            _depth--;
            return new SequenceNode(Span(start, _pos), items);
        }

        private void Enter(int at)
        {
            if (++_depth > _limits.MaxDepth)
                throw new JsonStop(new ParseProblem(EngineRuleIds.LimitExceeded, Span(at, at + 1),
                    "nesting is deeper than " + _limits.MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels; the file was not checked"));
        }

        private string ParseString()
        {
            int quote = _pos;
            _pos++;
            int runStart = _pos;
            StringBuilder? sb = null;
            while (true)
            {
                if (_pos >= _text.Length) throw Error(quote, "unterminated string");
                char c = _text[_pos];
                if (c == '"')
                {
                    string result = sb == null
                        ? Slice(runStart, _pos - runStart)
                        : sb.Append(_text, runStart, _pos - runStart).ToString();
                    _pos++;
                    return result;
                }
                if (c == '\\')
                {
                    sb ??= new StringBuilder();
                    sb.Append(_text, runStart, _pos - runStart);
                    int escape = _pos;
                    if (!TryDecodeEscape(_text, ref _pos, out char decoded))
                        throw Error(escape, "invalid escape sequence in a string");
                    sb.Append(decoded);
                    runStart = _pos;
                    continue;
                }
                if (c < 0x20)
                    throw Error(_pos, c == '\n' || c == '\r' ? "line break inside a string (unterminated string?)" : "control character inside a string; it must be escaped");
                _pos++;
            }
        }

        /// <summary>Decodes one JSON escape starting at the backslash; advances past it.</summary>
        internal static bool TryDecodeEscape(string text, ref int pos, out char decoded)
        {
            decoded = '\0';
            if (pos + 1 >= text.Length) return false;
            char e = text[pos + 1];
            switch (e)
            {
                case '"': decoded = '"'; break;
                case '\\': decoded = '\\'; break;
                case '/': decoded = '/'; break;
                case 'b': decoded = '\b'; break;
                case 'f': decoded = '\f'; break;
                case 'n': decoded = '\n'; break;
                case 'r': decoded = '\r'; break;
                case 't': decoded = '\t'; break;
                case 'u':
                    if (pos + 6 > text.Length) return false;
                    int value = 0;
                    for (int i = pos + 2; i < pos + 6; i++)
                    {
                        int digit = HexValue(text[i]);
                        if (digit < 0) return false;
                        value = (value << 4) | digit;
                    }
                    decoded = (char)value;
                    pos += 6;
                    return true;
                default: return false;
            }
            pos += 2;
            return true;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        private ScalarNode ParseNumber()
        {
            int start = _pos;
            if (Peek() == '-') _pos++;
            if (Peek() == '0') _pos++;
            else if (IsDigit(Peek())) { while (IsDigit(Peek())) _pos++; }
            else throw Error(_pos, "invalid number");
            if (Peek() == '.')
            {
                _pos++;
                if (!IsDigit(Peek())) throw Error(_pos, "invalid number: a digit was expected after '.'");
                while (IsDigit(Peek())) _pos++;
            }
            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-') _pos++;
                if (!IsDigit(Peek())) throw Error(_pos, "invalid number: a digit was expected in the exponent");
                while (IsDigit(Peek())) _pos++;
            }
            if (IsDigit(Peek())) throw Error(start, "invalid number: leading zeros are not allowed");
            return new ScalarNode(Span(start, _pos), Slice(start, _pos - start), ScalarKind.Number, ScalarStyle.Json);
        }

        private ScalarNode ParseLiteral(string literal, ScalarKind kind)
        {
            int start = _pos;
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
                throw Error(_pos, "unexpected " + Describe(_pos) + "; a value was expected (strings need double quotes)");
            _pos += literal.Length;
            if (_pos < _text.Length && char.IsLetterOrDigit(_text[_pos]))
                throw Error(start, "unexpected " + Describe(start) + "; a value was expected (strings need double quotes)");
            return new ScalarNode(Span(start, _pos), literal, kind, ScalarStyle.Json);
        }

        /// <summary>
        /// A substring of the text. Keys and short values repeat all through a large document ("Effect",
        /// "Allow", action names), so in large texts they come from a small cache instead of a new string each time.
        /// </summary>
        private string Slice(int start, int length)
        {
            if (length > MaxCachedLength || _text.Length < CacheFromLength) return _text.Substring(start, length);
            int hash = length;
            for (int i = start; i < start + length; i++) hash = unchecked(hash * 31 + _text[i]);
            _strings ??= new string?[CacheSlots];
            int slot = hash & (CacheSlots - 1);
            string? cached = _strings[slot];
            if (cached != null && cached.Length == length && string.CompareOrdinal(_text, start, cached, 0, length) == 0) return cached;
            return _strings[slot] = _text.Substring(start, length);
        }

        private const int MaxCachedLength = 48;
        private const int CacheFromLength = 16 * 1024;
        private const int CacheSlots = 2048;
        private string?[]? _strings;

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') _pos++;
                else break;
            }
        }

        private string Describe(int pos)
        {
            if (pos >= _text.Length) return "end of the document";
            char c = _text[pos];
            if (c == '/' && pos + 1 < _text.Length && (_text[pos + 1] == '/' || _text[pos + 1] == '*')) return "comment (JSON has no comments)";
            if (c == '\'') return "single quote (JSON strings need double quotes)";
            if (c < 0x20 || c == 0x7f) return "control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            return "'" + c + "'";
        }

        private SourceSpan Span(int start, int end)
        {
            if (end > _text.Length) end = _text.Length;
            if (start > end) start = end;
            return _map == null ? new SourceSpan(_source, start, end) : new SourceSpan(_source, _map[start], _map[end]);
        }

        private JsonStop Error(int at, string message)
        {
            int end = at < _text.Length ? at + 1 : at;
            return new JsonStop(new ParseProblem(EngineRuleIds.SyntaxError, Span(at, end), "Invalid JSON: " + message));
        }

        private sealed class JsonStop : Exception
        {
            public JsonStop(ParseProblem problem) => Problem = problem;
            public ParseProblem Problem { get; }
        }
    }
}
