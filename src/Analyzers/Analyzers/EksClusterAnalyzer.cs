using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Analyzers.Cdk;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Analyzers.Translation;
using Shipshape.Eks;

namespace Shipshape.Analyzers
{
    /// <summary>
    /// <c>new Cluster(…)</c>/<c>new FargateCluster(…)</c> (L2) and <c>new CfnCluster(…)</c> (L1) as <see cref="EksCluster"/>
    /// subjects: control-plane logging off (EKS001), log types missing (EKS002), log types EKS does not know (EKS003, only
    /// L1 strings can be wrong). EKS004/EKS005 judge eksctl's <c>logRetentionInDays</c>, which a CDK cluster does not have.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EksClusterAnalyzer : CdkAnalyzer
    {
        public EksClusterAnalyzer()
            : base(nameof(EksClusterAnalyzer), null, null)
        {
        }

        private protected override bool AppliesTo(CdkTypes cdk) => cdk.EksCluster != null || cdk.EksCfnCluster != null;

        private protected override void Register(OperationBlockStartAnalysisContext context, CdkTypes cdk)
        {
            context.RegisterOperationAction(c =>
            {
                var creation = (IObjectCreationOperation)c.Operation;
                var type = creation.Type;
                INamedTypeSymbol? propsType = SymbolEqualityComparer.Default.Equals(type, cdk.EksCluster) ? cdk.EksClusterProps
                    : SymbolEqualityComparer.Default.Equals(type, cdk.EksFargateCluster) ? cdk.EksFargateClusterProps
                    : null;
                bool l2 = propsType != null;
                if (!l2 && (cdk.EksCfnCluster == null || !SymbolEqualityComparer.Default.Equals(type, cdk.EksCfnCluster))) return;
                if (!(CSharpDocument.For(creation) is CSharpDocument doc)) return;
                var translator = new EksClusterTranslator(cdk, doc);
                var cluster = l2 ? translator.Cluster(creation, propsType) : translator.CfnCluster(creation);
                if (cluster == null) return;
                // L2 log types have a mechanical fix (add the missing ClusterLoggingTypes); L1 ones are left to the author.
                Report(doc, cluster, c.ReportDiagnostic, c.CancellationToken, l2 ? f => FixFor(f.RuleId, cluster) : null);
            }, OperationKind.ObjectCreation);
        }

        private static ImmutableDictionary<string, string?> FixFor(string ruleId, EksCluster cluster)
        {
            if (ruleId != "EKS001" && ruleId != "EKS002") return ImmutableDictionary<string, string?>.Empty;
            var enabled = new HashSet<string>(cluster.Entries.Where(e => e.Value != null && !e.IsBareString).Select(e => e.Value!.Value));
            var missing = EksLogTypes.All.Where(t => !enabled.Contains(t)).Select(t => EksClusterTranslator.Member(t)!).ToList();
            return FixProperties.ForClusterLogging(missing);
        }
    }
}
