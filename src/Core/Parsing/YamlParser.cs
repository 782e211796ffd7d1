using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Shipshape.Model;
using Shipshape.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlScalarStyle = YamlDotNet.Core.ScalarStyle;
using ScalarStyle = Shipshape.Model.ScalarStyle;

namespace Shipshape.Parsing
{
    /// <summary>
    /// Builds the document model from YamlDotNet's event stream (not its representation model, which
    /// rejects duplicate keys, copies aliases and forgets CloudFormation tags). Short tags such as
    /// <c>!Ref</c> or <c>!GetAtt a.b</c> become the same mappings as their <c>Fn::</c> long forms.
    /// </summary>
    public sealed class YamlParser
    {
        private static readonly Regex MarkPrefix = new Regex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

        private readonly SourceText _source;
        private readonly string _text;
        private readonly ParseLimits _limits;
        private readonly List<ParseProblem> _problems = new List<ParseProblem>();
        private readonly Dictionary<string, (Node Node, int Size)> _anchors = new Dictionary<string, (Node, int)>(StringComparer.Ordinal);
        private long _aliasBudgetUsed;

        private YamlParser(SourceText source, ParseLimits limits)
        {
            _source = source;
            _text = source.Text;
            _limits = limits;
        }

        public static ParseResult Parse(SourceText source, ParseLimits? limits = null)
            => new YamlParser(source, limits ?? ParseLimits.Default).Run();

        private ParseResult Run()
        {
            var documents = new List<Node>(1);
            Mark lastEnd = Mark.Empty;
            try
            {
                var parser = new Parser(new StringReader(_text));
                var stack = new Stack<Frame>();
                while (parser.MoveNext())
                {
                    ParsingEvent ev = parser.Current!;
                    lastEnd = ev.End;
                    switch (ev)
                    {
                        case DocumentStart _:
                            _anchors.Clear();
                            break;
                        case Scalar scalar:
                        {
                            var (node, size) = BuildScalar(scalar);
                            Register(scalar.Anchor, node, size);
                            Add(stack, documents, node, size);
                            break;
                        }
                        case AnchorAlias alias:
                        {
                            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                                throw new Stop(Problem(EngineRuleIds.SyntaxError, ev.Start, ev.End, "Invalid YAML: alias *" + alias.Value.Value + " refers to no anchor"));
                            _aliasBudgetUsed += target.Size;
                            if (_aliasBudgetUsed > _limits.MaxAliasExpansion)
                                throw new Stop(Problem(EngineRuleIds.LimitExceeded, ev.Start, ev.End,
                                    "YAML aliases expand to more than " + _limits.MaxAliasExpansion.ToString(CultureInfo.InvariantCulture) + " nodes (an alias bomb?); the file was not checked"));
                            Add(stack, documents, target.Node, target.Size, (int)ev.End.Index);
                            break;
                        }
                        case MappingStart ms:
                            Push(stack, new Frame(isMapping: true, ms.Start, ms.Anchor, ms.Tag));
                            break;
                        case SequenceStart ss:
                            Push(stack, new Frame(isMapping: false, ss.Start, ss.Anchor, ss.Tag));
                            break;
                        case MappingEnd _:
                        case SequenceEnd _:
                        {
                            Frame frame = stack.Pop();
                            int start = (int)frame.Start.Index;
                            int end = (int)ev.End.Index;
                            // YamlDotNet ends a flow collection before its closing bracket; include it.
                            char opener = start < _text.Length ? _text[ValueStart(start, end)] : '\0';
                            if (end < _text.Length && ((opener == '[' && _text[end] == ']') || (opener == '{' && _text[end] == '}'))) end++;
                            // A block collection's end event comes after trailing line breaks and comments: it ends with its last child.
                            if (opener != '[' && opener != '{' && frame.LastChildEnd > start) end = frame.LastChildEnd;
                            Node node = frame.IsMapping
                                ? new MappingNode(new SourceSpan(_source, ValueStart(start, end), end), Merge(frame.Entries!))
                                : (Node)new SequenceNode(new SourceSpan(_source, ValueStart(start, end), end), frame.Items!);
                            node = ApplyTag(frame.Tag, node, start);
                            Register(frame.Anchor, node, frame.Size);
                            Add(stack, documents, node, frame.Size);
                            break;
                        }
                    }
                }
            }
            catch (Stop stop)
            {
                documents.Clear();
                _problems.Add(stop.Problem);
            }
            catch (YamlException ex)
            {
                documents.Clear();
                string message = MarkPrefix.Replace(ex.Message, string.Empty);
                _problems.Add(Problem(EngineRuleIds.SyntaxError, ex.Start, ex.Start, "Invalid YAML: " + message));
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // YamlDotNet may throw other exception types on pathological input: still a finding, never a crash.
                documents.Clear();
                _problems.Add(Problem(EngineRuleIds.SyntaxError, lastEnd, lastEnd, "Invalid YAML: the structure is broken after this point (" + ex.Message + ")"));
            }
            return new ParseResult(documents, _problems);
        }

        private void Push(Stack<Frame> stack, Frame frame)
        {
            if (stack.Count >= _limits.MaxDepth)
                throw new Stop(Problem(EngineRuleIds.LimitExceeded, frame.Start, frame.Start,
                    "nesting is deeper than " + _limits.MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels; the file was not checked"));
            stack.Push(frame);
        }

        private void Register(AnchorName anchor, Node node, int size)
        {
            if (!anchor.IsEmpty) _anchors[anchor.Value] = (node, size);
        }

        private void Add(Stack<Frame> stack, List<Node> documents, Node node, int size, int? sourceEnd = null)
        {
            if (stack.Count == 0)
            {
                documents.Add(node);
                return;
            }
            Frame parent = stack.Peek();
            parent.Size += size;
            // An alias node's span is its anchor's; the alias token itself ends at sourceEnd.
            int end = sourceEnd ?? node.Span.End;
            if (end > parent.LastChildEnd) parent.LastChildEnd = end;
            if (!parent.IsMapping)
            {
                parent.Items!.Add(node);
                return;
            }
            if (parent.PendingKey == null)
            {
                parent.PendingKey = node as ScalarNode
                    ?? new ScalarNode(node.Span, node.Span.Text, ScalarKind.String, ScalarStyle.Verbatim);
                return;
            }
            ScalarNode key = parent.PendingKey;
            parent.PendingKey = null;
            if (key.Value != "<<" || key.Style != ScalarStyle.Plain)
            {
                ScalarNode? first = parent.FirstKey(key.Value);
                if (first != null)
                {
                    _problems.Add(new ParseProblem(EngineRuleIds.DuplicateKey, key.Span,
                        "Duplicate key '" + key.Value + "' (first at line " + first.Span.StartPosition.Line.ToString(CultureInfo.InvariantCulture) + "); the last one silently wins"));
                }
            }
            parent.AddEntry(new MappingEntry(key, node));
        }

        /// <summary>Applies YAML merge keys (<c>&lt;&lt;: *base</c>, used by eksctl configs): merged entries never override explicit ones.</summary>
        private static IReadOnlyList<MappingEntry> Merge(List<MappingEntry> entries)
        {
            bool hasMerge = false;
            foreach (var e in entries)
                if (e.Name == "<<" && e.Key.Style == ScalarStyle.Plain) { hasMerge = true; break; }
            if (!hasMerge) return entries;
            var result = new List<MappingEntry>();
            var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in entries)
                if (!(e.Name == "<<" && e.Key.Style == ScalarStyle.Plain)) { result.Add(e); explicitKeys.Add(e.Name); }
            foreach (var e in entries)
            {
                if (!(e.Name == "<<" && e.Key.Style == ScalarStyle.Plain)) continue;
                IEnumerable<Node> sources = e.Value is SequenceNode seq ? seq.Items : new[] { e.Value };
                foreach (var source in sources)
                {
                    if (!(source is MappingNode merged)) continue;
                    foreach (var m in merged.Entries)
                        if (explicitKeys.Add(m.Name)) result.Add(m);
                }
            }
            return result;
        }

        private (Node, int) BuildScalar(Scalar scalar)
        {
            int eventStart = (int)scalar.Start.Index;
            int end = (int)scalar.End.Index;
            int start = ValueStart(eventStart, end);
            ScalarStyle style = Map(scalar.Style);
            if (style == ScalarStyle.Literal || style == ScalarStyle.Folded)
            {
                while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
            }
            var span = new SourceSpan(_source, start, end);
            ScalarKind kind = Resolve(scalar, style);
            var node = new ScalarNode(span, scalar.Value, kind, style);
            if (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific) return (node, 1);
            string tag = scalar.Tag.Value;
            if (tag == "!GetAtt" && kind == ScalarKind.String)
            {
                // !GetAtt Resource.Attribute is the list form ["Resource", "Attribute"].
                int dot = node.Value.IndexOf('.');
                if (dot > 0)
                {
                    int valueOffset = style == ScalarStyle.Plain ? start : start + 1;
                    var parts = new List<Node>
                    {
                        new ScalarNode(new SourceSpan(_source, valueOffset, valueOffset + dot), node.Value.Substring(0, dot), ScalarKind.String, ScalarStyle.Verbatim),
                        new ScalarNode(new SourceSpan(_source, valueOffset + dot + 1, Math.Min(end, valueOffset + node.Value.Length)), node.Value.Substring(dot + 1), ScalarKind.String, ScalarStyle.Verbatim),
                    };
                    return (ApplyTag(scalar.Tag, new SequenceNode(span, parts), eventStart), 4);
                }
            }
            return (ApplyTag(scalar.Tag, node, eventStart), 2);
        }

        private static ScalarKind Resolve(Scalar scalar, ScalarStyle style)
        {
            if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
            {
                string tag = scalar.Tag.Value;
                if (tag.EndsWith(":str", StringComparison.Ordinal)) return ScalarKind.String;
                if (tag.EndsWith(":int", StringComparison.Ordinal) || tag.EndsWith(":float", StringComparison.Ordinal)) return ScalarKind.Number;
                if (tag.EndsWith(":bool", StringComparison.Ordinal)) return ScalarKind.Boolean;
                if (tag.EndsWith(":null", StringComparison.Ordinal)) return ScalarKind.Null;
            }
            if (style != ScalarStyle.Plain) return ScalarKind.String;
            return YamlScalars.ResolvePlain(scalar.Value);
        }

        private static ScalarStyle Map(YamlScalarStyle style)
        {
            switch (style)
            {
                case YamlScalarStyle.SingleQuoted: return ScalarStyle.SingleQuoted;
                case YamlScalarStyle.DoubleQuoted: return ScalarStyle.DoubleQuoted;
                case YamlScalarStyle.Literal: return ScalarStyle.Literal;
                case YamlScalarStyle.Folded: return ScalarStyle.Folded;
                default: return ScalarStyle.Plain;
            }
        }

        /// <summary>Wraps a tagged node in its CloudFormation long form, e.g. <c>!Ref X</c> → <c>{ "Ref": "X" }</c>.</summary>
        private Node ApplyTag(TagName tag, Node node, int tagOffset)
        {
            if (tag.IsEmpty || tag.IsNonSpecific) return node;
            string? function = CloudFormationTags.LongForm(tag.Value);
            if (function == null) return node;
            int tagEnd = Math.Min(_text.Length, tagOffset + tag.Value.Length);
            var key = new ScalarNode(new SourceSpan(_source, tagOffset, tagEnd), function, ScalarKind.String, ScalarStyle.Verbatim);
            var span = new SourceSpan(_source, tagOffset, Math.Max(tagEnd, node.Span.End));
            return new MappingNode(span, new[] { new MappingEntry(key, node) });
        }

        /// <summary>Skips node properties (tags and anchors) so a span starts at the value itself.</summary>
        private int ValueStart(int start, int end)
        {
            int pos = start;
            while (pos < end && pos < _text.Length && (_text[pos] == '!' || _text[pos] == '&'))
            {
                while (pos < end && !char.IsWhiteSpace(_text[pos])) pos++;
                while (pos < end && char.IsWhiteSpace(_text[pos])) pos++;
            }
            return pos < end ? pos : start;
        }

        private ParseProblem Problem(string id, Mark start, Mark end, string message)
        {
            int s = (int)Math.Min(Math.Max(0, start.Index), _text.Length);
            int e = (int)Math.Min(Math.Max(s, end.Index), _text.Length);
            if (e == s && s < _text.Length) e = s + 1;
            return new ParseProblem(id, new SourceSpan(_source, s, e), message);
        }

        private sealed class Frame
        {
            public Frame(bool isMapping, Mark start, AnchorName anchor, TagName tag)
            {
                IsMapping = isMapping;
                Start = start;
                Anchor = anchor;
                Tag = tag;
                if (isMapping) Entries = new List<MappingEntry>();
                else Items = new List<Node>();
                Size = 1;
            }

            public bool IsMapping { get; }
            public Mark Start { get; }
            public AnchorName Anchor { get; }
            public TagName Tag { get; }
            public List<MappingEntry>? Entries { get; }
            public List<Node>? Items { get; }
            public ScalarNode? PendingKey { get; set; }
            public int Size { get; set; }

            /// <summary>Where the last child read so far ends in the source.</summary>
            public int LastChildEnd { get; set; }

            // Past a few entries, duplicate keys are found by lookup: a mapping with 40,000 keys must not cost 40,000² compares.
            private const int IndexFrom = 8;
            private Dictionary<string, ScalarNode>? _firstKeys;

            /// <summary>The first earlier key with this name (synthesised verbatim keys never count).</summary>
            public ScalarNode? FirstKey(string name)
            {
                if (_firstKeys != null) return _firstKeys.TryGetValue(name, out var key) ? key : null;
                foreach (var e in Entries!)
                    if (e.Name == name && e.Key.Style != ScalarStyle.Verbatim) return e.Key;
                return null;
            }

            public void AddEntry(MappingEntry entry)
            {
                Entries!.Add(entry);
                if (_firstKeys != null)
                {
                    Remember(entry);
                }
                else if (Entries.Count > IndexFrom)
                {
                    _firstKeys = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
                    foreach (var e in Entries) Remember(e);
                }
            }

            private void Remember(MappingEntry e)
            {
                if (e.Key.Style != ScalarStyle.Verbatim && !_firstKeys!.ContainsKey(e.Name)) _firstKeys[e.Name] = e.Key;
            }
        }

        private sealed class Stop : Exception
        {
            public Stop(ParseProblem problem) => Problem = problem;
            public ParseProblem Problem { get; }
        }
    }

    /// <summary>CloudFormation's YAML short-form tags.</summary>
    public static class CloudFormationTags
    {
        private static readonly HashSet<string> FnTags = new HashSet<string>(StringComparer.Ordinal)
        {
            "Sub", "GetAtt", "If", "Join", "Select", "Split", "FindInMap", "ImportValue", "Base64", "Cidr",
            "GetAZs", "Equals", "And", "Or", "Not", "Transform", "Length", "ToJsonString", "ForEach",
        };

        /// <summary><c>!Ref</c> → <c>Ref</c>, <c>!Sub</c> → <c>Fn::Sub</c>; null for tags that are not CloudFormation's.</summary>
        public static string? LongForm(string tag)
        {
            if (tag.Length < 2 || tag[0] != '!') return null;
            string name = tag.Substring(1);
            if (name == "Ref" || name == "Condition") return name;
            return FnTags.Contains(name) ? "Fn::" + name : null;
        }
    }

    /// <summary>YAML 1.2 core-schema resolution of plain scalars.</summary>
    public static class YamlScalars
    {
        private static readonly Regex Number = new Regex(@"^([-+]?(0|[1-9][0-9_]*)(\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\.[0-9]+([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant);

        public static ScalarKind ResolvePlain(string value)
        {
            switch (value)
            {
                case "":
                case "~":
                case "null":
                case "Null":
                case "NULL":
                    return ScalarKind.Null;
                case "true":
                case "True":
                case "TRUE":
                case "false":
                case "False":
                case "FALSE":
                    return ScalarKind.Boolean;
            }
            char c = value[0];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')
                if (Number.IsMatch(value)) return ScalarKind.Number;
            return ScalarKind.String;
        }
    }
}
