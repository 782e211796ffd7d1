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
    /// push, tag mutability, lifecycle policy, repository name) reports through this analyzer as soon as it is in the
    /// catalogue and the rule set; no change here is needed to enable one.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RepositoryAnalyzer : CdkAnalyzer
    {
        public RepositoryAnalyzer()
            : this(null, null)
        {
        }

        internal RepositoryAnalyzer(LintEngine? engine, RuleCatalogue? catalogue)
            : base(RuleIdsFor(engine, catalogue), engine, catalogue)
        {
        }

        /// <summary>The repository-settings rules: those the engine runs over <see cref="EcrRepository"/>.</summary>
        internal static IEnumerable<string> RuleIdsFor(LintEngine? engine, RuleCatalogue? catalogue)
            => (engine ?? DefaultEngine).RuleIdsFor(typeof(EcrRepository));

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
                Report(doc, repository, c.ReportDiagnostic, c.CancellationToken, l2 ? f => FixProperties.ForRepositorySetting(f.RuleId) : null);
            }, OperationKind.ObjectCreation);
        }
    }
}
