using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Model;

namespace Shipshape.Analyzers.Translation
{
    /// <summary>What every construct translation needs: where findings about absent settings land, the construct ID, and what happens to the construct after <c>new</c>.</summary>
    internal static class Constructs
    {
        /// <summary>Where findings about missing settings land: <c>new Repository</c>, <c>new Cluster</c> (the keyword and the type name).</summary>
        public static ScalarNode Anchor(CSharpDocument doc, IObjectCreationOperation creation, string fallbackName)
        {
            string name = creation.Type?.Name ?? fallbackName;
            switch (creation.Syntax)
            {
                case ObjectCreationExpressionSyntax explicitNew:
                    return doc.Synthetic(name, doc.Span(explicitNew.NewKeyword.SpanStart, explicitNew.Type.Span.End));
                case ImplicitObjectCreationExpressionSyntax implicitNew:
                    return doc.Synthetic(name, doc.Span(implicitNew.NewKeyword.Span.Start, implicitNew.NewKeyword.Span.End));
                default:
                    return doc.Synthetic(name, creation.Syntax);
            }
        }

        /// <summary>The construct ID when it is a literal (the logical ID's stem, used in messages).</summary>
        public static string? ConstructId(IObjectCreationOperation creation)
            => creation.Arguments.Length >= 2 && ValueReader.TryString(creation.Arguments[1].Value, out string id) ? id : null;

        /// <summary>The props argument (third) when one is passed and is not null.</summary>
        public static IOperation? Props(IObjectCreationOperation creation)
            => creation.Arguments.Length >= 3 && creation.Arguments[2].ArgumentKind != ArgumentKind.DefaultValue && !ValueReader.IsNull(creation.Arguments[2].Value)
                ? creation.Arguments[2].Value
                : null;

        /// <summary>True when an L1 construct's properties are final at <c>new</c>: nothing sets or overrides them afterwards.</summary>
        public static bool IsFinalL1(IObjectCreationOperation creation)
        {
            var uses = Uses(creation);
            return !uses.Unknowable && !uses.HandedOn && !uses.L1Changed;
        }

        /// <summary>What happens to the construct after <c>new</c>: discarded, kept in a local (and what is called on it), or handed on.</summary>
        public static ConstructUses Uses(IObjectCreationOperation creation)
        {
            var result = new ConstructUses();
            IOperation? parent = creation.Parent;
            while (parent is IConversionOperation) parent = parent.Parent;
            // `new T(…);` and `_ = new T(…);`: nothing can reach the construct afterwards.
            if (parent is IExpressionStatementOperation || (parent is ISimpleAssignmentOperation discard && discard.Target is IDiscardOperation)) return result;
            if (!(parent is IVariableInitializerOperation) || !(parent.Parent is IVariableDeclaratorOperation declarator)
                || !(declarator.Syntax is VariableDeclaratorSyntax syntax) || creation.SemanticModel == null)
            {
                result.HandedOn = true;
                return result;
            }
            var usage = LocalUsage.Analyze(declarator.Symbol, syntax, creation.SemanticModel);
            if (usage.HasWrites)
            {
                result.Unknowable = true;
                return result;
            }
            result.HandedOn = usage.HandedOn;
            foreach (var use in usage.MemberUses)
            {
                if (use.Name == "Node") result.Unknowable = true;
                else if (use.Name == "AddLifecycleRule" && use.Invoked) result.LifecycleRuleAdded ??= use.Access.Name;
                bool readsAttribute = !use.Assigned && !use.Invoked && (use.Name.StartsWith("Attr", System.StringComparison.Ordinal) || use.Name == "Ref" || use.Name == "LogicalId");
                if (!readsAttribute) result.L1Changed = true;
            }
            return result;
        }
    }

    internal sealed class ConstructUses
    {
        /// <summary>The construct tree is reached (<c>.Node</c>, escape hatches): nothing about the resource is certain.</summary>
        public bool Unknowable;

        /// <summary>The object is handed to code we do not follow (which may add lifecycle rules…).</summary>
        public bool HandedOn;

        /// <summary>An L1 property is set or overridden after construction.</summary>
        public bool L1Changed;

        public SyntaxNode? LifecycleRuleAdded;
    }
}
