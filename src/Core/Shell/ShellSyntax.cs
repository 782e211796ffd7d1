using System.Collections.Generic;

namespace Shipshape.Shell
{
    public enum WordPartKind
    {
        /// <summary>Text as the shell sees it after quote removal.</summary>
        Literal,

        /// <summary><c>$NAME</c> or <c>${NAME}</c>, possibly with a default (<c>${NAME:-word}</c>).</summary>
        Variable,

        /// <summary>Known only when the script runs: command substitution, arithmetic, <c>$1</c>, other <c>${…}</c> forms.</summary>
        Unknown,
    }

    /// <summary>A piece of a word. Offsets are 0-based indexes into the script text.</summary>
    public sealed class WordPart
    {
        internal WordPart(WordPartKind kind, string text, int start, int end, bool quoted, int[]? offsets = null)
        {
            Kind = kind;
            Text = text;
            Start = start;
            End = end;
            Quoted = quoted;
            Offsets = offsets ?? new int[0];
        }

        public WordPartKind Kind { get; }

        /// <summary>The literal text, or the variable's name.</summary>
        public string Text { get; }

        public int Start { get; }
        public int End { get; }
        public bool Quoted { get; }

        /// <summary>For a literal: the script offset of each of its characters (escapes and quotes removed).</summary>
        public int[] Offsets { get; }

        /// <summary>For <c>${NAME:-word}</c> / <c>${NAME-word}</c>: the default word.</summary>
        public ShellWord? Default { get; internal set; }

        /// <summary>True for <c>:-</c> (the default also replaces an empty value), false for <c>-</c>.</summary>
        public bool DefaultIfEmpty { get; internal set; }

        /// <summary>For a command substitution: the commands inside it.</summary>
        public ShellProgram? Nested { get; internal set; }
    }

    /// <summary>One shell word (an argument) with where it stands in the script.</summary>
    public sealed class ShellWord
    {
        internal ShellWord(IReadOnlyList<WordPart> parts, int start, int end)
        {
            Parts = parts;
            Start = start;
            End = end;
        }

        public IReadOnlyList<WordPart> Parts { get; }
        public int Start { get; }
        public int End { get; }

        /// <summary>The text when the word is one unquoted-or-quoted literal with no expansions, else null.</summary>
        public string? Literal
        {
            get
            {
                if (Parts.Count == 0) return string.Empty;
                string text = string.Empty;
                foreach (var part in Parts)
                {
                    if (part.Kind != WordPartKind.Literal) return null;
                    text += part.Text;
                }
                return text;
            }
        }

        /// <summary>The name of a <c>NAME=value</c> assignment word (the name and '=' unquoted), or null.</summary>
        public string? AssignmentName
        {
            get
            {
                if (Parts.Count == 0 || Parts[0].Kind != WordPartKind.Literal || Parts[0].Quoted) return null;
                string text = Parts[0].Text;
                int eq = text.IndexOf('=');
                if (eq <= 0) return null;
                for (int i = 0; i < eq; i++)
                {
                    char c = text[i];
                    bool ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
                    if (!ok) return null;
                }
                return text.Substring(0, eq);
            }
        }

        /// <summary>The part of the word after the first <paramref name="skip"/> literal characters (the value of <c>NAME=value</c> or <c>--flag=value</c>).</summary>
        public ShellWord After(int skip)
        {
            var first = Parts[0];
            var parts = new List<WordPart>();
            if (skip < first.Text.Length)
            {
                var offsets = new int[first.Text.Length - skip];
                System.Array.Copy(first.Offsets, skip, offsets, 0, offsets.Length);
                parts.Add(new WordPart(WordPartKind.Literal, first.Text.Substring(skip), offsets[0], first.End, first.Quoted, offsets));
            }
            for (int i = 1; i < Parts.Count; i++) parts.Add(Parts[i]);
            int start = skip < first.Offsets.Length ? first.Offsets[skip] : first.End;
            return new ShellWord(parts, parts.Count > 0 ? parts[0].Start : start, End);
        }
    }

    /// <summary>A simple command: reserved words that open or close blocks, <c>NAME=value</c> prefixes, then the arguments.</summary>
    public sealed class ShellCommand
    {
        internal ShellCommand(IReadOnlyList<string> keywords, IReadOnlyList<ShellWord> assignments, IReadOnlyList<ShellWord> arguments)
        {
            Keywords = keywords;
            Assignments = assignments;
            Arguments = arguments;
        }

        /// <summary>Reserved words before the command (<c>if</c>, <c>then</c>, <c>fi</c>, <c>{</c>, <c>(</c>…).</summary>
        public IReadOnlyList<string> Keywords { get; }

        public IReadOnlyList<ShellWord> Assignments { get; }
        public IReadOnlyList<ShellWord> Arguments { get; }
    }

    /// <summary>Commands joined by <c>|</c>.</summary>
    public sealed class ShellPipeline
    {
        internal ShellPipeline(IReadOnlyList<ShellCommand> commands) => Commands = commands;

        public IReadOnlyList<ShellCommand> Commands { get; }
    }

    /// <summary>A script as a sequence of pipelines (joined by newlines, <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>&amp;</c>).</summary>
    public sealed class ShellProgram
    {
        internal ShellProgram(IReadOnlyList<ShellPipeline> pipelines) => Pipelines = pipelines;

        public IReadOnlyList<ShellPipeline> Pipelines { get; }
    }
}
