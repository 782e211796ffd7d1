using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    /// <summary>
    /// Users' top complaints: severities they cannot configure, suppressions that do not work. Both are Roslyn's own
    /// here. (Raising or lowering a severity in .globalconfig is covered by the real build of samples/cdk-app, whose
    /// error-severity findings are configured down to warnings.)
    /// </summary>
    [TestClass]
    public sealed class ConfigurationTests
    {
        private const string Body = @"
        var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { ""ecr:BatchGetImages"" } });";

        [TestMethod]
        public Task ARuleCanBeTurnedOffInEditorConfig()
        {
            var test = new CdkAnalyzerTest<PolicyStatementAnalyzer>(Fixture.InStack(Body));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.IAM007.severity = none\n"));
            return test.RunAsync();
        }

        [TestMethod]
        public Task PragmaSuppressesAFinding()
            => CdkAnalyzerTest<PolicyStatementAnalyzer>.RunAsync(Fixture.InStack(@"
#pragma warning disable IAM007 // the action is added by a newer ECR release than our catalogue knows
        var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { ""ecr:BatchGetImages"" } });
#pragma warning restore IAM007"));
    }
}
