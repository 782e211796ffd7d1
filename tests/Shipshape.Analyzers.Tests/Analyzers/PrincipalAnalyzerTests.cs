using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;
using Verify = Shipshape.Analyzers.Tests.Support.CdkAnalyzerTest<Shipshape.Analyzers.PrincipalAnalyzer>;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    [TestClass]
    public sealed class PrincipalAnalyzerTests
    {
        [TestMethod]
        public Task MalformedLiteralPrincipalsAreReportedWhereverTheyAreUsed()
            => Verify.RunAsync(Fixture.InStack(@"
        var repository = new Repository(this, ""Repo"");
        repository.GrantPull(new ArnPrincipal({|IAM008:""arn:aws: iam::444455556666:root""|}));
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { ""ecr:BatchGetImage"" },
            Principals = new IPrincipal[]
            {
                new AccountPrincipal({|IAM008:""44445555666""|}),
                new ServicePrincipal({|IAM008:""ecs-tasks.amazonaws .com""|}),
                new CompositePrincipal(new ArnPrincipal({|IAM008:""arn:aws:s3:::bucket""|})),
            },
        });"));

        [TestMethod]
        public Task ConstantsAreLiterals()
            => Verify.RunAsync(Fixture.InStack(@"
        const string Partner = ""arn:aws:iam::4444-5555-6666:root"";
        var principal = new ArnPrincipal({|IAM008:Partner|});"));

        [TestMethod]
        public Task WellFormedAndUnknownPrincipalsHaveNoFindings()
            => Verify.RunAsync(Fixture.InStack(@"
        var role = new Role(this, ""Role"", new RoleProps { AssumedBy = new ServicePrincipal(""ecs-tasks.amazonaws.com"") });
        IPrincipal[] principals =
        {
            new ArnPrincipal(""arn:aws:iam::123456789012:role/ci""),
            new ArnPrincipal(role.RoleArn),
            new AccountPrincipal(""123456789012""),
            new AccountPrincipal(123456789012),
            new AccountPrincipal(Aws.ACCOUNT_ID),
            new ServicePrincipal(""lambda""),
            new ServicePrincipal(""ecs-tasks""),
            new AccountRootPrincipal(),
            new AnyPrincipal(),
            new ArnPrincipal(""arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1ABCDEF""),
        };"));
    }
}
