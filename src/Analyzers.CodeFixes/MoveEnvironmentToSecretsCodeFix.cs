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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Shipshape.Analyzers.Diagnostics;

namespace Shipshape.Analyzers.CodeFixes
{
    /// <summary>
    /// ECS001 on a literal in an L2 container's inline <c>Environment</c> dictionary: removes the entry (and the secret
    /// with it) and adds the variable to the container's <c>Secrets</c>, read from an SSM SecureString parameter whose
    /// name is a TODO (<c>/TODO/NAME</c>) for the author to create and fill in:
    /// <c>["NAME"] = Secret.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(this, "TODO-NAME", new SecureStringParameterAttributes { ParameterName = "/TODO/NAME" }))</c>.
    /// Offered where <c>this</c> is a construct (a stack's or construct's instance member) and <c>Secrets</c>, when present,
    /// is an inline dictionary; the <c>using</c> directives it needs are added.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveEnvironmentToSecretsCodeFix))]
    [Shared]
    public sealed class MoveEnvironmentToSecretsCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ECS001");

        // Each fix edits two dictionaries of one container: fixes of one document are applied one after another.
        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(FixProperties.SecretName, out string? name) || name == null) continue;
                diagnostic.Properties.TryGetValue(FixProperties.Title, out string? title);
                var value = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var target = Target.Find(value, model, context.CancellationToken);
                if (target == null) continue;
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title ?? "Move '" + name + "' to Secrets",
                        ct => MoveAsync(document, target, name, ct),
                        equivalenceKey: "Shipshape.MoveEnvironmentToSecrets"),
                    diagnostic);
            }
        }

        /// <summary>Where the fix edits: the environment entry, its dictionary's initializer, the options' initializer and the inline <c>Secrets</c> dictionary, if any.</summary>
        private sealed class Target
        {
            public Target(ExpressionSyntax entry, InitializerExpressionSyntax environment, InitializerExpressionSyntax options, BaseObjectCreationExpressionSyntax? secrets)
            {
                Entry = entry;
                Environment = environment;
                Options = options;
                Secrets = secrets;
            }

            public ExpressionSyntax Entry { get; }
            public InitializerExpressionSyntax Environment { get; }
            public InitializerExpressionSyntax Options { get; }
            public BaseObjectCreationExpressionSyntax? Secrets { get; }

            public static Target? Find(SyntaxNode value, SemanticModel model, CancellationToken cancellationToken)
            {
                // ["NAME"] = "value" or { "NAME", "value" }
                ExpressionSyntax? entry = value.Parent switch
                {
                    AssignmentExpressionSyntax assignment when assignment.Right == value && assignment.Left is ImplicitElementAccessSyntax => assignment,
                    InitializerExpressionSyntax complex when complex.IsKind(SyntaxKind.ComplexElementInitializerExpression) && complex.Expressions.Count == 2 && complex.Expressions[1] == value => complex,
                    _ => null,
                };
                if (entry == null || !(entry.Parent is InitializerExpressionSyntax environment)) return null;
                if (!(environment.Parent is BaseObjectCreationExpressionSyntax dictionary)
                    || !(dictionary.Parent is AssignmentExpressionSyntax member) || !IsMember(member, "Environment")
                    || !(member.Parent is InitializerExpressionSyntax options) || !(options.Parent is BaseObjectCreationExpressionSyntax))
                    return null;
                if (!ThisIsAConstruct(model, value.SpanStart, cancellationToken)) return null;
                BaseObjectCreationExpressionSyntax? secrets = null;
                var secretsMember = options.Expressions.OfType<AssignmentExpressionSyntax>().LastOrDefault(a => IsMember(a, "Secrets"));
                if (secretsMember != null)
                {
                    // Secrets from elsewhere (a variable, a method) may be shared: leave them alone.
                    if (!(secretsMember.Right is BaseObjectCreationExpressionSyntax inline) || (inline.ArgumentList != null && inline.ArgumentList.Arguments.Count > 0)) return null;
                    secrets = inline;
                }
                return new Target(entry, environment, options, secrets);
            }

            private static bool IsMember(AssignmentExpressionSyntax assignment, string name)
                => assignment.Left is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name;

            /// <summary>The parameter needs a scope: <c>this</c>, in an instance member of a construct (a stack, a construct of the app).</summary>
            private static bool ThisIsAConstruct(SemanticModel model, int position, CancellationToken cancellationToken)
            {
                var symbol = model.GetEnclosingSymbol(position, cancellationToken);
                while (symbol is IMethodSymbol method && method.MethodKind == MethodKind.AnonymousFunction) symbol = symbol.ContainingSymbol;
                if (symbol == null || symbol.IsStatic || (symbol is IMethodSymbol local && local.MethodKind == MethodKind.LocalFunction)) return false;
                for (var type = symbol.ContainingType; type != null; type = type.BaseType)
                    if (type.ToDisplayString() == "Constructs.Construct") return true;
                return false;
            }
        }

        private static async Task<Document> MoveAsync(Document document, Target target, string name, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            string parameter = "/TODO/" + name;
            var secret = SyntaxFactory.ParseExpression(
                    "Amazon.CDK.AWS.ECS.Secret.FromSsmParameter(Amazon.CDK.AWS.SSM.StringParameter.FromSecureStringParameterAttributes(this, "
                    + Literal("TODO-" + name) + ", new Amazon.CDK.AWS.SSM.SecureStringParameterAttributes { ParameterName = " + Literal(parameter) + " }))")
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var key = SyntaxFactory.ParseExpression(Literal(name));

            // Remove the entry with its separator; the dictionary stays (possibly empty) so the author sees where it was.
            int index = target.Environment.Expressions.IndexOf(target.Entry);
            editor.ReplaceNode(target.Environment, (current, _) =>
            {
                var environment = (InitializerExpressionSyntax)current;
                var expressions = environment.Expressions;
                if (index < 0 || index >= expressions.Count) return environment;
                var removed = expressions[index];
                expressions = expressions.RemoveAt(index);
                // The last entry on one line: the space before '}' was its trivia; the new last entry takes it over.
                if (index == expressions.Count && index > 0 && expressions.SeparatorCount < expressions.Count)
                    expressions = expressions.Replace(expressions[index - 1], expressions[index - 1].WithTrailingTrivia(removed.GetTrailingTrivia()));
                return environment.WithExpressions(expressions);
            });

            if (target.Secrets != null)
            {
                var existing = target.Secrets.Initializer;
                bool complexStyle = existing != null && existing.Expressions.Count > 0 && existing.Expressions.All(e => e.IsKind(SyntaxKind.ComplexElementInitializerExpression));
                ExpressionSyntax element = complexStyle
                    ? SyntaxFactory.InitializerExpression(SyntaxKind.ComplexElementInitializerExpression, SyntaxFactory.SeparatedList(new[] { key, secret }))
                    : IndexerEntry(key, secret);
                editor.ReplaceNode(target.Secrets, (current, _) =>
                {
                    var secrets = (BaseObjectCreationExpressionSyntax)current;
                    if (secrets.Initializer == null || secrets.Initializer.Expressions.Count == 0)
                    {
                        var initializer = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList(element));
                        return (secrets is ObjectCreationExpressionSyntax explicitNew ? explicitNew.WithArgumentList(null).WithType(explicitNew.Type.WithoutTrailingTrivia()) : secrets)
                            .WithInitializer(initializer).WithAdditionalAnnotations(Formatter.Annotation);
                    }
                    return secrets.WithInitializer(Initializers.Add(secrets.Initializer, element)).WithAdditionalAnnotations(Formatter.Annotation);
                });
            }
            else
            {
                var dictionary = SyntaxFactory.ObjectCreationExpression(
                        SyntaxFactory.ParseTypeName("System.Collections.Generic.Dictionary<string, Amazon.CDK.AWS.ECS.Secret>")
                            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation))
                    .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression,
                        SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(IndexerEntry(key, secret))))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                var member = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("Secrets"), dictionary);
                editor.ReplaceNode(target.Options, (current, _) => Initializers.Add((InitializerExpressionSyntax)current, member));
            }

            var changed = editor.GetChangedDocument();
            changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static AssignmentExpressionSyntax IndexerEntry(ExpressionSyntax key, ExpressionSyntax value)
            => SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.ImplicitElementAccess(SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(key)))),
                value);

        private static string Literal(string text) => SyntaxFactory.Literal(text).ToFullString();
    }
}
