using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Shipshape.Analyzers.Diagnostics;

namespace Shipshape.Analyzers.CodeFixes
{
    /// <summary>
    /// Enables the control-plane log types an L2 EKS cluster misses (EKS001, EKS002): adds
    /// <c>ClusterLogging = new[] { ClusterLoggingTypes.API, … }</c> to the inline props, or appends the missing
    /// <c>ClusterLoggingTypes</c> to the array written there. Lists and props held in variables are left alone (they may be shared).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClusterLoggingCodeFix))]
    [Shared]
    public sealed class ClusterLoggingCodeFix : CodeFixProvider
    {
        private const string LoggingTypes = "Amazon.CDK.AWS.EKS.ClusterLoggingTypes";
        private const string Member = "ClusterLogging";
        private static readonly string[] ClusterTypes = { "Amazon.CDK.AWS.EKS.Cluster", "Amazon.CDK.AWS.EKS.FargateCluster" };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("EKS001", "EKS002");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(FixProperties.AddLogTypes, out string? list) || string.IsNullOrEmpty(list)) continue;
                diagnostic.Properties.TryGetValue(FixProperties.Title, out string? title);
                var members = list!.Split(',');
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var creation = node.AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>()
                    .FirstOrDefault(c => ClusterTypes.Contains(model.GetSymbolInfo(c, context.CancellationToken).Symbol?.ContainingType?.ToDisplayString()));
                var props = creation?.ArgumentList?.Arguments.Count == 3 ? Initializers.InlineProps(creation.ArgumentList.Arguments[2].Expression) : null;
                if (props == null) continue;
                var existing = Assignment(props);
                if (existing != null && !IsWrittenList(existing.Right)) continue;
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(title ?? "Enable the missing log types", ct => FixAsync(document, props, members, ct), equivalenceKey: "Shipshape.ClusterLogging"),
                    diagnostic);
            }
        }

        private static AssignmentExpressionSyntax? Assignment(BaseObjectCreationExpressionSyntax props)
            => props.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                .LastOrDefault(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == Member);

        /// <summary>A list written right here: <c>new[] { … }</c>, <c>new ClusterLoggingTypes[] { … }</c>, <c>new ClusterLoggingTypes[0]</c> or <c>[…]</c>.</summary>
        private static bool IsWrittenList(ExpressionSyntax value)
            => value is ImplicitArrayCreationExpressionSyntax || value is ArrayCreationExpressionSyntax || value is CollectionExpressionSyntax;

        private static ExpressionSyntax LogType(string member)
            => SyntaxFactory.ParseExpression(LoggingTypes + "." + member).WithAdditionalAnnotations(Simplifier.Annotation);

        private static async Task<Document> FixAsync(Document document, BaseObjectCreationExpressionSyntax props, IReadOnlyList<string> members, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null) return document;
            var existing = Assignment(props);
            SyntaxNode newRoot;
            if (existing == null)
            {
                var array = SyntaxFactory.ImplicitArrayCreationExpression(SyntaxFactory.InitializerExpression(SyntaxKind.ArrayInitializerExpression,
                    SyntaxFactory.SeparatedList(members.Select(LogType))));
                var assignment = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(Member), array);
                var initializer = props.Initializer ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression);
                var newInitializer = Initializers.Add(initializer, assignment);
                SyntaxNode newProps = props.Initializer == null
                    ? (props is ObjectCreationExpressionSyntax explicitProps
                        ? explicitProps.WithArgumentList(null).WithType(explicitProps.Type.WithoutTrailingTrivia()).WithInitializer(newInitializer)
                        : props.WithInitializer(newInitializer))
                    : props.ReplaceNode(initializer, newInitializer);
                newRoot = root.ReplaceNode(props, newProps.WithAdditionalAnnotations(Formatter.Annotation));
            }
            else
            {
                newRoot = root.ReplaceNode(existing.Right, Append(existing.Right, members).WithTriviaFrom(existing.Right).WithAdditionalAnnotations(Formatter.Annotation));
            }
            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>The list with <paramref name="members"/> added at its end, in the form the author wrote it.</summary>
        private static ExpressionSyntax Append(ExpressionSyntax list, IReadOnlyList<string> members)
        {
            switch (list)
            {
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return implicitArray.WithInitializer(AddAll(implicitArray.Initializer, members));
                case ArrayCreationExpressionSyntax array when array.Initializer != null:
                    return array.WithInitializer(AddAll(array.Initializer, members));
                case CollectionExpressionSyntax collection:
                {
                    var elements = collection.Elements;
                    foreach (string member in members)
                        elements = elements.Add(SyntaxFactory.ExpressionElement(LogType(member)).WithLeadingTrivia(elements.Count > 0 ? SyntaxFactory.Space : default));
                    return collection.WithElements(elements);
                }
                default:
                    // new ClusterLoggingTypes[0]: an empty list written as a size.
                    return SyntaxFactory.ImplicitArrayCreationExpression(SyntaxFactory.InitializerExpression(SyntaxKind.ArrayInitializerExpression,
                        SyntaxFactory.SeparatedList(members.Select(LogType))));
            }
        }

        private static InitializerExpressionSyntax AddAll(InitializerExpressionSyntax initializer, IReadOnlyList<string> members)
        {
            foreach (string member in members) initializer = Initializers.Add(initializer, LogType(member));
            return initializer;
        }
    }
}
