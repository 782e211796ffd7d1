using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Model;

namespace Shipshape.Analyzers.Translation
{
    /// <summary>
    /// L1 (<c>Cfn…Props</c>) translation, the same for every resource: jsii names L1 properties exactly as
    /// CloudFormation does, and nested property types (<c>CfnRepository.ImageScanningConfigurationProperty</c>)
    /// are classes with the same names inside, so an object initializer maps member by member.
    /// </summary>
    internal static class CloudFormationTranslator
    {
        private const int MaxDepth = 16;

        public static MappingNode Mapping(CSharpDocument doc, ObjectValue value, int depth = 0)
        {
            var entries = new List<MappingEntry>(value.Members.Count);
            foreach (var member in value.Members)
            {
                if (ValueReader.IsNull(member.Value)) continue;
                entries.Add(new MappingEntry(doc.Synthetic(member.Name, member.NameSyntax), Value(doc, member.Value, depth + 1)));
            }
            return doc.Mapping(value.Creation.Syntax, entries);
        }

        /// <summary>A constant, a nested property object, or a list of them; anything else (tokens, <c>IResolvable</c>, variables) is unknown.</summary>
        public static Node Value(CSharpDocument doc, IOperation operation, int depth)
        {
            if (depth > MaxDepth) return doc.Unknown(operation.Syntax);
            if (ValueReader.TryConstant(operation, out object? constant)) return doc.Scalar(constant, operation.Syntax);
            var op = ValueReader.Unwrap(operation);
            if (op is IObjectCreationOperation creation && IsCdkPropertyType(creation.Type))
            {
                var obj = ValueReader.Object(op, null);
                return obj != null ? Mapping(doc, obj, depth) : (Node)doc.Unknown(operation.Syntax);
            }
            if (op is IArrayCreationOperation || op.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax)
            {
                var items = ValueReader.ListItems(op);
                if (items == null) return doc.Unknown(operation.Syntax);
                var nodes = new List<Node>(items.Count);
                foreach (var item in items) nodes.Add(Value(doc, item, depth + 1));
                return doc.Sequence(operation.Syntax, nodes);
            }
            return doc.Unknown(operation.Syntax);
        }

        private static bool IsCdkPropertyType(ITypeSymbol? type) => Cdk.CdkTypes.InCdkNamespace(type);
    }
}
