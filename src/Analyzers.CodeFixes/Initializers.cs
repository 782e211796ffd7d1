using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Shipshape.Analyzers.CodeFixes
{
    /// <summary>Edits of object and array initializers the code fixes share.</summary>
    internal static class Initializers
    {
        /// <summary>
        /// The props argument when it is written right there as <c>new XxxProps { … }</c> (no constructor arguments); null for
        /// a variable or a call, which may be shared, so the fixes leave it alone.
        /// </summary>
        public static BaseObjectCreationExpressionSyntax? InlineProps(ExpressionSyntax expression)
            => expression is BaseObjectCreationExpressionSyntax props && (props.ArgumentList == null || props.ArgumentList.Arguments.Count == 0) ? props : null;

        /// <summary>
        /// Adds <paramref name="item"/> (<c>Member = value</c>, or an array element) after the last one, keeping the author's
        /// layout (one per line, trailing comma or not).
        /// </summary>
        public static InitializerExpressionSyntax Add(InitializerExpressionSyntax initializer, ExpressionSyntax item)
        {
            var expressions = initializer.Expressions;
            if (expressions.Count == 0) return initializer.WithExpressions(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(item));
            var last = expressions[expressions.Count - 1];
            bool multiline = initializer.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (multiline)
            {
                var indentation = last.GetLeadingTrivia();
                var endOfLine = initializer.OpenBraceToken.TrailingTrivia.First(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                bool trailingComma = expressions.SeparatorCount == expressions.Count;
                var items = expressions.Add(item.WithLeadingTrivia(indentation)).ToList();
                var nodesAndTokens = new System.Collections.Generic.List<SyntaxNodeOrToken>();
                for (int i = 0; i < items.Count; i++)
                {
                    bool isLast = i == items.Count - 1;
                    // Without a trailing comma, the old last member's line break moves after the new comma.
                    nodesAndTokens.Add(!trailingComma && i == items.Count - 2 ? items[i].WithoutTrailingTrivia() : items[i]);
                    if (!isLast || trailingComma)
                        nodesAndTokens.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(endOfLine));
                }
                var list = SyntaxFactory.SeparatedList<ExpressionSyntax>(nodesAndTokens);
                if (!trailingComma)
                {
                    // The new last member needs the line break the old last member had before '}'.
                    list = list.Replace(list[list.Count - 1], list[list.Count - 1].WithTrailingTrivia(last.GetTrailingTrivia()));
                }
                return initializer.WithExpressions(list);
            }
            return initializer.WithExpressions(expressions.Add(item.WithLeadingTrivia(SyntaxFactory.Space)));
        }
    }
}
