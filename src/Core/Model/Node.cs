using System.Collections.Generic;
using Shipshape.Text;

namespace Shipshape.Model
{
    /// <summary>
    /// One node of the document model shared by JSON, YAML and (through the analyzers) C# CDK code.
    /// Every node knows where it came from, so findings land on the exact token.
    /// </summary>
    public abstract class Node
    {
        protected Node(SourceSpan span) => Span = span;

        public SourceSpan Span { get; }

        /// <summary>The CloudFormation intrinsic function this node calls (<c>Ref</c>, <c>Fn::GetAtt</c>, …), if any.</summary>
        public virtual string? IntrinsicFunction => null;

        /// <summary>True when the value is only known at deploy time (an intrinsic function or a reference): never a violation by itself.</summary>
        public bool IsUnknown => IntrinsicFunction != null;
    }

    public enum ScalarKind
    {
        String,
        Number,
        Boolean,
        Null,
    }

    /// <summary>How a scalar was written: needed to map characters of its value back to the file.</summary>
    public enum ScalarStyle
    {
        /// <summary>A JSON string, number or literal.</summary>
        Json,
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
        Folded,
        /// <summary>A value whose characters map one-to-one to the source (no escapes), e.g. synthesised by an analyzer.</summary>
        Verbatim,
    }

    public sealed class ScalarNode : Node
    {
        public ScalarNode(SourceSpan span, string value, ScalarKind kind, ScalarStyle style)
            : base(span)
        {
            Value = value;
            Kind = kind;
            Style = style;
        }

        public string Value { get; }
        public ScalarKind Kind { get; }
        public ScalarStyle Style { get; }

        public bool IsString => Kind == ScalarKind.String;

        public override string ToString() => Value;
    }

    public sealed class SequenceNode : Node
    {
        public SequenceNode(SourceSpan span, IReadOnlyList<Node> items)
            : base(span) => Items = items;

        public IReadOnlyList<Node> Items { get; }
    }

    public sealed class MappingEntry
    {
        public MappingEntry(ScalarNode key, Node value)
        {
            Key = key;
            Value = value;
        }

        public ScalarNode Key { get; }
        public Node Value { get; }
        public string Name => Key.Value;
    }

    public sealed class MappingNode : Node
    {
        public MappingNode(SourceSpan span, IReadOnlyList<MappingEntry> entries)
            : base(span) => Entries = entries;

        /// <summary>All entries in source order, duplicates included (the parser reports them; the last one wins, as in AWS).</summary>
        public IReadOnlyList<MappingEntry> Entries { get; }

        public override string? IntrinsicFunction
        {
            get
            {
                if (Entries.Count != 1) return null;
                string name = Entries[0].Name;
                if (name == "Ref" || name == "Condition" || name.StartsWith("Fn::", System.StringComparison.Ordinal)) return name;
                return null;
            }
        }

        /// <summary>The entry with this key (the last one when duplicated, as AWS reads it).</summary>
        public MappingEntry? GetEntry(string key)
        {
            // Rules look keys up constantly; the parsers build lists, which index without interface calls.
            if (Entries is List<MappingEntry> list)
            {
                for (int i = list.Count - 1; i >= 0; i--)
                    if (string.Equals(list[i].Key.Value, key)) return list[i];
                return null;
            }
            for (int i = Entries.Count - 1; i >= 0; i--)
                if (Entries[i].Name == key) return Entries[i];
            return null;
        }

        public Node? Get(string key) => GetEntry(key)?.Value;

        public bool Has(string key) => GetEntry(key) != null;

        /// <summary>
        /// The opening token, for findings about something missing from the mapping: <c>{</c> in JSON
        /// and flow style, the first key in YAML block style.
        /// </summary>
        public SourceSpan Head
        {
            get
            {
                var text = Span.Source.Text;
                if (Span.Start < text.Length && text[Span.Start] == '{') return new SourceSpan(Span.Source, Span.Start, Span.Start + 1);
                return Entries.Count > 0 ? Entries[0].Key.Span : Span;
            }
        }
    }
}
