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
    /// <c>PolicyDocument.FromJson(…)</c> and <c>PolicyStatement.FromJson(…)</c> with a C# literal (string-keyed dictionaries,
    /// arrays) as the policy the engine's IAM rules read, the way CDK reads it (checked with a real synth of CDK 2.160):
    /// <c>Version</c> is always 2012-10-17, an absent <c>Effect</c> is <c>Allow</c> and unknown elements are dropped, so the
    /// version rules (IAM002, IAM003) and the structure rule (IAM001) do not apply; neither does IAM012, which depends on
    /// where the document is used.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PolicyJsonAnalyzer : CdkAnalyzer
    {
        public PolicyJsonAnalyzer()
            : base(nameof(PolicyJsonAnalyzer), null, null)
        {
        }

        private protected override bool AppliesTo(CdkTypes cdk) => cdk.PolicyDocument != null || cdk.PolicyStatement != null;

        private protected override void Register(OperationBlockStartAnalysisContext context, CdkTypes cdk)
        {
            context.RegisterOperationAction(c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                bool document = PolicyTranslator.IsFromJson(invocation, cdk.PolicyDocument);
                if (!document && !PolicyTranslator.IsFromJson(invocation, cdk.PolicyStatement)) return;
                if (!(CSharpDocument.For(invocation) is CSharpDocument doc)) return;
                var translator = new PolicyTranslator(cdk, doc);
                MappingNode? policy;
                if (document)
                {
                    policy = translator.JsonDocument(invocation);
                }
                else
                {
                    var statement = translator.JsonStatement(invocation);
                    policy = statement != null ? translator.SingleStatementDocument(invocation.Syntax, statement) : null;
                }
                if (policy == null) return;
                Report(doc, new PolicyDocument(policy, PolicyKind.ResourcePolicy), c.ReportDiagnostic, c.CancellationToken);
            }, OperationKind.Invocation);
        }
    }
}
