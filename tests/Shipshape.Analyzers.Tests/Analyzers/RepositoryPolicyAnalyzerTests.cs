using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;
using Verify = Shipshape.Analyzers.Tests.Support.CdkAnalyzerTest<Shipshape.Analyzers.RepositoryPolicyAnalyzer>;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    [TestClass]
    public sealed class RepositoryPolicyAnalyzerTests
    {
        [TestMethod]
        public Task AStatementForAnyoneWithoutAConditionIsPublic()
            => Verify.RunAsync(Fixture.InStack(@"
        var repository = new Repository(this, ""Repo"");
        repository.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = ""PartnerPilot"",
            Actions = new[] { ""ecr:BatchGetImage"", ""ecr:GetDownloadUrlForLayer"" },
            Principals = new IPrincipal[] { {|ECR001:new AnyPrincipal()|} },
        }));"));

        [TestMethod]
        public Task ThePublicMessageNamesTheStatement()
            => Verify.RunAsync(Fixture.InStack(@"
        var repository = new Repository(this, ""Repo"");
        repository.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { ""ecr:BatchGetImage"" },
            Principals = new IPrincipal[] { new StarPrincipal() },
        }));"),
                new DiagnosticResult("ECR001", DiagnosticSeverity.Error)
                    .WithSpan(16, 45, 16, 64)
                    .WithArguments("The statement at line 13 allows any principal, anonymous callers included, to access this repository without a condition that limits it to your organisation, accounts or VPC endpoints."));

        [TestMethod]
        public Task ConditionsDenyAndUnknownPrincipalsAreNotPublic()
            => Verify.RunAsync(Fixture.InStack(@"
        var repository = new Repository(this, ""Repo"");
        repository.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { ""ecr:BatchGetImage"" },
            Principals = new IPrincipal[] { new AnyPrincipal() },
            Conditions = new Dictionary<string, object> { [""StringEquals""] = new Dictionary<string, object> { [""aws:PrincipalOrgID""] = ""o-a1b2c3d4e5"" } },
        }));
        repository.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Effect = Effect.DENY,
            Actions = new[] { ""ecr:*"" },
            Principals = new IPrincipal[] { new AnyPrincipal() },
        }));
        repository.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { ""ecr:BatchGetImage"" },
            Principals = new IPrincipal[] { new AnyPrincipal().InOrganization(""o-a1b2c3d4e5""), PrincipalFromConfig() },
        }));
        repository.GrantPull(new OrganizationPrincipal(""o-a1b2c3d4e5""));", members: @"    private static IPrincipal PrincipalFromConfig() => new AnyPrincipal();
"));

        [TestMethod]
        public Task AStatementChangedAfterItIsBuiltIsUnknown()
            => Verify.RunAsync(Fixture.InStack(@"
        var repository = new Repository(this, ""Repo"");
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { ""ecr:BatchGetImage"" },
            Principals = new IPrincipal[] { new AnyPrincipal() },
        });
        statement.AddCondition(""StringEquals"", new Dictionary<string, object> { [""aws:PrincipalOrgID""] = ""o-a1b2c3d4e5"" });
        repository.AddToResourcePolicy(statement);"));

        [TestMethod]
        public Task AStatementInALocalIsRead()
            => Verify.RunAsync(Fixture.InStack(@"
        var repository = new Repository(this, ""Repo"");
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { ""ecr:BatchGetImage"" },
            Principals = new IPrincipal[] { {|ECR001:new AnyPrincipal()|} },
        });
        repository.AddToResourcePolicy(statement);"));

        [TestMethod]
        public Task ResourcesInARepositoryPolicyAreRejected()
            => Verify.RunAsync(Fixture.InStack(@"
        var repository = new Repository(this, ""Repo"");
        repository.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { ""ecr:BatchGetImage"", {|ECR004:""ecr:GetAuthorizationToken""|} },
            Principals = new IPrincipal[] { new AccountPrincipal(""123456789012"") },
            {|ECR003:Resources|} = new[] { repository.RepositoryArn },
        }));"));

        [TestMethod]
        public Task GrantsToAnyoneAreRepositoryPolicyStatements()
            => Verify.RunAsync(Fixture.InStack(@"
        var repository = new Repository(this, ""Repo"");
        repository.GrantPull({|ECR001:new AnyPrincipal()|});
        repository.{|ECR002:GrantPullPush|}(new AccountPrincipal(""444455556666""));
        repository.GrantPull(new AccountPrincipal(""444455556666""));
        repository.{|ECR002:Grant|}(new ArnPrincipal(""arn:aws:iam::444455556666:role/ci""), ""ecr:PutImage"");"));

        [TestMethod]
        public Task GrantsToRolesAndImportedRepositoriesAreNotRepositoryPolicies()
            => Verify.RunAsync(Fixture.InStack(@"
        var role = new Role(this, ""Role"", new RoleProps { AssumedBy = new ServicePrincipal(""ecs-tasks.amazonaws.com"") });
        var repository = new Repository(this, ""Repo"");
        repository.GrantPullPush(role);
        var imported = Repository.FromRepositoryName(this, ""Imported"", ""parcel/web"");
        imported.GrantPull(new AnyPrincipal());
        imported.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { ""ecr:BatchGetImage"" },
            Principals = new IPrincipal[] { new AnyPrincipal() },
        }));"));
    

        [TestMethod]
        public Task ACfnRepositoryPolicyDocumentIsARepositoryPolicy()
            => Verify.RunAsync(Fixture.InStack(@"
        new CfnRepository(this, ""L1"", new CfnRepositoryProps
        {
            RepositoryName = ""parcel/web"",
            RepositoryPolicyText = new PolicyDocument(new PolicyDocumentProps
            {
                Statements = new[]
                {
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Actions = new[] { ""ecr:BatchGetImage"" },
                        Principals = new IPrincipal[] { {|ECR001:new AnyPrincipal()|} },
                    }),
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Actions = new[] { ""ecr:BatchGetImage"" },
                        Principals = new IPrincipal[] { new AccountPrincipal(""123456789012"") },
                        {|ECR003:Resources|} = new[] { ""*"" },
                    }),
                    StatementFromConfig(),
                },
            }),
        });
        var changed = new CfnRepository(this, ""Changed"", new CfnRepositoryProps
        {
            RepositoryPolicyText = new PolicyDocument(new PolicyDocumentProps
            {
                Statements = new[] { new PolicyStatement(new PolicyStatementProps { Actions = new[] { ""ecr:BatchGetImage"" }, Principals = new IPrincipal[] { new AnyPrincipal() } }) },
            }),
        });
        changed.AddPropertyOverride(""RepositoryPolicyText.Statement.0.Condition"", new Dictionary<string, object>());", members: @"    private static PolicyStatement StatementFromConfig() => new PolicyStatement();
"));

        [TestMethod]
        public Task StatementsAndDocumentsFromJsonLiteralsAreRepositoryPolicies()
            => Verify.RunAsync(Fixture.InStack(@"
        var repository = new Repository(this, ""Repo"");
        repository.AddToResourcePolicy(PolicyStatement.FromJson(new Dictionary<string, object>
        {
            [""Principal""] = {|ECR001:""*""|},
            [""Action""] = new[] { ""ecr:BatchGetImage"" },
        }));
        var statement = PolicyStatement.FromJson(new Dictionary<string, object>
        {
            [""Principal""] = new Dictionary<string, object> { [""AWS""] = ""*"" },
            [""Action""] = ""ecr:BatchGetImage"",
            [""Condition""] = new Dictionary<string, object> { [""StringEquals""] = new Dictionary<string, string> { [""aws:PrincipalOrgID""] = ""o-a1b2c3d4e5"" } },
        });
        repository.AddToResourcePolicy(statement);
        new CfnRepository(this, ""L1"", new CfnRepositoryProps
        {
            RepositoryPolicyText = PolicyDocument.FromJson(new Dictionary<string, object>
            {
                [""Statement""] = new object[]
                {
                    new Dictionary<string, object> { [""Principal""] = new Dictionary<string, object> { [""AWS""] = {|ECR001:""*""|} }, [""Action""] = ""ecr:BatchGetImage"" },
                },
            }),
        });"));
    }
}
