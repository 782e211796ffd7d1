using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;
using Verify = Shipshape.Analyzers.Tests.Support.CdkAnalyzerTest<Shipshape.Analyzers.PolicyStatementAnalyzer>;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    [TestClass]
    public sealed class PolicyStatementAnalyzerTests
    {
        [TestMethod]
        public Task WhitespaceInAnActionIsMalformed()
            => Verify.RunAsync(Fixture.InStack(@"
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { ""ecr:BatchGetImage"", {|IAM006:""ecr: GetDownloadUrlForLayer""|} },
            Resources = new[] { ""*"" },
        });"));

        [TestMethod]
        public Task MessageSeverityAndSpanComeFromTheCatalogue()
            => Verify.RunAsync(Fixture.InStack(@"
        var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { ""ecr:BatchGetImages"" } });"),
                new DiagnosticResult("IAM007", DiagnosticSeverity.Warning)
                    .WithSpan(12, 90, 12, 110)
                    .WithArguments("Action 'ecr:BatchGetImages' does not exist: did you mean 'ecr:BatchGetImage'?"));

        [TestMethod]
        public Task CollectionExpressionsAndNotActionsAreRead()
            => Verify.RunAsync(Fixture.InStack(@"
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Effect = Effect.DENY,
            NotActions = [{|IAM007:""ecr:PutImages""|}, {|IAM006:""BatchGetImage""|}],
        });"));

        [TestMethod]
        public Task ConstantsAndLocalsAssignedOnceAreLiterals()
            => Verify.RunAsync(Fixture.InStack(@"
        const string Pull = ""ecr:Batch GetImage"";
        var push = ""ecr:PutImages"";
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { {|IAM006:Pull|}, {|IAM007:push|}, {|IAM006:Prefix + ""GetImage""|} },
        });", members: @"    private const string Prefix = ""ecr: "";
"));

        [TestMethod]
        public Task AnActionsArrayInALocalIsRead()
            => Verify.RunAsync(Fixture.InStack(@"
        var actions = new[] { {|IAM007:""ecr:DescribeImage""|} };
        var statement = new PolicyStatement(new PolicyStatementProps { Actions = actions });"));

        [TestMethod]
        public Task PropsInALocalAreRead()
            => Verify.RunAsync(Fixture.InStack(@"
        var props = new PolicyStatementProps { Actions = new[] { {|IAM006:""ecr:Put Image""|} } };
        var statement = new PolicyStatement(props);"));

        [TestMethod]
        public Task UnknownValuesAreNeverFindings()
            => Verify.RunAsync(Fixture.InStack(@"
        var reassigned = ""ecr: BatchGetImage"";
        reassigned = System.Environment.GetEnvironmentVariable(""ACTION"") ?? ""ecr:BatchGetImage"";
        string service = ""ecr"";
        var changed = new[] { ""ecr:BatchGetImage"" };
        changed[0] = ""ecr: anything"";
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { reassigned, $""{service}:BatchGetImage"", ActionFromConfig(), ""ecr:Batch*"" },
            NotActions = changed,
        });", members: @"    private static string ActionFromConfig() => ""ecr: BatchGetImage"";
"));

        [TestMethod]
        public Task ActionsAndStringPrincipalsAddedLaterAreChecked()
            => Verify.RunAsync(Fixture.InStack(@"
        var statement = new PolicyStatement();
        statement.AddActions(""ecr:BatchGetImage"", {|IAM007:""ecr:GetDownloadUrlForLayers""|});
        statement.AddArnPrincipal({|IAM008:""arn:aws:iam::12345678901:role/ci""|});
        statement.AddAwsAccountPrincipal(""123456789012"");
        statement.AddActions(new[] { {|IAM006:""ecr :PutImage""|} });
        var more = new[] { {|IAM007:""ecr:PutImages""|} };
        statement.AddActions(more);"));

        [TestMethod]
        public Task SpansAreExactWithCrLfAndCharactersOutsideTheBmp()
            => Verify.RunAsync(Fixture.InStack(@"
        // 🚢 Shipshape: the emoji is two UTF-16 code units, like Roslyn's and the engine's offsets.
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { /* 🚢 */ ""ecr:BatchGetImage"", {|IAM006:""ecr:Batch GetImage""|} },
        });").Replace("\n", "\r\n", System.StringComparison.Ordinal));

        [TestMethod]
        public Task AWellFormedStatementHasNoFindings()
            => Verify.RunAsync(Fixture.InStack(@"
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Sid = ""Pull"",
            Effect = Effect.ALLOW,
            Actions = new[] { ""ecr:BatchGetImage"", ""ecr:GetDownloadUrlForLayer"", ""s3:GetObject"", ""*"" },
            Principals = new IPrincipal[] { new AccountPrincipal(""123456789012"") },
            Resources = new[] { ""*"" },
        });"));
    }
}
