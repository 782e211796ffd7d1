using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;
using Verify = Shipshape.Analyzers.Tests.Support.CdkAnalyzerTest<Shipshape.Analyzers.EksClusterAnalyzer>;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    /// <summary>EKS control-plane logging of L2 <c>Cluster</c>/<c>FargateCluster</c> and L1 <c>CfnCluster</c>, judged by the engine's EKS001–EKS003.</summary>
    [TestClass]
    public sealed class EksClusterAnalyzerTests
    {
        /// <summary>A stack with <c>using Amazon.CDK.AWS.EKS;</c> (its <c>Cluster</c> would clash with ECS's in the shared usings).</summary>
        internal static string InStack(string body, string members = "") => "using Amazon.CDK.AWS.EKS;\n" + Fixture.InStack(body, members);

        [TestMethod]
        public Task AClusterWithoutClusterLoggingLogsNothing()
            => Verify.RunAsync(InStack(@"
        new Cluster(this, ""Shop"", new ClusterProps { Version = KubernetesVersion.V1_29 });"),
                new DiagnosticResult("EKS001", DiagnosticSeverity.Warning)
                    .WithSpan(13, 9, 13, 20)
                    .WithArguments("Cluster 'Shop' sends no control-plane logs to CloudWatch Logs: Kubernetes events live only 60 minutes in the cluster, "
                        + "so who called the API server, what the audit log recorded and who authenticated is lost. Enable ClusterLogging."));

        [TestMethod]
        public Task SomeLogTypesAreMissing()
            => Verify.RunAsync(InStack(@"
        new Cluster(this, ""Shop"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            ClusterLogging = new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT },
        });"),
                new DiagnosticResult("EKS002", DiagnosticSeverity.Warning)
                    .WithSpan(16, 30, 16, 90)
                    .WithArguments("Cluster 'Shop' does not send these control-plane log types to CloudWatch Logs: 'authenticator', 'controllerManager' and 'scheduler'."));

        [TestMethod]
        public Task EveryLogTypeIsClean()
            => Verify.RunAsync(InStack(@"
        new Cluster(this, ""Array"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            ClusterLogging = new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR, ClusterLoggingTypes.CONTROLLER_MANAGER, ClusterLoggingTypes.SCHEDULER },
        });
        new FargateCluster(this, ""Collection"", new FargateClusterProps
        {
            Version = KubernetesVersion.V1_29,
            ClusterLogging = [ClusterLoggingTypes.SCHEDULER, ClusterLoggingTypes.CONTROLLER_MANAGER, ClusterLoggingTypes.AUTHENTICATOR, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.API],
        });"));

        [TestMethod]
        public Task CollectionExpressionsLocalsAndFargateClustersAreRead()
            => Verify.RunAsync(InStack(@"
        var audit = ClusterLoggingTypes.AUDIT;
        var types = new ClusterLoggingTypes[] { audit, ClusterLoggingTypes.API };
        new Cluster(this, ""Collection"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = {|EKS002:[ClusterLoggingTypes.API]|} });
        new Cluster(this, ""Local"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = {|EKS002:types|} });
        {|EKS001:new FargateCluster|}(this, ""Fargate"", new FargateClusterProps { Version = KubernetesVersion.V1_29 });
        var props = new FargateClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = {|EKS002:new[] { ClusterLoggingTypes.SCHEDULER }|} };
        new FargateCluster(this, ""FargateLocal"", props);"));

        [TestMethod]
        public Task AnEmptyListLogsNothing()
            => Verify.RunAsync(InStack(@"
        new Cluster(this, ""Empty"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = {|EKS001:new ClusterLoggingTypes[0]|} });
        new Cluster(this, ""Brackets"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = {|EKS001:[]|} });"));

        [TestMethod]
        public Task UnknownValuesAreNeverFindings()
            => Verify.RunAsync(InStack(@"
        var reassigned = new[] { ClusterLoggingTypes.API };
        reassigned = TypesFromConfig();
        int n = System.Environment.ProcessorCount;
        new Cluster(this, ""Method"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = TypesFromConfig() });
        new Cluster(this, ""Reassigned"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = reassigned });
        new Cluster(this, ""Cast"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = new[] { ClusterLoggingTypes.API, (ClusterLoggingTypes)n } });
        new Cluster(this, ""Conditional"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = n > 2 ? TypesFromConfig() : null });
        new Cluster(this, ""Props"", PropsFromConfig());
        var escaped = new Cluster(this, ""Escaped"", new ClusterProps { Version = KubernetesVersion.V1_29 });
        _ = escaped.Node.DefaultChild;",
                members: @"    private static ClusterLoggingTypes[] TypesFromConfig() => new[] { ClusterLoggingTypes.API };
    private static ClusterProps PropsFromConfig() => new ClusterProps { Version = KubernetesVersion.V1_29 };
"));

        [TestMethod]
        public Task L1ClusterWithoutLoggingLogsNothing()
            => Verify.RunAsync(InStack(@"
        {|EKS001:new CfnCluster|}(this, ""NoLogging"", new CfnClusterProps { RoleArn = ""arn:aws:iam::111122223333:role/eks"" });
        new CfnCluster(this, ""EmptyLogging"", new CfnClusterProps { {|EKS001:Logging|} = new CfnCluster.LoggingProperty() });
        _ = {|EKS001:new CfnCluster|}(this, ""Discarded"", new CfnClusterProps());
        var kept = {|EKS001:new CfnCluster|}(this, ""Kept"", new CfnClusterProps());
        _ = kept.AttrArn;"));

        [TestMethod]
        public Task L1LogTypesAreCheckedAsCloudFormationDoes()
            => Verify.RunAsync(InStack(@"
        new CfnCluster(this, ""Partial"", new CfnClusterProps
        {
            Logging = new CfnCluster.LoggingProperty
            {
                ClusterLogging = new CfnCluster.ClusterLoggingProperty
                {
                    EnabledTypes = {|EKS002:new[]
                    {
                        new CfnCluster.LoggingTypeConfigProperty { Type = ""api"" },
                        new CfnCluster.LoggingTypeConfigProperty { Type = {|EKS003:""Audit""|} },
                    }|},
                },
            },
        });"));

        [TestMethod]
        public Task L1TypoMessageSuggestsTheType()
            => Verify.RunAsync(InStack(@"
        const string Scheduler = ""kube-scheduler"";
        new CfnCluster(this, ""Typo"", new CfnClusterProps
        {
            Logging = new CfnCluster.LoggingProperty
            {
                ClusterLogging = new CfnCluster.ClusterLoggingProperty
                {
                    EnabledTypes = new object[]
                    {
                        new CfnCluster.LoggingTypeConfigProperty { Type = ""api"" },
                        new CfnCluster.LoggingTypeConfigProperty { Type = ""audit"" },
                        new CfnCluster.LoggingTypeConfigProperty { Type = ""authenticator"" },
                        new CfnCluster.LoggingTypeConfigProperty { Type = ""controllerManager"" },
                        new CfnCluster.LoggingTypeConfigProperty { Type = Scheduler },
                    },
                },
            },
        });"),
                new DiagnosticResult("EKS002", DiagnosticSeverity.Warning).WithSpan(20, 36, 27, 22)
                    .WithArguments("Cluster 'Typo' does not send these control-plane log types to CloudWatch Logs: 'scheduler'."),
                new DiagnosticResult("EKS003", DiagnosticSeverity.Error).WithSpan(26, 75, 26, 84)
                    .WithArguments("Log type 'kube-scheduler' would be rejected: did you mean 'scheduler'?."));

        [TestMethod]
        public Task L1UnknownsAndLaterChangesAreNeverFindings()
            => Verify.RunAsync(InStack(@"
        var changed = new CfnCluster(this, ""Changed"", new CfnClusterProps { RoleArn = ""arn:aws:iam::111122223333:role/eks"" });
        changed.Logging = LoggingFromConfig();
        var overridden = new CfnCluster(this, ""Overridden"", new CfnClusterProps { RoleArn = ""arn:aws:iam::111122223333:role/eks"" });
        overridden.AddPropertyOverride(""Logging.ClusterLogging.EnabledTypes"", new[] { new Dictionary<string, string> { [""Type""] = ""api"" } });
        new CfnCluster(this, ""Token"", new CfnClusterProps { Logging = LoggingFromConfig() });
        new CfnCluster(this, ""TypeToken"", new CfnClusterProps
        {
            Logging = new CfnCluster.LoggingProperty
            {
                ClusterLogging = new CfnCluster.ClusterLoggingProperty
                {
                    EnabledTypes = new[] { new CfnCluster.LoggingTypeConfigProperty { Type = Fn.ImportValue(""LogType"") } },
                },
            },
        });",
                members: @"    private static CfnCluster.LoggingProperty LoggingFromConfig() => new CfnCluster.LoggingProperty();
"));
    }
}
