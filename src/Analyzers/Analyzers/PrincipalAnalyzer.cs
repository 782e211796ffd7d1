using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Analyzers.Cdk;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Analyzers.Translation;
using Shipshape.Detection;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Analyzers
{
    /// <summary>
    /// <c>new ArnPrincipal("…")</c>, <c>new AccountPrincipal("…")</c>, <c>new ServicePrincipal("….amazonaws.com")</c> with a
    /// literal that is not a valid principal (IAM008), wherever the principal is used: a statement, a grant, a role.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PrincipalAnalyzer : CdkAnalyzer
    {
        public PrincipalAnalyzer()
            : base(nameof(PrincipalAnalyzer), null, null)
        {
        }

        private protected override bool AppliesTo(CdkTypes cdk) => cdk.ArnPrincipal != null;

        private protected override void Register(OperationBlockStartAnalysisContext context, CdkTypes cdk)
        {
            context.RegisterOperationAction(c =>
            {
                var creation = (IObjectCreationOperation)c.Operation;
                var type = creation.Type;
                if (!SymbolEqualityComparer.Default.Equals(type, cdk.ArnPrincipal)
                    && !SymbolEqualityComparer.Default.Equals(type, cdk.AccountPrincipal)
                    && !SymbolEqualityComparer.Default.Equals(type, cdk.ServicePrincipal)) return;
                if (!(CSharpDocument.For(creation) is CSharpDocument doc)) return;
                var translator = new PolicyTranslator(cdk, doc);
                var principal = translator.Principal(creation);
                if (principal == null) return;
                var statement = doc.Mapping(creation.Syntax, new[] { new MappingEntry(doc.Synthetic("Principal", creation.Syntax), (Node)principal) });
                var policy = new PolicyDocument(translator.SingleStatementDocument(creation.Syntax, statement), PolicyKind.ResourcePolicy);
                Report(doc, policy, c.ReportDiagnostic, c.CancellationToken);
            }, OperationKind.ObjectCreation);
        }
    }
}
