using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Shipshape.Analyzers.Diagnostics;

namespace Shipshape.Analyzers.CodeFixes
{
    /// <summary>
    /// Rewrites a string literal to the value the analyzer computed: an action or principal without its stray
    /// whitespace (IAM006, IAM008), or the action IAM007 suggests ("did you mean …?"). Offered only when the
    /// analyzer put a replacement in the diagnostic, i.e. when the diagnostic is on a literal and the new value is valid.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceLiteralCodeFix))]
    [Shared]
    public sealed class ReplaceLiteralCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("IAM006", "IAM007", "IAM008");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(FixProperties.Replacement, out string? replacement) || replacement == null) continue;
                diagnostic.Properties.TryGetValue(FixProperties.Title, out string? title);
                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal)
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression)) continue;
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title ?? "Replace with '" + replacement + "'",
                        ct => ReplaceAsync(document, literal, replacement, ct),
                        equivalenceKey: "Shipshape.ReplaceLiteral." + diagnostic.Id),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string value, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null) return document;
            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value))
                .WithTriviaFrom(literal);
            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }
    }
}
