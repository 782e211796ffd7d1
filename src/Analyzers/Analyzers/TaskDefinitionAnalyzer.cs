using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Analyzers.Cdk;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Analyzers.Translation;
using Shipshape.Ecs;
using Shipshape.Findings;

namespace Shipshape.Analyzers
{
    /// <summary>
    /// ECS containers as the engine's <see cref="EcsTaskDefinition"/> subjects: L2 <c>task.AddContainer(id, new ContainerDefinitionOptions { … })</c>
    /// (on any <c>TaskDefinition</c>: Fargate, EC2, external) and <c>new ContainerDefinition(scope, id, new ContainerDefinitionProps { … })</c>,
    /// each as a task definition of its one container, and <c>container.AddEnvironment(name, value)</c> as one variable; L1
    /// <c>new CfnTaskDefinition(…)</c> with all its <c>ContainerDefinitions</c>.
    /// The rules whose facts the translation gives completely:
    /// <list type="bullet">
    /// <item>ECS001 plaintext secret in <c>Environment</c> (dictionary entries with literal names and values; the rule is sensitive: its messages never hold the value);</item>
    /// <item>ECS002 a literal <c>{{resolve:secretsmanager:…}}</c>/<c>{{resolve:ssm-secure:…}}</c> in <c>Environment</c> (CDK passes it through, CloudFormation resolves it);</item>
    /// <item>ECS003 secrets without an execution role: L1 only. For L2, CDK creates the execution role (or uses the given one) and grants it the secrets, so it never applies;</item>
    /// <item>ECS004 invalid secret reference: L1 <c>SecretProperty.ValueFrom</c> literals (L2 <c>Secret.FromSsmParameter</c>/<c>FromSecretsManager</c> ARNs are CDK's, unknown here);</item>
    /// <item>ECS006 a variable in <c>Environment</c> twice or in both <c>Environment</c> and <c>Secrets</c> of one container;</item>
    /// <item>ECS007, ECS008 the image of <c>ContainerImage.FromRegistry("…")</c> (L2) or <c>Image</c> (L1) in ECR by a mutable tag, or with a malformed ECR host.</item>
    /// </list>
    /// Not ECS005 (the execution role cannot read a secret): it needs the role's policies, which CDK writes from grants this
    /// translation does not see. The catalogue names this analyzer only in the entries of these rules, not of every engine rule
    /// over task definitions: the translation covers only the container members above, and a new rule about another member
    /// would see it missing.
    /// <c>AddEnvironment</c>/<c>AddSecret</c> only add entries (none is removed later), so what one call shows stays true; values that
    /// are not literals (method results, parameters, fields) are unknown and never reported. A finding inside a variable that
    /// several containers share is reported once, by the first container that uses it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TaskDefinitionAnalyzer : CdkAnalyzer
    {
        public TaskDefinitionAnalyzer()
            : base(nameof(TaskDefinitionAnalyzer), null, null)
        {
        }

        private protected override bool AppliesTo(CdkTypes cdk) => cdk.TaskDefinition != null || cdk.CfnTaskDefinition != null;

        private protected override void Register(OperationBlockStartAnalysisContext context, CdkTypes cdk)
        {
            if (cdk.TaskDefinition != null)
            {
                context.RegisterOperationAction(c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    string name = invocation.TargetMethod.Name;
                    bool addContainer = name == "AddContainer" && CdkTypes.Is(invocation.TargetMethod.ContainingType, cdk.TaskDefinition);
                    bool addEnvironment = !addContainer && name == "AddEnvironment" && CdkTypes.Is(invocation.TargetMethod.ContainingType, cdk.ContainerDefinition);
                    if (!addContainer && !addEnvironment) return;
                    if (!(CSharpDocument.For(invocation) is CSharpDocument doc)) return;
                    var translator = new TaskDefinitionTranslator(cdk, doc);
                    var task = addContainer ? translator.AddContainer(invocation) : translator.AddEnvironment(invocation);
                    if (task != null) Report(doc, task, translator, c.ReportDiagnostic, c.CancellationToken);
                }, OperationKind.Invocation);
            }

            context.RegisterOperationAction(c =>
            {
                var creation = (IObjectCreationOperation)c.Operation;
                bool l2 = CdkTypes.Is(creation.Type, cdk.ContainerDefinition);
                bool l1 = !l2 && cdk.CfnTaskDefinition != null && SymbolEqualityComparer.Default.Equals(creation.Type, cdk.CfnTaskDefinition);
                if (!l1 && !l2) return;
                if (!(CSharpDocument.For(creation) is CSharpDocument doc)) return;
                var translator = new TaskDefinitionTranslator(cdk, doc);
                var task = l2 ? translator.ContainerDefinition(creation) : translator.CfnTaskDefinition(creation);
                if (task != null) Report(doc, task, translator, c.ReportDiagnostic, c.CancellationToken);
            }, OperationKind.ObjectCreation);
        }

        private void Report(CSharpDocument doc, EcsTaskDefinition task, TaskDefinitionTranslator translator, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            var elsewhere = translator.ReportedElsewhere;
            var literals = translator.EnvironmentLiterals;
            Report(doc, task, report, cancellationToken,
                fix: f => f.RuleId == "ECS001" && literals.TryGetValue(f.Span.Start, out string name)
                    ? FixProperties.ForEnvironmentSecret(name)
                    : ImmutableDictionary<string, string?>.Empty,
                keep: elsewhere.Count == 0 ? null : (System.Func<Finding, bool>)(f => !elsewhere.Any(s => s.Contains(f.Span.Start))));
        }
    }
}
