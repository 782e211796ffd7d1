using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Analyzers.Cdk;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Analyzers.Translation;
using Shipshape.Catalogue;
using Shipshape.Ecr;
using Shipshape.Engine;

namespace Shipshape.Analyzers
{
    /// <summary>
    /// <c>new Repository(…)</c> (L2) and <c>new CfnRepository(…)</c> (L1) as <see cref="EcrRepository"/> subjects with CDK's
    /// defaults in CloudFormation terms: every engine rule over repository settings (ECR010–ECR016: encryption, scan on
    /// push, tag mutability, lifecycle policy, repository name) reports through this analyzer once its catalogue entry
    /// names it (<c>csharp-analyzers: [RepositoryAnalyzer]</c>; a test keeps that list equal to the engine's repository
    /// rules); no change here is needed to enable one.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RepositoryAnalyzer : CdkAnalyzer
    {
        public RepositoryAnalyzer()
            : this(null, null)
        {
        }

        internal RepositoryAnalyzer(LintEngine? engine, RuleCatalogue? catalogue)
            : base(nameof(RepositoryAnalyzer), engine, catalogue)
        {
        }

        private protected override bool AppliesTo(CdkTypes cdk) => cdk.Repository != null || cdk.CfnRepository != null;

        private protected override void Register(OperationBlockStartAnalysisContext context, CdkTypes cdk)
        {
            context.RegisterOperationAction(c =>
            {
                var creation = (IObjectCreationOperation)c.Operation;
                bool l2 = cdk.Repository != null && SymbolEqualityComparer.Default.Equals(creation.Type, cdk.Repository);
                bool l1 = !l2 && cdk.CfnRepository != null && SymbolEqualityComparer.Default.Equals(creation.Type, cdk.CfnRepository);
                if (!l1 && !l2) return;
                if (!(CSharpDocument.For(creation) is CSharpDocument doc)) return;
                var translator = new RepositoryTranslator(cdk, doc);
                var repository = l2 ? translator.Repository(creation) : translator.CfnRepository(creation);
                if (repository == null) return;
                // L2 settings have mechanical fixes (set the props member); L1 ones are left to the author.
                Report(doc, repository, c.ReportDiagnostic, c.CancellationToken, l2 ? f => FixProperties.ForRepositorySetting(f.RuleId, repository.Get("ImageTagMutabilityExclusionFilters") != null) : null);
            }, OperationKind.ObjectCreation);
        }
    }
}
