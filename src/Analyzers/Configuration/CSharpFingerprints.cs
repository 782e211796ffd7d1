using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Shipshape.Baselines;
using Shipshape.Findings;

namespace Shipshape.Analyzers.Configuration
{
    /// <summary>
    /// Baseline fingerprints of C# findings, in the engine's scheme (<see cref="Fingerprints"/>: rule, path relative to
    /// the baseline, logical location, the offending token's text with whitespace normalised; no line numbers). The
    /// logical location of C# is where the construct lives, not where it is:
    /// <c>Namespace.Type.Member/Repository("Repo")</c> for a finding inside a construct created with a literal id,
    /// else the innermost creation (<c>/pull=PolicyStatement</c> when assigned, <c>/repository.AddToResourcePolicy(PolicyStatement)</c>
    /// when passed, <c>/PolicyStatement</c>) or call (<c>/AddActions</c>). Edits above or below, even in the same method,
    /// leave it alone; identical constructs in one member share an entry.
    /// </summary>
    internal static class CSharpFingerprints
    {
        /// <summary>Baseline entries for one construct's findings (fed in sorted order, so equal keys count up the same way each time).</summary>
        public static IReadOnlyList<BaselineEntry> Compute(IReadOnlyList<Finding> findings, SyntaxTree tree, string relativePath, CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            var locations = findings.Select(f => LogicalLocation(root, f.Span.Start)).ToList();
            return Fingerprints.Compute(findings, locations, relativePath);
        }

        /// <summary>The member and construct holding the position (see the class summary).</summary>
        public static string LogicalLocation(SyntaxNode root, int position)
        {
            var token = root.FindToken(position);
            var node = token.Parent;
            string? construct = null, innermost = null;
            var path = new StringBuilder();
            for (var current = node; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case BaseObjectCreationExpressionSyntax creation:
                        string type = creation is ObjectCreationExpressionSyntax named ? Simple(named.Type) : "new";
                        string? id = ConstructId(creation.ArgumentList);
                        if (construct == null && id != null) construct = type + "(" + id + ")";
                        // A props object passed to a creation is described by that creation.
                        if (!(creation.Parent is ArgumentSyntax { Parent: { Parent: BaseObjectCreationExpressionSyntax _ } })) innermost ??= Describe(creation, type);
                        break;
                    case InvocationExpressionSyntax invocation:
                        innermost ??= invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText
                            : invocation.Expression is IdentifierNameSyntax name ? name.Identifier.ValueText : null;
                        break;
                    case MemberDeclarationSyntax member when path.Length == 0 && !(member is BaseTypeDeclarationSyntax) && !(member is BaseNamespaceDeclarationSyntax):
                        path.Append(MemberName(member));
                        break;
                    case BaseTypeDeclarationSyntax type2:
                        Prepend(path, type2.Identifier.ValueText);
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        Prepend(path, ns.Name.ToString());
                        break;
                }
            }
            if (path.Length == 0) path.Append("<top-level>");
            return path + "/" + (construct ?? innermost ?? string.Empty);
        }

        /// <summary>A CDK construct's id: the second argument when it is a string literal (<c>new Repository(this, "Repo", …)</c>).</summary>
        private static string? ConstructId(ArgumentListSyntax? arguments)
            => arguments != null && arguments.Arguments.Count >= 2 && arguments.Arguments[1].Expression is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression) ? "\"" + literal.Token.ValueText + "\"" : null;

        /// <summary><c>pull=PolicyStatement</c> when assigned, <c>repository.AddToResourcePolicy(PolicyStatement)</c> when passed, else the type.</summary>
        private static string Describe(SyntaxNode creation, string type)
        {
            if (Variable(creation) is string variable) return variable + "=" + type;
            if (creation.Parent is ArgumentSyntax argument && argument.Parent?.Parent is InvocationExpressionSyntax call)
                return WithoutSpaces(call.Expression.ToString()) + "(" + type + ")";
            return type;
        }

        private static string WithoutSpaces(string text)
        {
            var result = new StringBuilder(text.Length);
            foreach (char c in text)
                if (!char.IsWhiteSpace(c)) result.Append(c);
            return result.ToString();
        }

        private static string? Variable(SyntaxNode creation)
        {
            switch (creation.Parent)
            {
                case EqualsValueClauseSyntax equals when equals.Parent is VariableDeclaratorSyntax declarator: return declarator.Identifier.ValueText;
                case AssignmentExpressionSyntax assignment when assignment.Right == creation: return assignment.Left.ToString();
                default: return null;
            }
        }

        private static string MemberName(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method: return method.Identifier.ValueText;
                case ConstructorDeclarationSyntax _: return ".ctor";
                case PropertyDeclarationSyntax property: return property.Identifier.ValueText;
                case FieldDeclarationSyntax field: return string.Join(",", field.Declaration.Variables.Select(v => v.Identifier.ValueText));
                case GlobalStatementSyntax _: return "<top-level>";
                default: return member.Kind().ToString();
            }
        }

        private static void Prepend(StringBuilder path, string name)
        {
            if (path.Length > 0) path.Insert(0, '.');
            path.Insert(0, name);
        }

        private static string Simple(TypeSyntax type)
        {
            switch (type)
            {
                case QualifiedNameSyntax qualified: return Simple(qualified.Right);
                case AliasQualifiedNameSyntax alias: return Simple(alias.Name);
                case GenericNameSyntax generic: return generic.Identifier.ValueText;
                case SimpleNameSyntax simple: return simple.Identifier.ValueText;
                default: return type.ToString();
            }
        }
    }
}
