using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Analyzers.Cdk;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Analyzers.Translation;
using Shipshape.Catalogue;
using Shipshape.Detection;
using Shipshape.Engine;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Analyzers
{
    /// <summary>
    /// <c>PolicyDocument.FromJson(…)</c> and <c>PolicyStatement.FromJson(…)</c> with a C# literal (string-keyed dictionaries,
    /// arrays) as the policy the engine's IAM rules read, the way CDK reads it (checked with a real synth of CDK 2.160):
    /// <c>Version</c> is always 2012-10-17, an absent <c>Effect</c> is <c>Allow</c> and unknown elements are dropped, so the
    /// version rules (IAM002, IAM003) and the structure rule (IAM001) do not apply; neither does IAM012, which depends on
    /// where the document is used.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PolicyJsonAnalyzer : CdkAnalyzer
    {
        internal static readonly string[] RuleIds = { "IAM004", "IAM006", "IAM007", "IAM008", "IAM009", "IAM010", "IAM011" };

        public PolicyJsonAnalyzer()
            : this(null, null)
        {
        }

        internal PolicyJsonAnalyzer(LintEngine? engine, RuleCatalogue? catalogue)
            : base(RuleIds, engine, catalogue)
        {
        }

        private protected override bool AppliesTo(CdkTypes cdk) => cdk.PolicyDocument != null || cdk.PolicyStatement != null;

        private protected override void Register(CompilationStartAnalysisContext context, CdkTypes cdk)
        {
            var dictionary = context.Compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
            context.RegisterOperationAction(c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                if (method.Name != "FromJson" || !method.IsStatic || invocation.Arguments.Length != 1) return;
                bool document = SymbolEqualityComparer.Default.Equals(method.ContainingType, cdk.PolicyDocument);
                if (!document && !SymbolEqualityComparer.Default.Equals(method.ContainingType, cdk.PolicyStatement)) return;
                if (!(CSharpDocument.For(invocation) is CSharpDocument doc)) return;
                var json = new JsonLiteralTranslator(doc, dictionary).Value(invocation.Arguments[0].Value);
                if (!(json is MappingNode root)) return;
                var translator = new PolicyTranslator(cdk, doc);
                MappingNode? policy = document ? Document(doc, root, invocation.Syntax) : translator.SingleStatementDocument(invocation.Syntax, Statement(doc, root));
                if (policy == null) return;
                Report(doc, new PolicyDocument(policy, PolicyKind.ResourcePolicy), c.ReportDiagnostic, c.CancellationToken);
            }, OperationKind.Invocation);
        }

        /// <summary>CDK's <c>PolicyDocument.fromJson</c>: the statements of <c>Statement</c> (which must be a list), under version 2012-10-17.</summary>
        private static MappingNode? Document(CSharpDocument doc, MappingNode json, SyntaxNode at)
        {
            if (!(json.Get("Statement") is SequenceNode list)) return null;
            var statements = new List<Node>(list.Items.Count);
            foreach (var item in list.Items) statements.Add(item is MappingNode statement && !statement.IsUnknown ? Statement(doc, statement) : item);
            return doc.Mapping(json.Span, new[]
            {
                new MappingEntry(doc.Synthetic("Version", at), doc.Synthetic(PolicyTranslator.PolicyVersion, at)),
                new MappingEntry(doc.Synthetic("Statement", list.Span), doc.Sequence(list.Span, statements)),
            });
        }

        /// <summary>CDK's <c>PolicyStatement.fromJson</c>: the statement as written, an absent or null <c>Effect</c> being <c>Allow</c>.</summary>
        private static MappingNode Statement(CSharpDocument doc, MappingNode json)
        {
            var effect = json.GetEntry("Effect");
            bool absent = effect == null || (effect.Value is ScalarNode scalar && scalar.Kind == ScalarKind.Null);
            if (!absent) return json;
            var entries = new List<MappingEntry>(json.Entries.Count + 1) { new MappingEntry(doc.Synthetic("Effect", json.Span), doc.Synthetic("Allow", json.Span)) };
            foreach (var entry in json.Entries)
                if (entry.Name != "Effect") entries.Add(entry);
            return doc.Mapping(json.Span, entries);
        }
    }
}
