using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Model;

namespace Shipshape.Analyzers.Translation
{
    /// <summary>
    /// Reads a C# literal that stands for JSON (what <c>PolicyDocument.FromJson</c> takes) as jsii passes it to CDK: string-keyed
    /// generic dictionaries with indexer or <c>Add</c> initializers (<c>new Dictionary&lt;string, object&gt; { ["Effect"] = "Allow" }</c>),
    /// arrays and collection expressions, and constants. jsii rejects other objects at synth ("Could not infer JSII type" for
    /// anonymous objects, <c>List&lt;T&gt;</c>, <c>Hashtable</c>), so they are unknown, as is anything not written right here.
    /// Keys and values point at the C# that wrote them.
    /// </summary>
    internal sealed class JsonLiteralTranslator
    {
        private const int MaxDepth = 32;

        private readonly CSharpDocument _doc;
        private readonly INamedTypeSymbol? _dictionary;

        public JsonLiteralTranslator(CSharpDocument document)
        {
            _doc = document;
            // Roslyn caches metadata-name lookups per compilation; symbols compare cheaper than display strings.
            _dictionary = document.Model.Compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
        }

        public Node Value(IOperation operation, int depth = 0)
        {
            if (depth > MaxDepth) return _doc.Unknown(operation.Syntax);
            if (ValueReader.TryConstant(operation, out object? constant)) return _doc.Scalar(constant, operation.Syntax);
            var op = ValueReader.Unwrap(operation);
            switch (op)
            {
                case IObjectCreationOperation creation when creation.Arguments.Length == 0 && IsStringKeyedDictionary(creation.Type):
                    return Dictionary(creation, depth) ?? (Node)_doc.Unknown(operation.Syntax);
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

        /// <summary>A dictionary built by its initializer (<c>["Key"] = value</c>, <c>{ "Key", value }</c>); null when any item is of another shape.</summary>
        private MappingNode? Dictionary(IObjectCreationOperation creation, int depth)
        {
            var initializers = creation.Initializer?.Initializers ?? System.Collections.Immutable.ImmutableArray<IOperation>.Empty;
            var entries = new List<MappingEntry>();
            foreach (var initializer in initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation indexer
                    && indexer.Property.IsIndexer && indexer.Arguments.Length == 1 && ValueReader.TryString(indexer.Arguments[0].Value, out string key))
                {
                    entries.Add(new MappingEntry(_doc.Synthetic(key, indexer.Arguments[0].Value.Syntax), Value(assignment.Value, depth + 1)));
                }
                else if (initializer is IInvocationOperation add && add.Arguments.Length == 2 && ValueReader.TryString(add.Arguments[0].Value, out string addKey))
                {
                    entries.Add(new MappingEntry(_doc.Synthetic(addKey, add.Arguments[0].Value.Syntax), Value(add.Arguments[1].Value, depth + 1)));
                }
                else
                {
                    return null;
                }
            }
            return _doc.Mapping(creation.Syntax, entries);
        }

        /// <summary>A type jsii passes as a JSON object: one implementing <c>IDictionary&lt;string, T&gt;</c> (<c>Dictionary</c>, <c>SortedDictionary</c>…).</summary>
        private bool IsStringKeyedDictionary(ITypeSymbol? type)
        {
            if (type == null || _dictionary == null) return false;
            foreach (var face in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(face.OriginalDefinition, _dictionary)
                    && face.TypeArguments.Length == 2 && face.TypeArguments[0].SpecialType == SpecialType.System_String) return true;
            }
            return false;
        }
    }
}
