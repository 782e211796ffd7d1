using System;
using System.Collections.Generic;
using System.Text;

namespace Shipshape.Shell
{
    /// <summary>
    /// A minimal POSIX-shell tokenizer and command splitter, enough to read the commands of a login step:
    /// quotes, <c>\</c> escapes and line continuations, <c>$VAR</c>/<c>${VAR}</c>/<c>${VAR:-default}</c>,
    /// command substitution (<c>$(…)</c> and backticks, parsed recursively), comments, pipes, <c>&amp;&amp;</c>,
    /// <c>||</c>, <c>;</c>, redirections and here-documents (their bodies are skipped). Hand-written:
    /// no .NET library parses shell with source positions, and a full grammar (functions, arithmetic,
    /// globbing) is not needed to find <c>aws ecr … | docker login …</c>. It never throws; text it does not
    /// understand becomes unknown parts or stray words.
    /// </summary>
    public static class ShellParser
    {
        private static readonly HashSet<string> ReservedWords = new HashSet<string>
        {
            "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "for", "while", "until", "select", "function", "{", "}", "!",
        };

        public static ShellProgram Parse(string text) => Parse(text, 0, text.Length, 0);

        private static ShellProgram Parse(string text, int start, int end, int depth)
        {
            var tokens = new Lexer(text, start, end, depth).Tokens();
            var pipelines = new List<ShellPipeline>();
            var commands = new List<ShellCommand>();
            var keywords = new List<string>();
            var words = new List<ShellWord>();
            bool skipNextWord = false;

            void EndCommand()
            {
                if (words.Count == 0 && keywords.Count == 0) return;
                int split = 0;
                while (split < words.Count && words[split].AssignmentName != null) split++;
                commands.Add(new ShellCommand(keywords.ToArray(), words.GetRange(0, split), words.GetRange(split, words.Count - split)));
                keywords.Clear();
                words.Clear();
            }

            void EndPipeline()
            {
                EndCommand();
                if (commands.Count > 0) pipelines.Add(new ShellPipeline(commands.ToArray()));
                commands.Clear();
            }

            foreach (var token in tokens)
            {
                if (token.Word != null)
                {
                    if (skipNextWord)
                    {
                        skipNextWord = false;
                        continue;
                    }
                    string? literal = token.Word.Literal;
                    if (words.Count == 0 && literal != null && token.Word.Parts.Count == 1 && !token.Word.Parts[0].Quoted && ReservedWords.Contains(literal))
                    {
                        keywords.Add(literal);
                        continue;
                    }
                    words.Add(token.Word);
                    continue;
                }
                switch (token.Op)
                {
                    case "|":
                    case "|&":
                        EndCommand();
                        break;
                    case "(":
                        if (words.Count == 0) keywords.Add("(");
                        break;
                    case ")":
                        EndPipeline();
                        keywords.Add(")");
                        EndPipeline();
                        break;
                    case "&&":
                    case "||":
                    case ";":
                    case ";;":
                    case "&":
                    case "\n":
                        EndCommand();
                        if (token.Op == ";;") keywords.Add(";;");
                        EndPipeline();
                        break;
                    default:
                        // A redirection: its target is not an argument, nor is a file descriptor number written against it.
                        if (words.Count > 0 && IsDigits(words[words.Count - 1].Literal) && words[words.Count - 1].End == token.Offset) words.RemoveAt(words.Count - 1);
                        skipNextWord = true;
                        break;
                }
            }
            EndPipeline();
            return new ShellProgram(pipelines);
        }

        private static bool IsDigits(string? text)
        {
            if (string.IsNullOrEmpty(text)) return false;
            foreach (char c in text!) if (c < '0' || c > '9') return false;
            return true;
        }

        private readonly struct Token
        {
            public Token(ShellWord word)
            {
                Word = word;
                Op = null;
                Offset = word.Start;
            }

            public Token(string op, int offset)
            {
                Word = null;
                Op = op;
                Offset = offset;
            }

            public ShellWord? Word { get; }
            public string? Op { get; }
            public int Offset { get; }
        }

        private static readonly System.Text.RegularExpressions.Regex GitHubEnv = new System.Text.RegularExpressions.Regex(@"^\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private sealed class Lexer
        {
            private const int MaxDepth = 16;
            private readonly string _text;
            private readonly int _end;
            private readonly int _depth;
            private int _pos;
            private readonly List<(string Delimiter, bool StripTabs)> _pendingHeredocs = new List<(string, bool)>();

            public Lexer(string text, int start, int end, int depth)
            {
                _text = text;
                _pos = start;
                _end = end;
                _depth = depth;
            }

            public List<Token> Tokens()
            {
                var tokens = new List<Token>();
                bool heredocDelimiterNext = false;
                bool stripTabs = false;
                while (_pos < _end)
                {
                    char c = _text[_pos];
                    if (c == ' ' || c == '\t' || c == '\r') { _pos++; continue; }
                    if (c == '\\' && IsBreakAt(_pos + 1)) { SkipBreak(_pos + 1); continue; }
                    if (c == '#')
                    {
                        while (_pos < _end && _text[_pos] != '\n') _pos++;
                        continue;
                    }
                    if (c == '\n')
                    {
                        tokens.Add(new Token("\n", _pos));
                        _pos++;
                        SkipHeredocBodies();
                        continue;
                    }
                    string? op = ReadOperator();
                    if (op != null)
                    {
                        tokens.Add(new Token(op, _pos - op.Length));
                        if (op == "<<" || op == "<<-")
                        {
                            heredocDelimiterNext = true;
                            stripTabs = op == "<<-";
                        }
                        continue;
                    }
                    var word = ReadWord();
                    tokens.Add(new Token(word));
                    if (heredocDelimiterNext)
                    {
                        heredocDelimiterNext = false;
                        string delimiter = string.Empty;
                        foreach (var part in word.Parts) delimiter += part.Kind == WordPartKind.Literal ? part.Text : _text.Substring(part.Start, part.End - part.Start);
                        _pendingHeredocs.Add((delimiter, stripTabs));
                    }
                }
                return tokens;
            }

            private string? ReadOperator()
            {
                foreach (string op in Operators)
                {
                    if (_pos + op.Length <= _end && string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0)
                    {
                        _pos += op.Length;
                        return op;
                    }
                }
                return null;
            }

            // Longest first.
            private static readonly string[] Operators =
            {
                "<<<", "<<-", "&>>", "&&", "||", ";;", "|&", "<<", ">>", ">&", "<&", "&>", ">|", "<>",
                "|", "&", ";", "(", ")", "<", ">",
            };

            private void SkipHeredocBodies()
            {
                foreach (var (delimiter, strip) in _pendingHeredocs)
                {
                    while (_pos < _end)
                    {
                        int lineEnd = _text.IndexOf('\n', _pos, _end - _pos);
                        if (lineEnd < 0) lineEnd = _end;
                        string line = _text.Substring(_pos, lineEnd - _pos).TrimEnd('\r');
                        if (strip) line = line.TrimStart('\t');
                        _pos = lineEnd < _end ? lineEnd + 1 : _end;
                        if (line == delimiter) break;
                    }
                }
                _pendingHeredocs.Clear();
            }

            private bool IsBreakAt(int i) => i < _end && (_text[i] == '\n' || (_text[i] == '\r' && i + 1 < _end && _text[i + 1] == '\n'));

            private void SkipBreak(int i) => _pos = _text[i] == '\r' ? i + 2 : i + 1;

            private static bool EndsWord(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '|' || c == '&' || c == ';' || c == '(' || c == ')' || c == '<' || c == '>';

            private ShellWord ReadWord()
            {
                int start = _pos;
                var parts = new List<WordPart>();
                var literal = new StringBuilder();
                var offsets = new List<int>();
                bool literalQuoted = false;
                int literalStart = _pos;

                void Flush()
                {
                    if (literal.Length > 0)
                        parts.Add(new WordPart(WordPartKind.Literal, literal.ToString(), literalStart, offsets[offsets.Count - 1] + 1, literalQuoted, offsets.ToArray()));
                    literal.Clear();
                    offsets.Clear();
                }

                void AddChar(char ch, int at, bool quoted)
                {
                    if (literal.Length > 0 && quoted != literalQuoted) Flush();
                    if (literal.Length == 0) { literalStart = at; literalQuoted = quoted; }
                    literal.Append(ch);
                    offsets.Add(at);
                }

                void AddPart(WordPart part)
                {
                    Flush();
                    parts.Add(part);
                }

                while (_pos < _end)
                {
                    char c = _text[_pos];
                    if (EndsWord(c)) break;
                    if (c == '\\')
                    {
                        if (IsBreakAt(_pos + 1)) { SkipBreak(_pos + 1); continue; }
                        if (_pos + 1 < _end) { AddChar(_text[_pos + 1], _pos + 1, true); _pos += 2; continue; }
                        _pos++;
                        continue;
                    }
                    if (c == '\'')
                    {
                        int close = _text.IndexOf('\'', _pos + 1, _end - _pos - 1);
                        if (close < 0) close = _end;
                        // '' still makes a (quoted, empty) word.
                        if (close == _pos + 1) literalQuoted = true;
                        for (int i = _pos + 1; i < close; i++) AddChar(_text[i], i, true);
                        _pos = close < _end ? close + 1 : _end;
                        continue;
                    }
                    if (c == '"')
                    {
                        _pos++;
                        while (_pos < _end && _text[_pos] != '"')
                        {
                            char d = _text[_pos];
                            if (d == '\\' && _pos + 1 < _end)
                            {
                                char e = _text[_pos + 1];
                                if (IsBreakAt(_pos + 1)) { SkipBreak(_pos + 1); continue; }
                                if (e == '$' || e == '`' || e == '"' || e == '\\') { AddChar(e, _pos + 1, true); _pos += 2; continue; }
                                AddChar(d, _pos, true);
                                _pos++;
                                continue;
                            }
                            if (d == '$' || d == '`')
                            {
                                var expansion = ReadExpansion(quoted: true);
                                if (expansion != null) { AddPart(expansion); continue; }
                            }
                            AddChar(d, _pos, true);
                            _pos++;
                        }
                        if (_pos < _end) _pos++;
                        continue;
                    }
                    if (c == '$' || c == '`')
                    {
                        var expansion = ReadExpansion(quoted: false);
                        if (expansion != null) { AddPart(expansion); continue; }
                    }
                    AddChar(c, _pos, false);
                    _pos++;
                }
                Flush();
                return new ShellWord(parts, start, _pos);
            }

            /// <summary>Reads a <c>$…</c> or backtick expansion at the current position, or returns null when the <c>$</c> is literal.</summary>
            private WordPart? ReadExpansion(bool quoted)
            {
                int start = _pos;
                if (_text[_pos] == '`')
                {
                    int close = _pos + 1;
                    while (close < _end && _text[close] != '`') close += _text[close] == '\\' ? 2 : 1;
                    if (close > _end) close = _end;
                    var part = new WordPart(WordPartKind.Unknown, string.Empty, start, Math.Min(close + 1, _end), quoted) { Nested = Nested(start + 1, close) };
                    _pos = Math.Min(close + 1, _end);
                    return part;
                }
                if (_pos + 1 >= _end) return null;
                char next = _text[_pos + 1];
                if (next == '(')
                {
                    bool arithmetic = _pos + 2 < _end && _text[_pos + 2] == '(';
                    int close = MatchingClose(_pos + 1, '(', ')');
                    _pos = Math.Min(close + 1, _end);
                    return new WordPart(WordPartKind.Unknown, string.Empty, start, _pos, quoted) { Nested = arithmetic ? null : Nested(start + 2, Math.Min(close, _end)) };
                }
                if (next == '{')
                {
                    int close = MatchingClose(_pos + 1, '{', '}');
                    _pos = Math.Min(close + 1, _end);
                    return Braced(start, start + 2, Math.Min(close, _end), quoted);
                }
                if (next == '_' || char.IsLetter(next))
                {
                    int i = _pos + 1;
                    while (i < _end && (_text[i] == '_' || (_text[i] < 128 && char.IsLetterOrDigit(_text[i])))) i++;
                    _pos = i;
                    return new WordPart(WordPartKind.Variable, _text.Substring(start + 1, i - start - 1), start, i, quoted);
                }
                if (char.IsDigit(next) || "@*#?$!-".IndexOf(next) >= 0)
                {
                    _pos += 2;
                    return new WordPart(WordPartKind.Unknown, string.Empty, start, _pos, quoted);
                }
                if (next == '\'' && !quoted)
                {
                    // $'…' (ANSI-C quoting): escapes are not decoded, so the value is unknown.
                    int close = _text.IndexOf('\'', _pos + 2, _end - _pos - 2);
                    _pos = close < 0 ? _end : close + 1;
                    return new WordPart(WordPartKind.Unknown, string.Empty, start, _pos, quoted);
                }
                return null;
            }

            /// <summary><c>${NAME}</c>, <c>${NAME:-word}</c>, <c>${NAME-word}</c>; anything else is unknown.</summary>
            private WordPart Braced(int start, int innerStart, int innerEnd, bool quoted)
            {
                // Unterminated at the end of the text: the closing brace is missing.
                int end = Math.Min(innerEnd + 1, _end);
                // ${{ env.NAME }} in a GitHub Actions run: is replaced with the variable before the shell starts.
                var github = GitHubEnv.Match(_text.Substring(innerStart, innerEnd - innerStart));
                if (github.Success) return new WordPart(WordPartKind.Variable, github.Groups[1].Value, start, end, quoted);
                int i = innerStart;
                while (i < innerEnd && (_text[i] == '_' || (_text[i] < 128 && char.IsLetterOrDigit(_text[i])))) i++;
                bool validName = i > innerStart && !char.IsDigit(_text[innerStart]);
                if (validName && i == innerEnd) return new WordPart(WordPartKind.Variable, _text.Substring(innerStart, i - innerStart), start, end, quoted);
                if (validName && i < innerEnd && (_text[i] == '-' || (_text[i] == ':' && i + 1 < innerEnd && _text[i + 1] == '-')))
                {
                    bool ifEmpty = _text[i] == ':';
                    int defaultStart = i + (ifEmpty ? 2 : 1);
                    var inner = new Lexer(_text, defaultStart, innerEnd, _depth + 1);
                    var word = defaultStart < innerEnd ? inner.ReadWord() : new ShellWord(new WordPart[0], defaultStart, defaultStart);
                    // A default that is not one whole word (spaces, operators) is not resolved.
                    if (inner._pos < innerEnd) return new WordPart(WordPartKind.Unknown, string.Empty, start, end, quoted);
                    return new WordPart(WordPartKind.Variable, _text.Substring(innerStart, i - innerStart), start, end, quoted) { Default = word, DefaultIfEmpty = ifEmpty };
                }
                return new WordPart(WordPartKind.Unknown, string.Empty, start, end, quoted);
            }

            private ShellProgram? Nested(int start, int end)
                => _depth < MaxDepth && start <= end ? Parse(_text, start, end, _depth + 1) : null;

            /// <summary>The offset of the bracket closing the one at <paramref name="open"/> (quotes and escapes skipped), or the end.</summary>
            private int MatchingClose(int open, char opening, char closing)
            {
                int depth = 0;
                int i = open;
                while (i < _end)
                {
                    char c = _text[i];
                    if (c == '\\') { i += 2; continue; }
                    if (c == '\'' && opening == '(')
                    {
                        int close = _text.IndexOf('\'', i + 1, _end - i - 1);
                        i = close < 0 ? _end : close + 1;
                        continue;
                    }
                    if (c == '"')
                    {
                        i++;
                        while (i < _end && _text[i] != '"') i += _text[i] == '\\' ? 2 : 1;
                        i++;
                        continue;
                    }
                    if (c == opening) depth++;
                    else if (c == closing && --depth == 0) return i;
                    i++;
                }
                return _end;
            }
        }
    }
}
