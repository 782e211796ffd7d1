using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Shipshape.Analyzers.Translation
{
    /// <summary>One <c>Name = value</c> of an object initializer.</summary>
    internal sealed class InitializerMember
    {
        public InitializerMember(string name, SyntaxNode nameSyntax, IOperation value)
        {
            Name = name;
            NameSyntax = nameSyntax;
            Value = value;
        }

        /// <summary>The C# property name (for jsii L1 types, the CloudFormation property name).</summary>
        public string Name { get; }

        /// <summary>The property name as written, where findings about the member land.</summary>
        public SyntaxNode NameSyntax { get; }

        public IOperation Value { get; }
    }

    /// <summary>An object creation with only a known initializer: <c>new RepositoryProps { … }</c>.</summary>
    internal sealed class ObjectValue
    {
        public ObjectValue(IObjectCreationOperation creation, IReadOnlyList<InitializerMember> members)
        {
            Creation = creation;
            Members = members;
        }

        public IObjectCreationOperation Creation { get; }
        public ITypeSymbol? Type => Creation.Type;
        public IReadOnlyList<InitializerMember> Members { get; }

        /// <summary>The last assignment of a member (C# allows one; the last one wins anyway).</summary>
        public InitializerMember? Get(string name)
        {
            for (int i = Members.Count - 1; i >= 0; i--)
                if (Members[i].Name == name) return Members[i];
            return null;
        }
    }

    /// <summary>
    /// Reads what C# code says about a value at compile time: literals and constants, and a local whose only
    /// assignment is its initializer. Anything else is unknown (null), and unknown is never a finding.
    /// </summary>
    internal static class ValueReader
    {
        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion when conversion.Operand != null:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>The compile-time constant of an expression (null, string, bool, number), through locals assigned once.</summary>
        public static bool TryConstant(IOperation? operation, out object? value)
        {
            value = null;
            if (operation == null) return false;
            var op = Unwrap(operation);
            if (op is IFieldReferenceOperation field && field.Field.ContainingType?.TypeKind == TypeKind.Enum) return false;
            if (op.ConstantValue.HasValue)
            {
                value = op.ConstantValue.Value;
                return true;
            }
            if (operation.ConstantValue.HasValue && !(operation.Type?.TypeKind == TypeKind.Enum))
            {
                value = operation.ConstantValue.Value;
                return true;
            }
            var resolved = ResolveLocal(op, immutable: true);
            return resolved != null && TryConstant(resolved, out value);
        }

        public static bool TryString(IOperation? operation, out string value)
        {
            value = string.Empty;
            if (!TryConstant(operation, out object? constant) || !(constant is string s)) return false;
            value = s;
            return true;
        }

        /// <summary>The member name of an enum value (<c>TagMutability.IMMUTABLE</c> → <c>IMMUTABLE</c>), or null.</summary>
        public static string? EnumMember(IOperation? operation, INamedTypeSymbol? enumType)
        {
            if (operation == null || enumType == null) return null;
            var op = Unwrap(operation);
            if (op is IFieldReferenceOperation field && field.Field.IsStatic
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, enumType))
                return field.Field.Name;
            var resolved = ResolveLocal(op, immutable: true);
            return resolved != null ? EnumMember(resolved, enumType) : null;
        }

        /// <summary>The name of a static member of a class used as an enum (<c>RepositoryEncryption.KMS</c> → <c>KMS</c>), or null.</summary>
        public static string? StaticMember(IOperation? operation, INamedTypeSymbol? type)
        {
            if (operation == null || type == null) return null;
            var op = Unwrap(operation);
            ISymbol? member = op switch
            {
                IPropertyReferenceOperation p when p.Property.IsStatic => p.Property,
                IFieldReferenceOperation f when f.Field.IsStatic => f.Field,
                _ => null,
            };
            if (member != null) return SymbolEqualityComparer.Default.Equals(member.ContainingType, type) ? member.Name : null;
            var resolved = ResolveLocal(op, immutable: true);
            return resolved != null ? StaticMember(resolved, type) : null;
        }

        /// <summary>True for a literal <c>null</c> (or <c>default</c>).</summary>
        public static bool IsNull(IOperation? operation)
            => operation != null && TryConstant(operation, out object? value) && value == null;

        /// <summary>The element expressions of an array (<c>new[] { … }</c>, <c>new string[] { … }</c>, <c>[ … ]</c>), or null when unknown.</summary>
        public static IReadOnlyList<IOperation>? ListItems(IOperation? operation)
        {
            if (operation == null) return null;
            var op = Unwrap(operation);
            if (op is IArrayCreationOperation array)
            {
                if (array.Initializer != null) return array.Initializer.ElementValues;
                // new string[0]
                if (array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue.HasValue && array.DimensionSizes[0].ConstantValue.Value is int n && n == 0)
                    return new IOperation[0];
                return null;
            }
            if (op.Syntax is CollectionExpressionSyntax collection && op.SemanticModel != null)
            {
                var items = new List<IOperation>();
                foreach (var element in collection.Elements)
                {
                    if (!(element is ExpressionElementSyntax expression)) return null;
                    var item = op.SemanticModel.GetOperation(expression.Expression);
                    if (item == null) return null;
                    items.Add(item);
                }
                return items;
            }
            var resolved = ResolveLocal(op, immutable: false);
            return resolved != null ? ListItems(resolved) : null;
        }

        /// <summary>
        /// The values an argument of a <c>params T[]</c> parameter passes: the expanded elements, or the elements of an array
        /// passed as such; a single value for other parameters. Null when an array is passed that we cannot read.
        /// </summary>
        public static IReadOnlyList<IOperation>? ArgumentValues(IArgumentOperation argument)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray || argument.Parameter?.Type is IArrayTypeSymbol)
                return ListItems(argument.Value);
            return new[] { argument.Value };
        }

        /// <summary>
        /// <c>new T { A = …, B = … }</c> (or a local initialised with it and never changed) as its members;
        /// null when the object is not built right here, has constructor arguments we do not model, or is of another type.
        /// </summary>
        public static ObjectValue? Object(IOperation? operation, INamedTypeSymbol? type, bool allowArguments = false)
        {
            if (operation == null) return null;
            var op = Unwrap(operation);
            if (op is IObjectCreationOperation creation)
            {
                if (type != null && !Cdk.CdkTypes.Is(creation.Type, type)) return null;
                if (!allowArguments && creation.Arguments.Length > 0) return null;
                var members = new List<InitializerMember>();
                if (creation.Initializer != null)
                {
                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        if (!(initializer is ISimpleAssignmentOperation assignment)) return null;
                        if (!(assignment.Target is IPropertyReferenceOperation property)) return null;
                        SyntaxNode nameSyntax = assignment.Target.Syntax;
                        members.Add(new InitializerMember(property.Property.Name, nameSyntax, assignment.Value));
                    }
                }
                return new ObjectValue(creation, members);
            }
            var resolved = ResolveLocal(op, immutable: false);
            return resolved != null ? Object(resolved, type, allowArguments) : null;
        }

        /// <summary>
        /// The initializer of a local that is assigned nowhere else; for mutable objects (<paramref name="immutable"/> false),
        /// also never changed through its members nor handed to code outside the CDK. Null otherwise.
        /// </summary>
        public static IOperation? ResolveLocal(IOperation operation, bool immutable)
        {
            if (!(operation is ILocalReferenceOperation reference) || operation.SemanticModel == null) return null;
            var local = reference.Local;
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1) return null;
            if (!(local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax declarator) || declarator.Initializer == null) return null;
            if (declarator.SyntaxTree != operation.Syntax.SyntaxTree) return null;
            var usage = LocalUsage.Analyze(local, declarator, operation.SemanticModel);
            if (usage.HasWrites) return null;
            if (!immutable && !usage.OnlyReadByCdk) return null;
            return operation.SemanticModel.GetOperation(declarator.Initializer.Value);
        }
    }

    /// <summary>How a local variable is used in the member that declares it.</summary>
    internal sealed class LocalUsage
    {
        private LocalUsage()
        {
        }

        /// <summary>Assigned again, incremented, or passed by <c>ref</c>/<c>out</c>.</summary>
        public bool HasWrites { get; private set; }

        /// <summary><c>local.Member…</c> uses, in source order: the member name and whether it is assigned or invoked.</summary>
        public List<MemberUse> MemberUses { get; } = new List<MemberUse>();

        /// <summary>Uses that hand the object on: arguments, assignments to other variables, returns…</summary>
        public List<IdentifierNameSyntax> OtherUses { get; } = new List<IdentifierNameSyntax>();

        /// <summary>Every use reads the value and hands it only to CDK constructors, CDK methods or CDK object initializers.</summary>
        public bool OnlyReadByCdk { get; private set; } = true;

        /// <summary>The object is handed to code outside the CDK (a user method, a second variable, a field…), which may change it.</summary>
        public bool HandedOn { get; private set; }

        /// <summary>Per semantic model (one compilation, one tree): the usage of each local, and each scope's identifiers by name.</summary>
        private static readonly ConditionalWeakTable<SemanticModel, Cache> Caches = new ConditionalWeakTable<SemanticModel, Cache>();

        private sealed class Cache
        {
            public readonly ConcurrentDictionary<SyntaxNode, LocalUsage> Usages = new ConcurrentDictionary<SyntaxNode, LocalUsage>();
            public readonly ConcurrentDictionary<SyntaxNode, IdentifierNameSyntax[]> Identifiers = new ConcurrentDictionary<SyntaxNode, IdentifierNameSyntax[]>();
        }

        /// <summary>How <paramref name="local"/> is used in the member that declares it (computed once per local and model).</summary>
        public static LocalUsage Analyze(ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel model)
        {
            var cache = Caches.GetValue(model, _ => new Cache());
            return cache.Usages.GetOrAdd(declarator, _ => Compute(local, declarator, model, cache));
        }

        private static LocalUsage Compute(ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel model, Cache cache)
        {
            SyntaxNode? scope = declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (scope == null || scope is GlobalStatementSyntax) scope = declarator.SyntaxTree.GetRoot();
            var usage = new LocalUsage();
            foreach (var id in Mentions(scope, local.Name, cache))
            {
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id).Symbol, local)) continue;
                usage.Classify(id, model);
            }
            return usage;
        }

        /// <summary>
        /// The identifiers spelt <paramref name="name"/> in <paramref name="scope"/>, in source order: found by searching the
        /// tree's text for the name (walking every node of a member cost more than all the rest of an analysis), or by a walk
        /// when the member has a Unicode escape, which can spell an identifier differently.
        /// </summary>
        private static IEnumerable<IdentifierNameSyntax> Mentions(SyntaxNode scope, string name, Cache cache)
        {
            string text = CSharpDocument.SourceOf(scope.SyntaxTree).Text;
            var span = scope.Span;
            if (name.Length == 0 || span.End > text.Length) return Walk(scope, name, cache);
            if (HasUnicodeEscape(text, span.Start, span.End)) return Walk(scope, name, cache);
            var found = new List<IdentifierNameSyntax>();
            int at = span.Start;
            while (at < span.End && (at = text.IndexOf(name, at, span.End - at, System.StringComparison.Ordinal)) >= 0)
            {
                var token = scope.FindToken(at);
                int start = token.Span.Start;
                // The occurrence is the whole identifier (`name` or `@name`), not part of a longer one, a string or a comment.
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && (at == start || (at == start + 1 && text[start] == '@'))
                    && token.Parent is IdentifierNameSyntax id)
                    found.Add(id);
                at += name.Length;
            }
            return found;
        }

        /// <summary><c>\u</c> or <c>\U</c> between <paramref name="start"/> and <paramref name="end"/> (a search for the backslash alone: most members have none, and this runs for every local).</summary>
        private static bool HasUnicodeEscape(string text, int start, int end)
        {
            for (int at = text.IndexOf('\\', start, end - start); at >= 0 && at + 1 < end; at = text.IndexOf('\\', at + 1, end - at - 1))
            {
                if (text[at + 1] == 'u' || text[at + 1] == 'U') return true;
            }
            return false;
        }

        private static IEnumerable<IdentifierNameSyntax> Walk(SyntaxNode scope, string name, Cache cache)
        {
            var identifiers = cache.Identifiers.GetOrAdd(scope, s =>
            {
                var list = new List<IdentifierNameSyntax>();
                foreach (var node in s.DescendantNodes())
                    if (node is IdentifierNameSyntax id) list.Add(id);
                return list.ToArray();
            });
            return identifiers.Where(id => id.Identifier.ValueText == name);
        }

        private void Classify(IdentifierNameSyntax id, SemanticModel model)
        {
            SyntaxNode? parent = id.Parent;
            switch (parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == id:
                case PrefixUnaryExpressionSyntax _:
                case PostfixUnaryExpressionSyntax _:
                    HasWrites = true;
                    OnlyReadByCdk = false;
                    return;
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
                    HasWrites = true;
                    OnlyReadByCdk = false;
                    return;
                case MemberAccessExpressionSyntax access when access.Expression == id:
                    bool assigned = access.Parent is AssignmentExpressionSyntax a && a.Left == access;
                    bool invoked = access.Parent is InvocationExpressionSyntax i && i.Expression == access;
                    MemberUses.Add(new MemberUse(access.Name.Identifier.ValueText, access, assigned, invoked));
                    if (assigned || invoked) OnlyReadByCdk = false;
                    return;
                case AssignmentExpressionSyntax valueAssignment when valueAssignment.Right == id && valueAssignment.Parent is InitializerExpressionSyntax init:
                    OtherUses.Add(id);
                    if (!(init.Parent is ExpressionSyntax created) || !IsCdkType(model.GetTypeInfo(created).Type)) Escape();
                    return;
                case ArgumentSyntax cdkArgument:
                    OtherUses.Add(id);
                    var target = cdkArgument.Parent?.Parent != null ? model.GetSymbolInfo(cdkArgument.Parent.Parent).Symbol : null;
                    if (!IsCdk(target)) Escape();
                    return;
                default:
                    // var other = local; return local; field = local; a second name or an owner we cannot follow.
                    OtherUses.Add(id);
                    Escape();
                    return;
            }
        }

        private void Escape()
        {
            OnlyReadByCdk = false;
            HandedOn = true;
        }

        private static bool IsCdk(ISymbol? symbol) => IsCdkType(symbol?.ContainingType);

        private static bool IsCdkType(ITypeSymbol? type) => Cdk.CdkTypes.InCdkNamespace(type);
    }

    internal readonly struct MemberUse
    {
        public MemberUse(string name, MemberAccessExpressionSyntax access, bool assigned, bool invoked)
        {
            Name = name;
            Access = access;
            Assigned = assigned;
            Invoked = invoked;
        }

        public string Name { get; }
        public MemberAccessExpressionSyntax Access { get; }
        public bool Assigned { get; }
        public bool Invoked { get; }
    }
}
