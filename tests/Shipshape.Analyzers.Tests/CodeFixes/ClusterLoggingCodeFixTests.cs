using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.CodeFixes;
using Shipshape.Analyzers.Tests.Analyzers;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.CodeFixes
{
    /// <summary>EKS001/EKS002 on an L2 cluster: the fix enables the missing <c>ClusterLoggingTypes</c>; the fixed code compiles against the real CDK and is clean.</summary>
    [TestClass]
    public sealed class ClusterLoggingCodeFixTests
    {
        private static Task Run(string before, string after)
            => new CdkCodeFixTest<EksClusterAnalyzer, ClusterLoggingCodeFix>(EksClusterAnalyzerTests.InStack(before), EksClusterAnalyzerTests.InStack(after)).RunAsync();

        [TestMethod]
        public Task AbsentLoggingGetsEveryType()
            => Run(@"
        {|EKS001:new Cluster|}(this, ""Shop"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
        });", @"
        new Cluster(this, ""Shop"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            ClusterLogging = new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR, ClusterLoggingTypes.CONTROLLER_MANAGER, ClusterLoggingTypes.SCHEDULER },
        });");

        [TestMethod]
        public Task AbsentLoggingInOneLinePropsOfAFargateCluster()
            => Run(@"
        {|EKS001:new FargateCluster|}(this, ""Shop"", new FargateClusterProps { Version = KubernetesVersion.V1_29 });", @"
        new FargateCluster(this, ""Shop"", new FargateClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR, ClusterLoggingTypes.CONTROLLER_MANAGER, ClusterLoggingTypes.SCHEDULER } });");

        [TestMethod]
        public Task MissingTypesAreAppendedToTheArray()
            => Run(@"
        new Cluster(this, ""Shop"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            ClusterLogging = {|EKS002:new[] { ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.SCHEDULER }|},
        });", @"
        new Cluster(this, ""Shop"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            ClusterLogging = new[] { ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.SCHEDULER, ClusterLoggingTypes.API, ClusterLoggingTypes.AUTHENTICATOR, ClusterLoggingTypes.CONTROLLER_MANAGER },
        });");

        [TestMethod]
        public Task MissingTypesAreAppendedToAMultiLineArray()
            => Run(@"
        new Cluster(this, ""Shop"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            ClusterLogging = {|EKS002:new ClusterLoggingTypes[]
            {
                ClusterLoggingTypes.API,
                ClusterLoggingTypes.AUDIT,
                ClusterLoggingTypes.AUTHENTICATOR,
            }|},
        });", @"
        new Cluster(this, ""Shop"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            ClusterLogging = new ClusterLoggingTypes[]
            {
                ClusterLoggingTypes.API,
                ClusterLoggingTypes.AUDIT,
                ClusterLoggingTypes.AUTHENTICATOR,
                ClusterLoggingTypes.CONTROLLER_MANAGER,
                ClusterLoggingTypes.SCHEDULER,
            },
        });");

        [TestMethod]
        public Task CollectionExpressionsAndEmptyArraysAreCompleted()
            => Run(@"
        new Cluster(this, ""Collection"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = {|EKS002:[ClusterLoggingTypes.API]|} });
        new Cluster(this, ""Empty"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = {|EKS001:new ClusterLoggingTypes[0]|} });", @"
        new Cluster(this, ""Collection"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = [ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR, ClusterLoggingTypes.CONTROLLER_MANAGER, ClusterLoggingTypes.SCHEDULER] });
        new Cluster(this, ""Empty"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR, ClusterLoggingTypes.CONTROLLER_MANAGER, ClusterLoggingTypes.SCHEDULER } });");

        [TestMethod]
        public Task SharedListsAndPropsAreLeftAlone()
        {
            const string Code = @"
        var types = new[] { ClusterLoggingTypes.API };
        new Cluster(this, ""Local"", new ClusterProps { Version = KubernetesVersion.V1_29, ClusterLogging = {|EKS002:types|} });
        var props = new ClusterProps { Version = KubernetesVersion.V1_29 };
        {|EKS001:new Cluster|}(this, ""Props"", props);
        {|EKS001:new CfnCluster|}(this, ""L1"", new CfnClusterProps { RoleArn = ""arn:aws:iam::111122223333:role/eks"" });";
            return Run(Code, Code);
        }
    }
}
