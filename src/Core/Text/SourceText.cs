using System;
using System.Collections.Generic;

namespace Shipshape.Text
{
    /// <summary>The text of one input (a file, or a C# document for the analyzers) and its line table.</summary>
    public sealed class SourceText
    {
        private int[]? _lineStarts;

        public SourceText(string path, string text)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Text = text ?? throw new ArgumentNullException(nameof(text));
        }

        /// <summary>The path as given to the engine (the CLI makes it relative to where it runs).</summary>
        public string Path { get; }

        public string Text { get; }

        public int Length => Text.Length;

        /// <summary>1-based line and column (in UTF-16 code units) of an offset.</summary>
        public LinePosition GetLinePosition(int offset)
        {
            if (offset < 0) offset = 0;
            if (offset > Text.Length) offset = Text.Length;
            var starts = LineStarts;
            int index = Array.BinarySearch(starts, offset);
            if (index < 0) index = ~index - 1;
            return new LinePosition(index + 1, offset - starts[index] + 1);
        }

        /// <summary>The text of a 1-based line, without its line break.</summary>
        public string GetLineText(int line)
        {
            var starts = LineStarts;
            if (line < 1 || line > starts.Length) return string.Empty;
            int start = starts[line - 1];
            int end = line < starts.Length ? starts[line] : Text.Length;
            while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
            return Text.Substring(start, end - start);
        }

        public int LineCount => LineStarts.Length;

        /// <summary>The offset where a 1-based line starts.</summary>
        public int GetLineStart(int line) => LineStarts[Math.Max(1, Math.Min(line, LineStarts.Length)) - 1];

        private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

        private static int[] ComputeLineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    starts.Add(i + 1);
                }
                else if (c == '\n')
                {
                    starts.Add(i + 1);
                }
            }
            return starts.ToArray();
        }
    }

    /// <summary>A 1-based line and column.</summary>
    public readonly struct LinePosition : IEquatable<LinePosition>, IComparable<LinePosition>
    {
        public LinePosition(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }
        public int Column { get; }

        public bool Equals(LinePosition other) => Line == other.Line && Column == other.Column;
        public override bool Equals(object? obj) => obj is LinePosition other && Equals(other);
        public override int GetHashCode() => (Line * 397) ^ Column;
        public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);
        public override string ToString() => Line + ":" + Column;
    }

    /// <summary>A range of a source: start offset inclusive, end offset exclusive.</summary>
    public readonly struct SourceSpan
    {
        public SourceSpan(SourceText source, int start, int end)
        {
            Source = source;
            Start = start;
            End = end < start ? start : end;
        }

        public SourceText Source { get; }
        public int Start { get; }
        public int End { get; }
        public int Length => End - Start;

        public LinePosition StartPosition => Source.GetLinePosition(Start);

        /// <summary>The position just after the last character (exclusive end, as SARIF and Roslyn use).</summary>
        public LinePosition EndPosition => Source.GetLinePosition(End);

        public string Text => Source.Text.Substring(Start, End - Start);

        public override string ToString() => Source.Path + "(" + StartPosition + "-" + EndPosition + ")";
    }
}
