using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.CodeFixes;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.CodeFixes
{
    [TestClass]
    public sealed class ReplaceLiteralCodeFixTests
    {
        [TestMethod]
        public Task WhitespaceIsRemovedFromAnAction()
            => new CdkCodeFixTest<PolicyStatementAnalyzer, ReplaceLiteralCodeFix>(
                Fixture.InStack(@"
        var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|IAM006:""ecr: Batch GetImage""|} } });"),
                Fixture.InStack(@"
        var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { ""ecr:BatchGetImage"" } });")).RunAsync();

        [TestMethod]
        public Task AMisspeltActionIsReplacedWithTheSuggestion()
            => new CdkCodeFixTest<PolicyStatementAnalyzer, ReplaceLiteralCodeFix>(
                Fixture.InStack(@"
        var statement = new PolicyStatement();
        statement.AddActions({|IAM007:""ecr:GetDownloadUrlForLayers""|}, {|IAM007:""ecr:BatchGetImages""|});"),
                Fixture.InStack(@"
        var statement = new PolicyStatement();
        statement.AddActions(""ecr:GetDownloadUrlForLayer"", ""ecr:BatchGetImage"");")).RunAsync();

        [TestMethod]
        public Task WhitespaceIsRemovedFromAPrincipal()
            => new CdkCodeFixTest<PrincipalAnalyzer, ReplaceLiteralCodeFix>(
                Fixture.InStack(@"
        var principal = new ArnPrincipal({|IAM008:""arn:aws: iam:: 444455556666:root""|});
        var service = new ServicePrincipal({|IAM008:""ecs-tasks.amazonaws .com""|});"),
                Fixture.InStack(@"
        var principal = new ArnPrincipal(""arn:aws:iam::444455556666:root"");
        var service = new ServicePrincipal(""ecs-tasks.amazonaws.com"");")).RunAsync();

        [TestMethod]
        public Task NoFixWhenTheValueIsNotALiteralHereOrNothingIsClose()
        {
            string source = Fixture.InStack(@"
        const string Pull = ""ecr: BatchGetImage"";
        var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|IAM006:Pull|}, {|IAM007:""ecr:Nothing""|} } });");
            return new CdkCodeFixTest<PolicyStatementAnalyzer, ReplaceLiteralCodeFix>(source, source).RunAsync();
        }

        [TestMethod]
        public Task NoFixForAPrincipalThatStaysMalformed()
        {
            string source = Fixture.InStack(@"
        var principal = new AccountPrincipal({|IAM008:""4444 5555 666""|});");
            return new CdkCodeFixTest<PrincipalAnalyzer, ReplaceLiteralCodeFix>(source, source).RunAsync();
        }
    }
}
