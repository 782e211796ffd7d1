using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.CodeFixes;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// ECS001's fix on an L2 container: the plaintext entry leaves <c>Environment</c> and comes back as a <c>Secrets</c> entry read
    /// from an SSM SecureString parameter with a TODO name. The fixed code is compiled against the real Amazon.CDK.Lib by the
    /// testing library, which fails the test on any compiler error in it.
    /// </summary>
    [TestClass]
    public sealed class MoveEnvironmentToSecretsCodeFixTests
    {
        private const string Usings = "using Amazon.CDK.AWS.ECS;\n";

        private const string Ssm = "using Amazon.CDK.AWS.SSM;\n";

        /// <summary>Runs the fix; <paramref name="addedUsings"/> are the directives the fix adds (after the fixture's own).</summary>
        private static Task Run(string before, string after, string addedUsings = Ssm, int? iterations = null, string usings = Usings)
        {
            string fixedSource = usings + Fixture.InStack(after).Replace(Fixture.Usings, Fixture.Usings + addedUsings, System.StringComparison.Ordinal);
            var test = new CdkCodeFixTest<TaskDefinitionAnalyzer, MoveEnvironmentToSecretsCodeFix>(usings + Fixture.InStack(before), fixedSource);
            if (iterations != null)
            {
                test.NumberOfIncrementalIterations = iterations.Value;
                test.NumberOfFixAllIterations = iterations.Value;
            }
            return test.RunAsync();
        }

        [TestMethod]
        public Task TheEntryMovesToANewSecretsDictionary()
            => Run(@"
        var task = new FargateTaskDefinition(this, ""Task"");
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""nginx""),
            Environment = new Dictionary<string, string>
            {
                [""DB_HOST""] = ""db.internal"",
                [""DB_PASSWORD""] = {|ECS001:""Tr0ub4dor&3""|},
            },
        });", @"
        var task = new FargateTaskDefinition(this, ""Task"");
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""nginx""),
            Environment = new Dictionary<string, string>
            {
                [""DB_HOST""] = ""db.internal"",
            },
            Secrets = new Dictionary<string, Secret> { [""DB_PASSWORD""] = Secret.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(this, ""TODO-DB_PASSWORD"", new SecureStringParameterAttributes { ParameterName = ""/TODO/DB_PASSWORD"" })) },
        });");

        [TestMethod]
        public Task TheEntryJoinsAnInlineSecretsDictionary()
            => Run(@"
        var task = new FargateTaskDefinition(this, ""Task"");
        var parameter = StringParameter.FromSecureStringParameterAttributes(this, ""Db"", new SecureStringParameterAttributes { ParameterName = ""/web/db"" });
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""nginx""),
            Environment = new Dictionary<string, string> { [""API_TOKEN""] = {|ECS001:""s3cr3t-t0ken-value""|}, [""LOG_LEVEL""] = ""info"" },
            Secrets = new Dictionary<string, Secret>
            {
                [""DB_PASSWORD""] = Secret.FromSsmParameter(parameter),
            },
        });", @"
        var task = new FargateTaskDefinition(this, ""Task"");
        var parameter = StringParameter.FromSecureStringParameterAttributes(this, ""Db"", new SecureStringParameterAttributes { ParameterName = ""/web/db"" });
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""nginx""),
            Environment = new Dictionary<string, string> { [""LOG_LEVEL""] = ""info"" },
            Secrets = new Dictionary<string, Secret>
            {
                [""DB_PASSWORD""] = Secret.FromSsmParameter(parameter),
                [""API_TOKEN""] = Secret.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(this, ""TODO-API_TOKEN"", new SecureStringParameterAttributes { ParameterName = ""/TODO/API_TOKEN"" })),
            },
        });", addedUsings: string.Empty, usings: Usings + Ssm);

        [TestMethod]
        public Task CollectionInitializersKeepTheirStyleAndEveryEntryMoves()
            => Run(@"
        new ContainerDefinition(this, ""Worker"", new ContainerDefinitionProps
        {
            TaskDefinition = new FargateTaskDefinition(this, ""Task""),
            Image = ContainerImage.FromRegistry(""worker:2.0.1""),
            Environment = new Dictionary<string, string> { { ""QUEUE"", ""jobs"" }, { ""BROKER_PASSWORD"", {|ECS001:""hunter2hunter2""|} }, { ""SESSION_SECRET"", {|ECS001:""correct horse battery staple""|} } },
            Secrets = new Dictionary<string, Secret> { },
        });", @"
        new ContainerDefinition(this, ""Worker"", new ContainerDefinitionProps
        {
            TaskDefinition = new FargateTaskDefinition(this, ""Task""),
            Image = ContainerImage.FromRegistry(""worker:2.0.1""),
            Environment = new Dictionary<string, string> { { ""QUEUE"", ""jobs"" } },
            Secrets = new Dictionary<string, Secret> { [""BROKER_PASSWORD""] = Secret.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(this, ""TODO-BROKER_PASSWORD"", new SecureStringParameterAttributes { ParameterName = ""/TODO/BROKER_PASSWORD"" })), [""SESSION_SECRET""] = Secret.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(this, ""TODO-SESSION_SECRET"", new SecureStringParameterAttributes { ParameterName = ""/TODO/SESSION_SECRET"" })) },
        });", iterations: 2);

        [TestMethod]
        public Task AnAmbiguousSecretStaysQualified()
            => Run(@"
        var task = new FargateTaskDefinition(this, ""Task"");
        task.AddContainer(""web"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx""), Environment = new Dictionary<string, string> { [""DB_PASSWORD""] = {|ECS001:""Tr0ub4dor&3""|} } });", @"
        var task = new FargateTaskDefinition(this, ""Task"");
        task.AddContainer(""web"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx""), Environment = new Dictionary<string, string> { }, Secrets = new Dictionary<string, Amazon.CDK.AWS.ECS.Secret> { [""DB_PASSWORD""] = Amazon.CDK.AWS.ECS.Secret.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(this, ""TODO-DB_PASSWORD"", new SecureStringParameterAttributes { ParameterName = ""/TODO/DB_PASSWORD"" })) } });",
                usings: Usings + "using Amazon.CDK.AWS.SecretsManager;\n");

        [TestMethod]
        [DataRow(@"
        var environment = new Dictionary<string, string> { [""DB_PASSWORD""] = {|ECS001:""Tr0ub4dor&3""|} };
        task.AddContainer(""a"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx""), Environment = environment });", DisplayName = "A dictionary in a variable")]
        [DataRow(@"
        task.AddContainer(""b"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx""), Environment = new Dictionary<string, string> { [""API_TOKEN""] = {|ECS001:""s3cr3t-t0ken-value""|} }, Secrets = Shared() });", DisplayName = "Secrets from a method")]
        [DataRow(@"
        _ = task;", DisplayName = "Only the static method (no construct for the parameter)")]
        public Task NoFixWhereTheEditCouldBreakOtherCode(string body)
        {
            string source = Usings + Fixture.InStack(@"
        var task = new FargateTaskDefinition(this, ""Task"");" + body, @"
    private static IDictionary<string, Secret> Shared() => new Dictionary<string, Secret>();
    private static void Add(TaskDefinition task) => task.AddContainer(""c"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx""), Environment = new Dictionary<string, string> { [""DB_PASSWORD""] = {|ECS001:""Tr0ub4dor&3""|} } });
");
            return new CdkCodeFixTest<TaskDefinitionAnalyzer, MoveEnvironmentToSecretsCodeFix>(source, source).RunAsync();
        }
    }
}
