using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Cdk;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Analyzers.Tests.Support;
using Shipshape.Analyzers.Translation;
using Shipshape.Ecs;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    /// <summary>ECS containers in C# CDK code (L2 AddContainer/ContainerDefinition, L1 CfnTaskDefinition) through the engine's ECS rules.</summary>
    [TestClass]
    public sealed class TaskDefinitionAnalyzerTests
    {
        private const string Usings = "using Amazon.CDK.AWS.ECS;\nusing Amazon.CDK.AWS.SSM;\n";

        private const string Members = @"
    private static string FromConfig(string name) => name;
    private static ContainerDefinitionOptions OptionsFromConfig() => new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx"") };
    private static void Configure(IDictionary<string, string> environment) { }
    private static IParameter Parameter(Construct scope) => StringParameter.FromSecureStringParameterAttributes(scope, ""P"", new SecureStringParameterAttributes { ParameterName = ""/web/db"" });
";

        private static string Stack(string body) => Usings + Fixture.InStack("        var task = new FargateTaskDefinition(this, \"Task\");\n" + body, Members);

        private static Task Run(string body) => CdkAnalyzerTest<TaskDefinitionAnalyzer>.RunAsync(Stack(body));

        [TestMethod]
        public Task PlaintextSecretsInAddContainerEnvironment()
            => Run(@"
        const string Password = ""Tr0ub4dor&3"";
        var token = ""ghp_0123456789abcdefghijABCDEFGHIJ012345"";
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2""),
            Environment = new Dictionary<string, string>
            {
                [""DB_HOST""] = ""db.internal.example.com"",
                [""DB_PASSWORD""] = {|ECS001:""Tr0ub4dor&3""|},
                [""ADMIN_PASSWORD""] = {|ECS001:Password|},
                [""GITHUB""] = {|ECS001:token|},
                [""PASSWORD_MIN_LENGTH""] = ""12"",
                [""DB_PASSWORD_SECRET_ARN""] = ""arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf"",
            },
        });");

        [TestMethod]
        public Task CollectionInitializerAndContainerDefinitionProps()
            => Run(@"
        new ContainerDefinition(this, ""Worker"", new ContainerDefinitionProps
        {
            TaskDefinition = task,
            Image = ContainerImage.FromRegistry(""worker:2.0.1""),
            Environment = new Dictionary<string, string> { { ""BROKER_URL"", {|ECS001:""amqp://worker:s3cr3t-pw@mq.internal:5672/""|} }, { ""QUEUE"", ""jobs"" } },
        });");

        [TestMethod]
        public Task UnknownValuesAreNeverFindings()
            => Run(@"
        string fromParameter = FromConfig(""x"");
        var env = new Dictionary<string, string> { [""API_TOKEN""] = ""s3cr3t-value-123"" };
        Configure(env);
        var changed = new Dictionary<string, string> { [""API_TOKEN""] = ""s3cr3t-value-123"" };
        changed[""OTHER""] = ""x"";
        task.AddContainer(""a"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(FromConfig(""111122223333.dkr.ecr.eu-west-1.amazonaws.com/web"")),
            Environment = new Dictionary<string, string>
            {
                [""DB_PASSWORD""] = FromConfig(""db""),
                [""API_TOKEN""] = fromParameter,
                [""SIGNING_SECRET""] = ""${SigningSecret}"",
                [""EMPTY_PASSWORD""] = """",
            },
        });
        task.AddContainer(""b"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx""), Environment = env });
        task.AddContainer(""c"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx""), Environment = changed });
        task.AddContainer(""d"", OptionsFromConfig());
        task.AddContainer(""e"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx""), Environment = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase) { [""DB_PASSWORD""] = ""hunter2hunter2"" } });");

        [TestMethod]
        public Task UnknownValuesInAMethodParameterAreNeverFindings()
            => CdkAnalyzerTest<TaskDefinitionAnalyzer>.RunAsync(Usings + Fixture.InStack("", @"
    public void Add(TaskDefinition task, string password, string image)
    {
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(image),
            Environment = new Dictionary<string, string> { [""DB_PASSWORD""] = password },
        });
    }
"));

        [TestMethod]
        public Task L2SecretsNeedNoExecutionRoleButDuplicatesAreFound()
            => Run(@"
        var parameter = Parameter(this);
        var secret = Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(this, ""Db"", ""prod/db"");
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2""),
            Environment = new Dictionary<string, string> { [""LOG_LEVEL""] = ""info"", [""DB_USER""] = ""web"", [{|ECS006:""LOG_LEVEL""|}] = ""debug"" },
            Secrets = new Dictionary<string, Secret>
            {
                [{|ECS006:""DB_USER""|}] = Secret.FromSsmParameter(parameter),
                [""DB_PASSWORD""] = Secret.FromSecretsManager(secret, ""password""),
                [""API_KEY""] = Secret.FromSsmParameter(parameter),
                [{|ECS006:""API_KEY""|}] = Secret.FromSsmParameter(parameter),
            },
        });");

        [TestMethod]
        public Task EcrImagesByMutableTagOrMalformedHost()
            => Run(@"
        const string Image = ""111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:latest"";
        task.AddContainer(""a"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry({|ECS007:""111122223333.dkr.ecr.eu-west-1.amazonaws.com/web""|}) });
        task.AddContainer(""b"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry({|ECS007:Image|}) });
        task.AddContainer(""c"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry({|ECS008:""11112222333.dkr.ecr.eu-west-1.amazonaws.com/web:1.0""|}) });
        task.AddContainer(""d"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""111122223333.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"") });
        task.AddContainer(""e"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx:latest"") });
        var image = ContainerImage.FromRegistry({|ECS007:""public.ecr.aws/nginx/nginx""|});
        task.AddContainer(""f"", new ContainerDefinitionOptions { Image = image });");

        [TestMethod]
        public Task DynamicSecretReferenceInEnvironment()
            => Run(@"
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""nginx""),
            Environment = new Dictionary<string, string> { [""DB_PASSWORD""] = {|ECS002:""{{resolve:secretsmanager:prod/db:SecretString:password}}""|} },
        });");

        [TestMethod]
        public Task AddEnvironmentOnAContainer()
            => Run(@"
        var web = task.AddContainer(""web"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx"") });
        web.AddEnvironment(""DB_PASSWORD"", {|ECS001:""Tr0ub4dor&3""|});
        web.AddEnvironment(""STRIPE"", {|ECS001:""sk_live_EXAMPLE00000000000000000""|});
        web.AddEnvironment(""DB_PASSWORD_PARAMETER"", ""/web/prod/db-password"");
        web.AddEnvironment(""API_TOKEN"", FromConfig(""token""));");

        [TestMethod]
        public Task SharedLocalsAreReportedOnceAtTheirFirstUse()
            => Run(@"
        var common = new Dictionary<string, string> { [""SESSION_SECRET""] = {|ECS001:""correct horse battery staple""|} };
        var options = new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry({|ECS007:""111122223333.dkr.ecr.eu-west-1.amazonaws.com/web""|}), Environment = common };
        task.AddContainer(""a"", options);
        task.AddContainer(""b"", options);
        task.AddContainer(""c"", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(""nginx""), Environment = common });");

        [TestMethod]
        public Task CfnTaskDefinitionWithSecretsAndNoExecutionRole()
            => Run(@"
        {|ECS003:new CfnTaskDefinition|}(this, ""L1"", new CfnTaskDefinitionProps
        {
            Family = ""worker"",
            ContainerDefinitions = new[]
            {
                new CfnTaskDefinition.ContainerDefinitionProperty
                {
                    Name = ""worker"",
                    Image = {|ECS007:""111122223333.dkr.ecr.us-east-1.amazonaws.com/worker:latest""|},
                    Environment = new[]
                    {
                        new CfnTaskDefinition.KeyValuePairProperty { Name = ""API_KEY"", Value = {|ECS001:""sk_live_EXAMPLE00000000000000000""|} },
                        new CfnTaskDefinition.KeyValuePairProperty { Name = ""QUEUE"", Value = ""jobs"" },
                    },
                    Secrets = new[]
                    {
                        new CfnTaskDefinition.SecretProperty { Name = ""DB_PASSWORD"", ValueFrom = {|ECS004:""arn:aws:secretsmanager:us-east-1:111122223333:db""|} },
                        new CfnTaskDefinition.SecretProperty { Name = {|ECS006:""API_KEY""|}, ValueFrom = ""/worker/api-key"" },
                    },
                },
            },
        });");

        [TestMethod]
        public Task CfnTaskDefinitionWithAnExecutionRoleOrChangedLater()
            => Run(@"
        var role = new Amazon.CDK.AWS.IAM.Role(this, ""Exec"", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new ServicePrincipal(""ecs-tasks.amazonaws.com"") });
        var secrets = new[] { new CfnTaskDefinition.SecretProperty { Name = ""DB_PASSWORD"", ValueFrom = ""/worker/db"" } };
        new CfnTaskDefinition(this, ""WithRole"", new CfnTaskDefinitionProps
        {
            ExecutionRoleArn = role.RoleArn,
            ContainerDefinitions = new[] { new CfnTaskDefinition.ContainerDefinitionProperty { Name = ""a"", Image = ""nginx"", Secrets = secrets } },
        });
        var later = new CfnTaskDefinition(this, ""Later"", new CfnTaskDefinitionProps
        {
            ContainerDefinitions = new[] { new CfnTaskDefinition.ContainerDefinitionProperty { Name = ""b"", Image = ""nginx"", Secrets = secrets } },
        });
        later.ExecutionRoleArn = role.RoleArn;
        new CfnTaskDefinition(this, ""Unknown"", new CfnTaskDefinitionProps { ContainerDefinitions = FromConfig(""x"") });");

        [TestMethod]
        public void TranslationPinsNamesAndSpans()
        {
            var compilation = Compile.Cdk(Stack(@"
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""nginx:1.27""),
            Environment = new Dictionary<string, string> { [""A""] = ""1"", [""B""] = FromConfig(""b"") },
            Secrets = new Dictionary<string, Secret> { [""C""] = Secret.FromSsmParameter(Parameter(this)) },
        });
        new ContainerDefinition(this, ""Side"", new ContainerDefinitionProps { TaskDefinition = task, ContainerName = ""sidecar"", Image = ContainerImage.FromAsset(""."") });
        new CfnTaskDefinition(this, ""L1"", new CfnTaskDefinitionProps { ContainerDefinitions = new[] { new CfnTaskDefinition.ContainerDefinitionProperty { Name = ""x"" } } });"));
            Compile.AssertNoErrors(compilation);
            var cdk = CdkTypes.Get(compilation)!;
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var actual = new List<string>();
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var operation = model.GetOperation(node);
                if (operation == null) continue;
                var translator = new TaskDefinitionTranslator(cdk, CSharpDocument.For(operation)!);
                EcsTaskDefinition? task = operation switch
                {
                    IInvocationOperation invocation when invocation.TargetMethod.Name == "AddContainer" => translator.AddContainer(invocation),
                    IObjectCreationOperation creation when CdkTypes.Is(creation.Type, cdk.ContainerDefinition) => translator.ContainerDefinition(creation),
                    IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, cdk.CfnTaskDefinition) => translator.CfnTaskDefinition(creation),
                    _ => null,
                };
                if (task != null) actual.Add(task.LogicalId + " " + Compile.Dump(task.Root));
            }
            Assert.AreEqual(string.Join("\n", new[]
            {
                "web {ExecutionRoleArn<AddContainer>=?<AddContainer>, ContainerDefinitions<AddContainer>=[{Name<\"web\">=web<\"web\">, Image<Image>=nginx:1.27<\"nginx:1.27\">, "
                    + "Environment<Environment>=[{Name<\"A\">=A<\"A\">, Value<\"1\">=1<\"1\">}, {Name<\"B\">=B<\"B\">, Value<FromConfig(\"b\")>=?<FromConfig(\"b\")>}], "
                    + "Secrets<Secrets>=[{Name<\"C\">=C<\"C\">, ValueFrom<Secret.FromSsmParameter(Parameter(this))>=?<Secret.FromSsmParameter(Parameter(this))>}]}]}",
                "Side {ExecutionRoleArn<ContainerDefinition>=?<ContainerDefinition>, ContainerDefinitions<ContainerDefinition>=[{Name<ContainerName>=sidecar<\"sidecar\">, Image<Image>=?<ContainerImage.FromAsset(\".\")>}]}",
                "L1 {ContainerDefinitions<ContainerDefinitions>=[{Name<Name>=x<\"x\">}]}",
            }), string.Join("\n", actual));
        }

        [TestMethod]
        public async Task MessagesNeverHoldTheSecret()
        {
            // ECS001 is sensitive: build logs, SARIF files and editors show the message, so it names the variable only.
            string[] secrets = { "Tr0ub4dor&3", "AKIAZ7EXAMPLE4QWERTY", "amqp://worker:s3cr3t-pw@mq.internal:5672/", "ghp_0123456789abcdefghijABCDEFGHIJ012345" };
            var compilation = Compile.Cdk(Stack(@"
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""nginx""),
            Environment = new Dictionary<string, string>
            {
                [""DB_PASSWORD""] = """ + secrets[0] + @""",
                [""UPLOADS""] = """ + secrets[1] + @""",
                [""BROKER""] = """ + secrets[2] + @""",
                [""GITHUB""] = """ + secrets[3] + @""",
            },
        });"));
            Compile.AssertNoErrors(compilation);
            var (diagnostics, exceptions, _) = await AllAnalyzers.RunAsync(compilation, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new TaskDefinitionAnalyzer()));
            Assert.AreEqual(0, exceptions.Count, string.Join("\n", exceptions));
            var ecs001 = diagnostics.Where(d => d.Id == "ECS001").ToList();
            Assert.AreEqual(secrets.Length, ecs001.Count, string.Join("\n", diagnostics));
            foreach (var diagnostic in ecs001)
                foreach (string secret in secrets)
                    Assert.IsFalse(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(secret, StringComparison.Ordinal), diagnostic.ToString());
        }

        [TestMethod]
        public void TheAnalyzerDeclaresTheRulesItsTranslationCompletes()
        {
            var declared = new TaskDefinitionAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();
            CollectionAssert.AreEqual(new[] { "ECS001", "ECS002", "ECS003", "ECS004", "ECS006", "ECS007", "ECS008" }, declared);
            // Every declared rule is an engine rule over task definitions; ECS005 (the role's policies) is the one left out.
            var engine = CdkAnalyzer.DefaultEngine.RuleIdsFor(typeof(EcsTaskDefinition)).OrderBy(i => i, StringComparer.Ordinal).ToList();
            CollectionAssert.AreEqual(engine.Where(i => i != "ECS005").ToList(), declared);
        }

        [TestMethod]
        public Task NothingWithoutTheCdk()
        {
            var test = new CdkAnalyzerTest<TaskDefinitionAnalyzer>(@"
using System.Collections.Generic;
namespace Amazon.CDK.AWS.ECS
{
    public class ContainerDefinitionOptions { public IDictionary<string, string>? Environment { get; set; } }
    public class TaskDefinition { public void AddContainer(string id, ContainerDefinitionOptions props) { } }
}
namespace App
{
    using Amazon.CDK.AWS.ECS;
    public static class Program
    {
        public static void Main() => new TaskDefinition().AddContainer(""web"", new ContainerDefinitionOptions { Environment = new Dictionary<string, string> { [""DB_PASSWORD""] = ""hunter2hunter2"" } });
    }
}", withCdk: false);
            return test.RunAsync();
        }
    }
}
