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
    /// Sets the secure value of an L2 repository setting the analyzer reported (<c>Encryption = RepositoryEncryption.KMS</c>,
    /// <c>ImageScanOnPush = true</c>, <c>ImageTagMutability = TagMutability.IMMUTABLE</c>): replaces the member's value,
    /// adds the member to the inline <c>new RepositoryProps { … }</c>, or adds the props argument when there is none.
    /// Props held in a variable are left alone (the variable may be shared).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetRepositoryPropsCodeFix))]
    [Shared]
    public sealed class SetRepositoryPropsCodeFix : CodeFixProvider
    {
        private const string RepositoryType = "Amazon.CDK.AWS.ECR.Repository";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ECR010", "ECR013", "ECR014");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                var properties = diagnostic.Properties;
                if (!properties.TryGetValue(FixProperties.SetMember, out string? member) || member == null) continue;
                if (!properties.TryGetValue(FixProperties.SetValue, out string? value) || value == null) continue;
                properties.TryGetValue(FixProperties.PropsType, out string? propsType);
                properties.TryGetValue(FixProperties.Title, out string? title);
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var creation = node.AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>()
                    .FirstOrDefault(c => model.GetSymbolInfo(c, context.CancellationToken).Symbol?.ContainingType?.ToDisplayString() == RepositoryType);
                if (creation?.ArgumentList == null || !CanFix(creation.ArgumentList)) continue;
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title ?? "Set " + member,
                        ct => SetAsync(document, creation, member, value, propsType ?? "Amazon.CDK.AWS.ECR.RepositoryProps", ct),
                        equivalenceKey: "Shipshape.SetRepositoryProps." + diagnostic.Id),
                    diagnostic);
            }
        }

        private static bool CanFix(ArgumentListSyntax arguments)
            => arguments.Arguments.Count == 2 || (arguments.Arguments.Count == 3 && Initializers.InlineProps(arguments.Arguments[2].Expression) != null);

        private static async Task<Document> SetAsync(Document document, BaseObjectCreationExpressionSyntax creation, string member, string value, string propsType, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || creation.ArgumentList == null) return document;
            var valueSyntax = SyntaxFactory.ParseExpression(value).WithAdditionalAnnotations(Simplifier.Annotation);
            var assignment = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), valueSyntax);
            var arguments = creation.ArgumentList;
            SyntaxNode newRoot;
            if (arguments.Arguments.Count == 2)
            {
                var props = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName(propsType).WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithArgumentList(null)
                    .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression,
                        SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment)))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                newRoot = root.ReplaceNode(arguments, arguments.AddArguments(SyntaxFactory.Argument(props)));
            }
            else
            {
                var props = Initializers.InlineProps(arguments.Arguments[2].Expression)!;
                var existing = props.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                    .LastOrDefault(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == member);
                if (existing != null)
                {
                    // The smallest change, so that fixing several settings of one repository at once does not conflict.
                    newRoot = root.ReplaceNode(existing.Right, valueSyntax.WithTriviaFrom(existing.Right));
                }
                else
                {
                    var initializer = props.Initializer ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression);
                    var newInitializer = Initializers.Add(initializer, assignment);
                    SyntaxNode newProps = props.Initializer == null
                        ? (props is ObjectCreationExpressionSyntax explicitProps
                            ? explicitProps.WithArgumentList(null).WithType(explicitProps.Type.WithoutTrailingTrivia()).WithInitializer(newInitializer)
                            : props.WithInitializer(newInitializer))
                        : props.ReplaceNode(initializer, newInitializer);
                    newRoot = root.ReplaceNode(props, newProps.WithAdditionalAnnotations(Formatter.Annotation));
                }
            }
            return document.WithSyntaxRoot(newRoot);
        }
    }
}
