using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    /// <summary>
    /// A finding inside a local's initializer (<c>var props = new RepositoryProps { … }; new Repository(this, "R", props)</c>)
    /// must be a local diagnostic of its tree, as Roslyn counts them: editors then show it while typing in that file and
    /// offer code fixes for it. Roslyn counts a diagnostic that an operation action reports outside the operation it was
    /// called for as non-local (reported with the compilation's diagnostics), unless the action was registered per
    /// operation block, whose span covers the whole member.
    /// </summary>
    [TestClass]
    public sealed class LocalityTests
    {
        private const string Usings = Fixture.Usings + "using Amazon.CDK.AWS.ECS;\nusing Amazon.CDK.AWS.EKS;\n";

        private static string InStack(string body) => Usings + Fixture.InStack(body).Substring(Fixture.Usings.Length);

        [TestMethod]
        [DataRow(nameof(RepositoryAnalyzer), "ECR010", @"
        var props = new RepositoryProps { Encryption = RepositoryEncryption.AES_256, ImageScanOnPush = true, ImageTagMutability = TagMutability.IMMUTABLE };
        new Repository(this, ""Web"", props);", DisplayName = "RepositoryAnalyzer: props in a local")]
        [DataRow(nameof(PolicyStatementAnalyzer), "IAM006", @"
        var props = new PolicyStatementProps { Actions = new[] { ""ecr:Put Image"" } };
        var statement = new PolicyStatement(props);", DisplayName = "PolicyStatementAnalyzer: props in a local")]
        [DataRow(nameof(PolicyStatementAnalyzer), "IAM007", @"
        var actions = new[] { ""ecr:DescribeImage"" };
        var statement = new PolicyStatement(new PolicyStatementProps { Actions = actions });", DisplayName = "PolicyStatementAnalyzer: actions in a local")]
        [DataRow(nameof(RepositoryPolicyAnalyzer), "ECR001", @"
        var repository = new Repository(this, ""Web"");
        var statement = new PolicyStatement(new PolicyStatementProps { Principals = new[] { new AnyPrincipal() }, Actions = new[] { ""ecr:BatchGetImage"" } });
        repository.AddToResourcePolicy(statement);", DisplayName = "RepositoryPolicyAnalyzer: statement in a local")]
        [DataRow(nameof(PolicyJsonAnalyzer), "IAM007", @"
        var json = new Dictionary<string, object> { [""Action""] = ""ecr:BatchGetImages"" };
        var statement = PolicyStatement.FromJson(json);", DisplayName = "PolicyJsonAnalyzer: JSON in a local")]
        [DataRow(nameof(EksClusterAnalyzer), "EKS002", @"
        var props = new FargateClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = new[] { ClusterLoggingTypes.SCHEDULER } };
        new FargateCluster(this, ""Cluster"", props);", DisplayName = "EksClusterAnalyzer: props in a local")]
        [DataRow(nameof(TaskDefinitionAnalyzer), "ECS001", @"
        var task = new FargateTaskDefinition(this, ""Task"");
        var environment = new Dictionary<string, string> { [""DB_PASSWORD""] = ""Tr0ub4dor&3"" };
        task.AddContainer(""web"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx""), Environment = environment });", DisplayName = "TaskDefinitionAnalyzer: environment in a local")]
        public async Task AFindingInALocalsInitializerIsLocal(string analyzerName, string ruleId, string body)
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(typeof(RepositoryAnalyzer).Assembly.GetType("Shipshape.Analyzers." + analyzerName, throwOnError: true)!)!;
            var compilation = Compile.Cdk(InStack(body));
            Compile.AssertNoErrors(compilation);
            var tree = compilation.SyntaxTrees.Single();
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer));
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
            var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

            Assert.IsTrue(all.Any(d => d.Id == ruleId), "expected " + ruleId + "; got: " + string.Join(", ", all));
            Assert.AreEqual(0, all.Count(d => d.Id == "AD0001"), string.Join("\n", all));
            var local = result.SemanticDiagnostics.TryGetValue(tree, out var byAnalyzer) && byAnalyzer.TryGetValue(analyzer, out var found) ? found : ImmutableArray<Diagnostic>.Empty;
            var nonLocal = result.CompilationDiagnostics.TryGetValue(analyzer, out var compilationLevel) ? compilationLevel : ImmutableArray<Diagnostic>.Empty;
            Assert.AreEqual(string.Empty, string.Join("\n", nonLocal), "non-local diagnostics");
            CollectionAssert.AreEquivalent(all.Select(d => d.ToString()).ToList(), local.Select(d => d.ToString()).ToList());

            // And what an editor asks for while typing: the diagnostics of the member's span alone.
            var model = compilation.GetSemanticModel(tree);
            var member = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax>().Single();
            var inSpan = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalysisResultAsync(model, member.FullSpan, CancellationToken.None);
            var spanLocal = inSpan.SemanticDiagnostics.TryGetValue(tree, out var spanByAnalyzer) && spanByAnalyzer.TryGetValue(analyzer, out var spanFound) ? spanFound : ImmutableArray<Diagnostic>.Empty;
            Assert.IsTrue(spanLocal.Any(d => d.Id == ruleId), "the member's span alone: " + string.Join(", ", spanLocal));
        }
    }
}
