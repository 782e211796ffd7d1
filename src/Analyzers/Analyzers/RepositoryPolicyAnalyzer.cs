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
    /// What goes into an ECR repository's policy from C#: <c>repository.AddToResourcePolicy(statement)</c> and grants
    /// to principals without a policy of their own (<c>GrantPull(new AnyPrincipal())</c>, <c>GrantPullPush(new AccountPrincipal(…))</c>).
    /// For L1, the <c>RepositoryPolicyText</c> of <c>new CfnRepository(…)</c> when it is a <c>new PolicyDocument(…)</c>. Statements and
    /// documents from <c>PolicyStatement.FromJson</c>/<c>PolicyDocument.FromJson</c> over C# literals count too.
    /// Public access (ECR001), cross-account writes (ECR002), <c>Resources</c> in a repository policy (ECR003) and
    /// actions a repository policy cannot grant (ECR004), as the engine's repository-policy rules judge them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RepositoryPolicyAnalyzer : CdkAnalyzer
    {
        public RepositoryPolicyAnalyzer()
            : base(nameof(RepositoryPolicyAnalyzer), null, null)
        {
        }

        private protected override bool AppliesTo(CdkTypes cdk) => cdk.Repository != null && cdk.PolicyStatement != null;

        private protected override void Register(OperationBlockStartAnalysisContext context, CdkTypes cdk)
        {
            context.RegisterOperationAction(c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                string name = invocation.TargetMethod.Name;
                if (name != "AddToResourcePolicy" && name != "GrantPull" && name != "GrantPush" && name != "GrantPullPush" && name != "Grant") return;
                // Only repositories defined in this app: an imported IRepository's policy cannot be changed.
                if (invocation.Instance == null || !CdkTypes.Is(invocation.Instance.Type, cdk.Repository)) return;
                if (invocation.Arguments.Length == 0 || !(CSharpDocument.For(invocation) is CSharpDocument doc)) return;
                var translator = new PolicyTranslator(cdk, doc);
                MappingNode? statement = name == "AddToResourcePolicy"
                    ? translator.Statement(invocation.Arguments[0].Value)
                    : translator.GrantStatement(invocation, PolicyTranslator.MethodName(invocation));
                if (statement == null) return;
                var policy = new PolicyDocument(translator.SingleStatementDocument(invocation.Syntax, statement), PolicyKind.EcrRepositoryPolicy);
                Report(doc, policy, c.ReportDiagnostic, c.CancellationToken);
            }, OperationKind.Invocation);

            if (cdk.CfnRepository == null || cdk.PolicyDocument == null) return;
            // L1: new CfnRepository(…, new CfnRepositoryProps { RepositoryPolicyText = new PolicyDocument(…) }).
            context.RegisterOperationAction(c =>
            {
                var creation = (IObjectCreationOperation)c.Operation;
                if (!SymbolEqualityComparer.Default.Equals(creation.Type, cdk.CfnRepository) || creation.Arguments.Length < 3) return;
                var props = ValueReader.Object(creation.Arguments[2].Value, cdk.CfnRepositoryProps);
                var text = props?.Get("RepositoryPolicyText");
                if (text == null || !RepositoryTranslator.IsFinalL1(creation) || !(CSharpDocument.For(creation) is CSharpDocument doc)) return;
                var translator = new PolicyTranslator(cdk, doc);
                var root = translator.PolicyDocument(text.Value);
                if (root == null) return;
                Report(doc, new PolicyDocument(root, PolicyKind.EcrRepositoryPolicy), c.ReportDiagnostic, c.CancellationToken);
            }, OperationKind.ObjectCreation);
        }
    }
}
