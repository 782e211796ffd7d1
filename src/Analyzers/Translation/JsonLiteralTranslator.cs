using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Model;

namespace Shipshape.Analyzers.Translation
{
    /// <summary>
    /// Reads a C# literal that stands for JSON (what <c>PolicyDocument.FromJson</c> takes): dictionaries with indexer or
    /// <c>Add</c> initializers (<c>new Dictionary&lt;string, object&gt; { ["Effect"] = "Allow" }</c>), anonymous objects
    /// (<c>new { Effect = "Allow" }</c>), arrays, lists and collection expressions, and constants. Keys and values point
    /// at the C# that wrote them; anything else (a variable changed later, a method result, parsed JSON text) is unknown.
    /// </summary>
    internal sealed class JsonLiteralTranslator
    {
        private const int MaxDepth = 32;

        private readonly CSharpDocument _doc;

        public JsonLiteralTranslator(CSharpDocument document) => _doc = document;

        public Node Value(IOperation operation, int depth = 0)
        {
            if (depth > MaxDepth) return _doc.Unknown(operation.Syntax);
            if (ValueReader.TryConstant(operation, out object? constant)) return _doc.Scalar(constant, operation.Syntax);
            var op = ValueReader.Unwrap(operation);
            switch (op)
            {
                case IAnonymousObjectCreationOperation anonymous:
                    return AnonymousObject(anonymous, depth) ?? (Node)_doc.Unknown(operation.Syntax);
                case IObjectCreationOperation creation when creation.Arguments.Length == 0 && IsCollection(creation.Type):
                    return Collection(creation, depth) ?? _doc.Unknown(operation.Syntax);
            }
            if (op is IArrayCreationOperation || op.Syntax is CollectionExpressionSyntax)
            {
                var items = ValueReader.ListItems(op);
                if (items == null) return _doc.Unknown(operation.Syntax);
                var nodes = new List<Node>(items.Count);
                foreach (var item in items) nodes.Add(Value(item, depth + 1));
                return _doc.Sequence(operation.Syntax, nodes);
            }
            var resolved = ValueReader.ResolveLocal(op, immutable: false);
            return resolved != null ? Value(resolved, depth + 1) : _doc.Unknown(operation.Syntax);
        }

        private MappingNode? AnonymousObject(IAnonymousObjectCreationOperation creation, int depth)
        {
            var entries = new List<MappingEntry>(creation.Initializers.Length);
            foreach (var initializer in creation.Initializers)
            {
                if (!(initializer is ISimpleAssignmentOperation assignment) || !(assignment.Target is IPropertyReferenceOperation property)) return null;
                SyntaxNode keySyntax = assignment.Syntax is AnonymousObjectMemberDeclaratorSyntax declarator
                    ? (SyntaxNode?)declarator.NameEquals?.Name ?? declarator.Expression
                    : assignment.Syntax;
                entries.Add(new MappingEntry(_doc.Synthetic(property.Property.Name, keySyntax), Value(assignment.Value, depth + 1)));
            }
            return _doc.Mapping(creation.Syntax, entries);
        }

        /// <summary>A dictionary (<c>["Key"] = value</c>, <c>{ "Key", value }</c>) or a list (<c>{ value, … }</c>) built by its initializer; null when any item is of another shape.</summary>
        private Node? Collection(IObjectCreationOperation creation, int depth)
        {
            var initializers = creation.Initializer?.Initializers ?? System.Collections.Immutable.ImmutableArray<IOperation>.Empty;
            bool dictionary = IsDictionary(creation.Type);
            var entries = new List<MappingEntry>();
            var items = new List<Node>();
            foreach (var initializer in initializers)
            {
                if (dictionary && initializer is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation indexer
                    && indexer.Property.IsIndexer && indexer.Arguments.Length == 1 && ValueReader.TryString(indexer.Arguments[0].Value, out string key))
                {
                    entries.Add(new MappingEntry(_doc.Synthetic(key, indexer.Arguments[0].Value.Syntax), Value(assignment.Value, depth + 1)));
                }
                else if (dictionary && initializer is IInvocationOperation add && add.Arguments.Length == 2 && ValueReader.TryString(add.Arguments[0].Value, out string addKey))
                {
                    entries.Add(new MappingEntry(_doc.Synthetic(addKey, add.Arguments[0].Value.Syntax), Value(add.Arguments[1].Value, depth + 1)));
                }
                else if (!dictionary && initializer is IInvocationOperation append && append.Arguments.Length == 1)
                {
                    items.Add(Value(append.Arguments[0].Value, depth + 1));
                }
                else
                {
                    return null;
                }
            }
            return dictionary ? _doc.Mapping(creation.Syntax, entries) : (Node)_doc.Sequence(creation.Syntax, items);
        }

        /// <summary>A BCL collection (<c>Dictionary&lt;string, object&gt;</c>, <c>List&lt;object&gt;</c>, <c>Hashtable</c>…), not a CDK or user type.</summary>
        private static bool IsCollection(ITypeSymbol? type)
        {
            string? ns = type?.ContainingNamespace?.ToDisplayString();
            return ns != null && ns.StartsWith("System.Collections", System.StringComparison.Ordinal);
        }

        private static bool IsDictionary(ITypeSymbol? type)
        {
            if (type == null) return false;
            foreach (var face in type.AllInterfaces)
            {
                string name = face.OriginalDefinition.ToDisplayString();
                if (name == "System.Collections.Generic.IDictionary<TKey, TValue>" || name == "System.Collections.IDictionary") return true;
            }
            return false;
        }
    }
}
