using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Analyzers.Cdk;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Analyzers.Translation;
using Shipshape.Detection;
using Shipshape.Policies;

namespace Shipshape.Analyzers
{
    /// <summary>
    /// <c>new PolicyStatement(new PolicyStatementProps { Actions = … })</c> and <c>statement.AddActions(…)</c>:
    /// malformed (IAM006) and unknown (IAM007) actions, and principals given as strings to
    /// <c>AddArnPrincipal</c>/<c>AddAwsAccountPrincipal</c> (IAM008). Principal objects are <see cref="PrincipalAnalyzer"/>'s.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PolicyStatementAnalyzer : CdkAnalyzer
    {
        public PolicyStatementAnalyzer()
            : base(nameof(PolicyStatementAnalyzer), null, null)
        {
        }

        private protected override bool AppliesTo(CdkTypes cdk) => cdk.PolicyStatement != null;

        private protected override void Register(OperationBlockStartAnalysisContext context, CdkTypes cdk)
        {
            context.RegisterOperationAction(c =>
            {
                var creation = (IObjectCreationOperation)c.Operation;
                if (!CdkTypes.Is(creation.Type, cdk.PolicyStatement) || !(CSharpDocument.For(creation) is CSharpDocument doc)) return;
                var translator = new PolicyTranslator(cdk, doc);
                var statement = translator.Statement(creation);
                if (statement == null) return;
                // Only the actions: principal objects are PrincipalAnalyzer's (one finding per principal, wherever it is used).
                var actions = statement.Entries.Where(e => e.Name == "Action" || e.Name == "NotAction").ToList();
                if (actions.Count == 0) return;
                statement = doc.Mapping(statement.Span, actions);
                var policy = new PolicyDocument(translator.SingleStatementDocument(creation.Syntax, statement), PolicyKind.ResourcePolicy);
                Report(doc, policy, c.ReportDiagnostic, c.CancellationToken);
            }, OperationKind.ObjectCreation);

            context.RegisterOperationAction(c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                string? element = ElementOf(invocation.TargetMethod.Name);
                if (element == null || !CdkTypes.Is(invocation.TargetMethod.ContainingType, cdk.PolicyStatement)) return;
                if (!(CSharpDocument.For(invocation) is CSharpDocument doc)) return;
                var translator = new PolicyTranslator(cdk, doc);
                var statement = translator.StringsStatement(element, invocation, PolicyTranslator.MethodName(invocation));
                var policy = new PolicyDocument(translator.SingleStatementDocument(invocation.Syntax, statement), PolicyKind.ResourcePolicy);
                Report(doc, policy, c.ReportDiagnostic, c.CancellationToken);
            }, OperationKind.Invocation);
        }

        private static string? ElementOf(string method)
        {
            switch (method)
            {
                case "AddActions": return "Action";
                case "AddNotActions": return "NotAction";
                case "AddArnPrincipal":
                case "AddAwsAccountPrincipal": return "AWS";
                default: return null;
            }
        }
    }
}
