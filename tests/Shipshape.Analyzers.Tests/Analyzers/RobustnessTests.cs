using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    /// <summary>
    /// The analyzers run on every keystroke, mostly over code that does not compile yet. No AD0001, ever: half-typed
    /// initializers, missing arguments, wrong types and odd shapes must produce no analyzer exception.
    /// </summary>
    [TestClass]
    public sealed class RobustnessTests
    {
        private static readonly string[] HalfTyped =
        {
            @"var s = new PolicyStatement(new PolicyStatementProps { Actions = new[] { ""ecr:",
            @"var s = new PolicyStatement(new PolicyStatementProps { Actions = });",
            @"var s = new PolicyStatement(new PolicyStatementProps { Actions = new[] { 1, 2 } });",
            @"var s = new PolicyStatement(new PolicyStatementProps { Actions = new string[n] });",
            @"var s = new PolicyStatement(new PolicyStatementProps { Actions = null, Principals = null, Conditions = null });",
            @"var s = new PolicyStatement(new PolicyStatementProps { Actions = [""ecr:BatchGetImage"", ..others] });",
            @"var s = new PolicyStatement(null, null);",
            @"var s = new PolicyStatement(new PolicyStatementProps { Principals = new[] { new ArnPrincipal() } });",
            @"var s = new PolicyStatement(new PolicyStatementProps { Principals = new IPrincipal[] { new ArnPrincipal(",
            @"var s = new PolicyStatement(new PolicyStatementProps { Principals = { new AnyPrincipal() } });",
            @"var s = new PolicyStatement(new PolicyStatementProps { Effect = (Effect)7, Sid = 3 });",
            @"var s = new PolicyStatement(new PolicyStatementProps { Actions = new[] { a } }); var a = ""ecr: X"";",
            @"var a = a + ""x""; var s = new PolicyStatement(new PolicyStatementProps { Actions = new[] { a } });",
            @"if (o is string p) { var s = new PolicyStatement(new PolicyStatementProps { Actions = new[] { p } }); }",
            @"var s = new PolicyStatement(); s.AddActions(); s.AddActions(null); s.AddActions(""ecr: X"", ; s.AddArnPrincipal(",
            @"var p = new AccountPrincipal(); var q = new ServicePrincipal(null); var r = new ArnPrincipal(3);",
            @"var p = new CompositePrincipal(new CompositePrincipal(new CompositePrincipal(new CompositePrincipal(new CompositePrincipal(new CompositePrincipal(new CompositePrincipal(new CompositePrincipal(new CompositePrincipal(new CompositePrincipal(new AnyPrincipal()))))))))));",
            @"var repository = new Repository(this, ""R""); repository.AddToResourcePolicy();",
            @"var repository = new Repository(this, ""R""); repository.AddToResourcePolicy(null); repository.GrantPull(); repository.Grant(new AnyPrincipal(), actions: );",
            @"var repository = new Repository(this, ""R""); repository.GrantPull(",
            @"var repository = new Repository(this, ""R""); repository.Grant(new AnyPrincipal(), new[] { 1 });",
            @"Repository repository = null; repository.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Principals = new IPrincipal[] { new AnyPrincipal() } }));",
            @"new Repository(this, ""X"", new RepositoryProps { Encryption = RepositoryEncryption. });",
            @"new Repository(this, ""X"", new RepositoryProps { ImageTagMutability = (TagMutability)5, ImageScanOnPush = null });",
            @"new Repository(this, ""X"", new { Foo = 1 });",
            @"new Repository(this);",
            @"new Repository(",
            @"new Repository(this, ""X"", new RepositoryProps { LifecycleRules = new[] { new LifecycleRule { MaxImageCount = } } });",
            @"new Repository(this, ""X"", new RepositoryProps { RepositoryName = $""{id}/web"", EncryptionKey = null });",
            @"new CfnRepository(this, ""X"", new CfnRepositoryProps { ImageScanningConfiguration = new CfnRepository.ImageScanningConfigurationProperty { ScanOnPush = } });",
            @"new CfnRepository(this, ""X"", new CfnRepositoryProps { ImageScanningConfiguration = new CfnRepository.ImageScanningConfigurationProperty { ScanOnPush = new[] { new[] { true } } } });",
            @"var x = new Repository(this, ""A""); x = null; x.AddLifecycleRule(",
            @"var x = new Repository(this, ""A""), y = x; ref var z = ref x; x?.AddLifecycleRule(null);",
            @"System.Func<Repository> make = () => new Repository(this, ""L"", new RepositoryProps { ImageScanOnPush = true });",
            @"new Repository(this, ""X"", new RepositoryProps { ImageScanOnPush = true } with { });",
            @"var props = new RepositoryProps(); props.ImageScanOnPush = true; new Repository(this, ""X"", props);",
            @"new Repository(this, ""X"", new RepositoryProps { ImageScanOnPush = true, ImageScanOnPush = false });",
            @"new PolicyStatement(new PolicyStatementProps { Actions = new[] { ""ecr:\uD800"", ""ecr:\u0000"", """" } });",
            @"new CfnRepository(this, ""X"", new CfnRepositoryProps { RepositoryPolicyText = new PolicyDocument(new PolicyDocumentProps { Statements = new[] { new PolicyStatement(",
            @"new CfnRepository(this, ""X"", new CfnRepositoryProps { RepositoryPolicyText = new PolicyDocument(new PolicyDocumentProps { Statements = null }) });",
            @"new CfnRepository(this, ""X"", new CfnRepositoryProps { RepositoryPolicyText = new PolicyDocument() { AssignSids = true } });",
            @"new CfnRepository(this, ""X"", new CfnRepositoryProps { RepositoryPolicyText = new Dictionary<string, object> { [""Statement""] = 1 } });",
            @"new Amazon.CDK.AWS.EKS.Cluster(this, ""C"", new Amazon.CDK.AWS.EKS.ClusterProps { ClusterLogging = new[] { Amazon.CDK.AWS.EKS.ClusterLoggingTypes. } });",
            @"new Amazon.CDK.AWS.EKS.Cluster(this, ""C"", new Amazon.CDK.AWS.EKS.ClusterProps { ClusterLogging = });",
            @"new Amazon.CDK.AWS.EKS.Cluster(this, ""C"", new Amazon.CDK.AWS.EKS.ClusterProps { ClusterLogging = new[] { 1, ""api"" }, ClusterLogging = null });",
            @"new Amazon.CDK.AWS.EKS.Cluster(this, ""C"", new Amazon.CDK.AWS.EKS.ClusterProps { ClusterLogging = [.. others] });",
            @"new Amazon.CDK.AWS.EKS.Cluster(this, ""C"", new Amazon.CDK.AWS.EKS.ClusterProps { ClusterLogging = new Amazon.CDK.AWS.EKS.ClusterLoggingTypes[n] });",
            @"new Amazon.CDK.AWS.EKS.Cluster(this, ""C"", new Amazon.CDK.AWS.EKS.FargateClusterProps());",
            @"new Amazon.CDK.AWS.EKS.Cluster(this); new Amazon.CDK.AWS.EKS.FargateCluster(; new Amazon.CDK.AWS.EKS.Cluster(this, ""C"", null);",
            @"var c = new Amazon.CDK.AWS.EKS.Cluster(this, ""C"", new Amazon.CDK.AWS.EKS.ClusterProps()); c = null; c.Node.",
            @"new Amazon.CDK.AWS.EKS.CfnCluster(this, ""C"", new Amazon.CDK.AWS.EKS.CfnClusterProps { Logging = new Amazon.CDK.AWS.EKS.CfnCluster.LoggingProperty { ClusterLogging = new Amazon.CDK.AWS.EKS.CfnCluster.ClusterLoggingProperty { EnabledTypes = new object[] { null, 3, new[] { ""api"" }, new Amazon.CDK.AWS.EKS.CfnCluster.LoggingTypeConfigProperty { Type = } } } } });",
            @"new Amazon.CDK.AWS.EKS.CfnCluster(this, ""C"", new Amazon.CDK.AWS.EKS.CfnClusterProps { Logging = ""api"" });",
            @"new Amazon.CDK.AWS.EKS.CfnCluster(this, ""C"", new Amazon.CDK.AWS.EKS.CfnClusterProps { Logging = new Amazon.CDK.AWS.EKS.CfnCluster.LoggingProperty { ClusterLogging = new Amazon.CDK.AWS.EKS.CfnCluster.ClusterLoggingProperty { EnabledTypes = ",
            @"PolicyDocument.FromJson(); PolicyDocument.FromJson(null); PolicyStatement.FromJson(new { }); PolicyStatement.FromJson(3);",
            @"PolicyDocument.FromJson(new Dictionary<string, object> { [""Statement""] = new object[] { null, 1, new object[] { new { } }, new Dictionary<string, object> { [""Effect""] = } } });",
            @"PolicyDocument.FromJson(new Dictionary<string, object> { [null] = 1, [""Statement""] = new List<object> { new Dictionary<int, object> { [1] = ""x"" }, new Dictionary<string, object> { { ""Action"" } } } });",
            @"PolicyStatement.FromJson(new System.Collections.Hashtable { { ""Action"", new System.Collections.ArrayList { ""ecr: X"" } }, [""Principal""] = new { AWS = new[] { ""1 2"" } } });",
            @"var j = new Dictionary<string, object>(); j[""Statement""] = j; PolicyDocument.FromJson(j); PolicyStatement.FromJson(new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = new { Action = 1 } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } });",
            @"var j = new Dictionary<string, object> { [""Action""] = ""ecr:X"" }; var k = new Dictionary<string, object> { [""Statement""] = new[] { j, j } }; PolicyDocument.FromJson(k);",
        };

        /// <summary>ECS containers, half-typed (compiled with <c>using Amazon.CDK.AWS.ECS;</c>).</summary>
        private static readonly string[] HalfTypedEcs =
        {
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", );",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", null); task.AddContainer(null, new ContainerDefinitionOptions());",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", new ContainerDefinitionOptions { Environment = new Dictionary<string, string> { [""A""] = ",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", new ContainerDefinitionOptions { Environment = new Dictionary<string, string> { [""A""] } });",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", new ContainerDefinitionOptions { Environment = new Dictionary<string, string> { { ""A"" }, { ""B"", ""x"", ""y"" }, [1] = 2, [] = ""x"" } });",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", new ContainerDefinitionOptions { Environment = new Dictionary<string, string> { [null] = null, [""A""] = (string)null } });",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", new ContainerDefinitionOptions { Environment = new() { [""PASSWORD""] = ""hunter2hunter2"" }, Secrets = new() { [""X""] = null } });",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", new ContainerDefinitionOptions { Environment = new SortedDictionary<string, string> { [""PASSWORD""] = ""hunter2hunter2"" } });",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", new ContainerDefinitionOptions { Environment = [""PASSWORD""], Secrets = 3 });",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(), ContainerName = 5 });",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(""web"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""\uD800.dkr.ecr.x.amazonaws.com/a:""), Environment = null, Secrets = null });",
            @"var task = new FargateTaskDefinition(this, ""T""); var e = new Dictionary<string, string> { [""A""] = e[""B""] }; task.AddContainer(""web"", new ContainerDefinitionOptions { Environment = e });",
            @"var task = new FargateTaskDefinition(this, ""T""); var o = new ContainerDefinitionOptions { Environment = o.Environment }; task.AddContainer(""a"", o); task.AddContainer(""b"", o);",
            @"var task = new FargateTaskDefinition(this, ""T""); task.AddContainer(props: new ContainerDefinitionOptions { Environment = new Dictionary<string, string> { [""PASSWORD""] = ""hunter2hunter2"" } }, id: ""web"");",
            @"TaskDefinition task = null; task.AddContainer(""web"", new ContainerDefinitionOptions { Environment = new Dictionary<string, string> { [""PASSWORD""] = ""hunter2hunter2"" } } with { });",
            @"new ContainerDefinition(this, ""C"");",
            @"var c = new ContainerDefinition(this, ""C"", null); c.AddEnvironment(); c.AddEnvironment(""A""); c.AddEnvironment(null, null); c.AddEnvironment(value: ""hunter2hunter2"", name: ""PASSWORD""); c.AddEnvironment(",
            @"new ContainerDefinition(this, ""C"", new ContainerDefinitionProps { TaskDefinition = , Environment = new Dictionary<string, string> { [""A""] = ",
            @"new ContainerDefinition(this, ""C"", new ContainerDefinitionOptions());",
            @"new CfnTaskDefinition(this, ""L1"", new CfnTaskDefinitionProps { ContainerDefinitions = new[] { new CfnTaskDefinition.ContainerDefinitionProperty { Environment = new[] { new CfnTaskDefinition.KeyValuePairProperty { Name = ",
            @"new CfnTaskDefinition(this, ""L1"", new CfnTaskDefinitionProps { ContainerDefinitions = new object[] { null, 1, ""x"", new CfnTaskDefinition.ContainerDefinitionProperty { Secrets = new[] { new CfnTaskDefinition.SecretProperty() } } } });",
            @"new CfnTaskDefinition(this, ""L1"", new CfnTaskDefinitionProps { ContainerDefinitions = new CfnTaskDefinition.ContainerDefinitionProperty { Name = ""x"" } });",
            @"new CfnTaskDefinition(this);",
            @"new CfnTaskDefinition(",
        };

        [TestMethod]
        public Task HalfTypedCodeNeverThrows() => AssertNeverThrows(HalfTyped, usings: string.Empty);

        [TestMethod]
        public Task HalfTypedEcsCodeNeverThrows() => AssertNeverThrows(HalfTypedEcs, usings: "using Amazon.CDK.AWS.ECS;\n");

        private static async Task AssertNeverThrows(string[] snippets, string usings)
        {
            var analyzers = AllAnalyzers.Create();
            foreach (string snippet in snippets)
            {
                foreach (string source in new[]
                {
                    usings + Fixture.InStack("        object o = null; string[] others = null; int n = 1;\n        " + snippet, members: "    private const string A = B;\n    private const string B = A;\n"),
                    usings + Fixture.Usings + "object o = null; string[] others = null; int n = 1; Stack @this = null;\n" + snippet.Replace("this", "@this", System.StringComparison.Ordinal),
                    usings + Fixture.Usings + "class C { " + snippet + " }",
                })
                {
                    var (diagnostics, exceptions, _) = await AllAnalyzers.RunAsync(Compile.Cdk(source), analyzers);
                    Assert.AreEqual(0, exceptions.Count, snippet + "\n" + string.Join("\n", exceptions));
                    var ad0001 = diagnostics.Where(d => d.Id == "AD0001").ToList();
                    Assert.AreEqual(0, ad0001.Count, snippet + "\n" + string.Join("\n", ad0001));
                }
            }
        }

        [TestMethod]
        public async Task EveryFindingIsReportedOnceByAllAnalyzersTogether()
        {
            // A principal inside a statement inside a repository policy is seen by three analyzers; each owns its rules.
            var compilation = Compile.Cdk(Fixture.InStack(@"
        var repository = new Repository(this, ""Repo"");
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Principals = new IPrincipal[] { new ArnPrincipal(""arn:aws: iam::444455556666:root""), new AnyPrincipal() },
            Actions = new[] { ""ecr: BatchGetImage"", ""ecr:BatchGetImages"", ""ecr:GetAuthorizationToken"" },
            Resources = new[] { ""*"" },
        });
        statement.AddArnPrincipal(""arn:aws:iam::12345678901:root"");
        repository.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = new IPrincipal[] { new AccountPrincipal(""4444 5555 6666""), new AnyPrincipal() },
            Actions = new[] { ""ecr: PutImage"", ""ecr:PutImage"", ""ecr:GetAuthorizationToken"" },
            Resources = new[] { ""*"" },
        }));
        repository.GrantPullPush(new ArnPrincipal(""arn:aws:iam::444455556666:role/ci ""));
        repository.AddToResourcePolicy(PolicyStatement.FromJson(new Dictionary<string, object>
        {
            [""Principal""] = ""*"",
            [""Action""] = new[] { ""ecr: PutImage"", ""ecr:PutImages"", ""ecr:GetAuthorizationToken"" },
            [""Resource""] = ""*"",
        }));"));
            Compile.AssertNoErrors(compilation);
            var (diagnostics, exceptions, _) = await AllAnalyzers.RunAsync(compilation, AllAnalyzers.Shipped());
            Assert.AreEqual(0, exceptions.Count, string.Join("\n", exceptions));
            var ours = diagnostics.Where(d => d.Id.StartsWith("ECR", System.StringComparison.Ordinal) || d.Id.StartsWith("IAM", System.StringComparison.Ordinal))
                .Select(d => d.Id + " " + d.Location.GetLineSpan().StartLinePosition).OrderBy(s => s, System.StringComparer.Ordinal).ToList();
            var duplicates = ours.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.AreEqual(0, duplicates.Count, "reported more than once: " + string.Join(", ", duplicates));
            CollectionAssert.IsSubsetOf(new[] { "ECR001", "ECR002", "ECR003", "ECR004", "IAM006", "IAM007", "IAM008" }, ours.Select(s => s.Split(' ')[0]).Distinct().ToList());
        }

        [TestMethod]
        public async Task AProjectWithoutTheCdkGetsNothingAndRegistersNothing()
        {
            // Look-alike names without Amazon.CDK.Lib: the analyzers must not even register their operation actions.
            string source = @"
namespace Amazon.CDK.AWS.IAM
{
    public class PolicyStatementProps { public string[]? Actions { get; set; } }
    public class PolicyStatement { public PolicyStatement(PolicyStatementProps? props = null) { } }
    public class ArnPrincipal { public ArnPrincipal(string arn) { } }
    public class PolicyDocument { public static PolicyDocument FromJson(object json) => new PolicyDocument(); }
}
namespace Amazon.CDK.AWS.EKS
{
    public enum ClusterLoggingTypes { API, AUDIT }
    public class ClusterProps { public ClusterLoggingTypes[]? ClusterLogging { get; set; } }
    public class Cluster { public Cluster(object scope, string id, ClusterProps props) { } }
}
namespace App
{
    using Amazon.CDK.AWS.IAM;
    public static class Program
    {
        public static void Main()
        {
            _ = new PolicyStatement(new PolicyStatementProps { Actions = new[] { ""ecr: BatchGetImage"" } });
            _ = new ArnPrincipal(""arn:aws: iam::1:root"");
            _ = PolicyDocument.FromJson(new System.Collections.Generic.Dictionary<string, object> { [""Statement""] = new object[] { new System.Collections.Generic.Dictionary<string, object> { [""Action""] = ""ecr: X"" } } });
            _ = new Amazon.CDK.AWS.EKS.Cluster(new object(), ""C"", new Amazon.CDK.AWS.EKS.ClusterProps { ClusterLogging = new[] { Amazon.CDK.AWS.EKS.ClusterLoggingTypes.API } });
        }
    }
}";
            var compilation = Compile.Cdk(source, withCdk: false);
            Compile.AssertNoErrors(compilation);
            var analyzers = AllAnalyzers.Create();
            var (diagnostics, exceptions, driver) = await AllAnalyzers.RunAsync(compilation, analyzers);
            Assert.AreEqual(0, exceptions.Count);
            Assert.AreEqual(0, diagnostics.Count(d => d.Id != "CS8019"), string.Join("\n", diagnostics));
            foreach (var analyzer in analyzers)
            {
                var telemetry = await driver.GetAnalyzerTelemetryInfoAsync(analyzer, System.Threading.CancellationToken.None);
                Assert.AreEqual(0, telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount, analyzer.GetType().Name + " registered operation actions without the CDK");
            }
        }

        [TestMethod]
        public async Task ACdkProjectRegistersItsActions()
        {
            var compilation = Compile.Cdk(Fixture.InStack("        new Repository(this, \"R\");"));
            var analyzers = AllAnalyzers.Create();
            var (diagnostics, exceptions, driver) = await AllAnalyzers.RunAsync(compilation, analyzers);
            Assert.AreEqual(0, exceptions.Count);
            Assert.AreEqual(1, diagnostics.Count(d => d.Id == "TST013"), string.Join("\n", diagnostics));
            var telemetry = await driver.GetAnalyzerTelemetryInfoAsync(analyzers.First(a => a is RepositoryAnalyzer), System.Threading.CancellationToken.None);
            // The analyzers register their operation actions per operation block (see CdkAnalyzer.Initialize).
            Assert.IsTrue(telemetry.OperationBlockStartActionsCount > 0);
        }
    }
}
