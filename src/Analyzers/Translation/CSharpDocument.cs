using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Shipshape.Model;
using ShipshapeText = Shipshape.Text.SourceText;
using SourceSpan = Shipshape.Text.SourceSpan;

namespace Shipshape.Analyzers.Translation
{
    /// <summary>
    /// A value only known when the app runs (a variable, a token, a method result): the C# counterpart of a
    /// CloudFormation intrinsic. Rules skip unknown values, so they never cause a finding.
    /// </summary>
    internal sealed class UnknownNode : Node
    {
        public const string Function = "Fn::Shipshape::CSharpExpression";

        public UnknownNode(SourceSpan span)
            : base(span)
        {
        }

        public override string? IntrinsicFunction => Function;
    }

    /// <summary>
    /// One C# syntax tree seen through the engine's eyes: a <see cref="ShipshapeText"/> over the tree's text
    /// (so engine offsets are Roslyn text positions) and factories for document-model nodes whose spans
    /// point at the C# that produced them.
    /// </summary>
    internal sealed class CSharpDocument
    {
        private static readonly ConditionalWeakTable<SyntaxTree, ShipshapeText> Texts = new ConditionalWeakTable<SyntaxTree, ShipshapeText>();

        private CSharpDocument(SyntaxTree tree, SemanticModel model)
        {
            Tree = tree;
            Model = model;
            Source = SourceOf(tree);
        }

        /// <summary>The tree's text as the engine sees it (one copy per tree, shared by every analyzer).</summary>
        public static ShipshapeText SourceOf(SyntaxTree tree)
            => Texts.GetValue(tree, t => new ShipshapeText(t.FilePath ?? string.Empty, t.GetText().ToString()));

        public SyntaxTree Tree { get; }
        public SemanticModel Model { get; }
        public ShipshapeText Source { get; }

        public static CSharpDocument? For(IOperation operation)
            => operation.SemanticModel == null ? null : new CSharpDocument(operation.Syntax.SyntaxTree, operation.SemanticModel);

        public SourceSpan Span(SyntaxNode node) => new SourceSpan(Source, node.Span.Start, node.Span.End);

        public SourceSpan Span(int start, int end) => new SourceSpan(Source, start, end);

        /// <summary>A key or a value the analyzer wrote itself (a CDK default), located at <paramref name="at"/>.</summary>
        public ScalarNode Synthetic(string value, SyntaxNode at) => new ScalarNode(Span(at), value, ScalarKind.String, ScalarStyle.Verbatim);

        public ScalarNode Synthetic(string value, SourceSpan at) => new ScalarNode(at, value, ScalarKind.String, ScalarStyle.Verbatim);

        public UnknownNode Unknown(SyntaxNode at) => new UnknownNode(Span(at));

        public MappingNode Mapping(SyntaxNode at, IReadOnlyList<MappingEntry> entries) => new MappingNode(Span(at), entries);

        public MappingNode Mapping(SourceSpan at, IReadOnlyList<MappingEntry> entries) => new MappingNode(at, entries);

        public SequenceNode Sequence(SyntaxNode at, IReadOnlyList<Node> items) => new SequenceNode(Span(at), items);

        public SequenceNode Sequence(SourceSpan at, IReadOnlyList<Node> items) => new SequenceNode(at, items);

        /// <summary>A scalar for a compile-time constant, located at the expression that supplies it (the literal, or the name of a constant or local).</summary>
        public Node Scalar(object? constant, SyntaxNode at)
        {
            var span = Span(at);
            switch (constant)
            {
                case null: return new ScalarNode(span, "null", ScalarKind.Null, ScalarStyle.Json);
                case string s: return new ScalarNode(span, s, ScalarKind.String, ScalarStyle.Json);
                case bool b: return new ScalarNode(span, b ? "true" : "false", ScalarKind.Boolean, ScalarStyle.Json);
                case char c: return new ScalarNode(span, c.ToString(), ScalarKind.String, ScalarStyle.Json);
                case double d: return new ScalarNode(span, d.ToString("R", CultureInfo.InvariantCulture), ScalarKind.Number, ScalarStyle.Json);
                case float f: return new ScalarNode(span, f.ToString("R", CultureInfo.InvariantCulture), ScalarKind.Number, ScalarStyle.Json);
                case System.IFormattable n: return new ScalarNode(span, n.ToString(null, CultureInfo.InvariantCulture), ScalarKind.Number, ScalarStyle.Json);
                default: return new UnknownNode(span);
            }
        }
    }
}
