using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Shipshape.AnalyzerBench
{
    /// <summary>
    /// Writes a C# CDK app (Amazon.CDK.Lib 2.160.0, Constructs 10.0.5) of many stack files, each with the constructs
    /// our analyzers look at: ECR repositories (L2 and L1) with policies and grants, IAM roles and policy statements,
    /// KMS keys, ECS clusters and Fargate task definitions with containers (L2 and L1), EKS clusters (L2 and L1). About one file in
    /// ten has a finding, as a real app might. The app builds with or without our analyzers: passing
    /// <c>-p:ShipshapeAnalyzerPath=folder</c> adds the assemblies of that folder as Analyzer items.
    /// </summary>
    internal static class CdkAppGenerator
    {
        public static int Run(string[] args)
        {
            if (args.Length < 1)
            {
                Console.Error.WriteLine("usage: generate <folder> [stack-files (default 40)]");
                return 2;
            }
            string folder = Path.GetFullPath(args[0]);
            int stacks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
            Directory.CreateDirectory(Path.Combine(folder, "Stacks"));
            File.WriteAllText(Path.Combine(folder, "CdkBench.csproj"), Project);
            File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), BuildProps);
            File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), BuildTargets);
            File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(folder, "Program.cs"), ProgramFile(stacks));
            int constructs = 0;
            for (int i = 0; i < stacks; i++)
            {
                string code = Stack(i, out int count);
                constructs += count;
                File.WriteAllText(Path.Combine(folder, "Stacks", "Service" + i.ToString("D3", CultureInfo.InvariantCulture) + "Stack.cs"), code);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stacks + 1} C# files, {constructs} constructs in {folder}"));
            return 0;
        }

        private const string Project = @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>Bench.Services</RootNamespace>
    <Nullable>enable</Nullable>
    <!-- CDK constructs are created for their side effect on the construct tree. -->
    <NoWarn>$(NoWarn);CA1806</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""Amazon.CDK.Lib"" Version=""2.160.0"" />
    <PackageReference Include=""Constructs"" Version=""10.0.5"" />
  </ItemGroup>
</Project>
";

        // Stops MSBuild from importing any Directory.Build.* or central package versions from the folders above.
        private const string BuildProps = @"<Project>
  <PropertyGroup>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
</Project>
";

        private const string BuildTargets = @"<Project>
  <!-- Our analyzers, as a package would add them (analyzers/dotnet/cs holds these four assemblies), when a folder is given. -->
  <ItemGroup Condition=""'$(ShipshapeAnalyzerPath)' != ''"">
    <Analyzer Include=""$([MSBuild]::EnsureTrailingSlash('$(ShipshapeAnalyzerPath)'))Shipshape.Analyzers.dll"" />
    <Analyzer Include=""$([MSBuild]::EnsureTrailingSlash('$(ShipshapeAnalyzerPath)'))Shipshape.Analyzers.CodeFixes.dll"" />
    <Analyzer Include=""$([MSBuild]::EnsureTrailingSlash('$(ShipshapeAnalyzerPath)'))Shipshape.Core.dll"" />
    <Analyzer Include=""$([MSBuild]::EnsureTrailingSlash('$(ShipshapeAnalyzerPath)'))YamlDotNet.dll"" />
  </ItemGroup>
  <!-- The compiler's references, for the in-process profiler (shipshape-analyzer-bench profile). -->
  <Target Name=""WriteBenchReferences"" AfterTargets=""FindReferenceAssembliesForReferences"">
    <WriteLinesToFile File=""$(MSBuildProjectDirectory)/obj/bench-references.txt"" Lines=""@(ReferencePathWithRefAssemblies->'%(FullPath)')"" Overwrite=""true"" WriteOnlyWhenDifferent=""true"" />
  </Target>
</Project>
";

        private static string ProgramFile(int stacks)
        {
            var code = new StringBuilder();
            code.Append("using Amazon.CDK;\n\nnamespace Bench.Services\n{\n    public static class Program\n    {\n        public static void Main()\n        {\n            var app = new App();\n");
            for (int i = 0; i < stacks; i++)
                code.Append(CultureInfo.InvariantCulture, $"            _ = new Service{i:D3}Stack(app, \"Service{i:D3}\");\n");
            code.Append("            app.Synth();\n        }\n    }\n}\n");
            return code.ToString();
        }

        /// <summary>One stack file; <paramref name="constructs"/> counts the constructs it creates (nested containers and imports included).</summary>
        private static string Stack(int i, out int constructs)
        {
            bool finding = i % 10 == 7;
            string n = i.ToString("D3", CultureInfo.InvariantCulture);
            var code = new StringBuilder();
            code.Append(CultureInfo.InvariantCulture, $@"using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SSM;
using Constructs;
using Ecs = Amazon.CDK.AWS.ECS;
using Eks = Amazon.CDK.AWS.EKS;

namespace Bench.Services
{{
    /// <summary>Service {n}: its image repository, task definition and cluster.</summary>
    public sealed class Service{n}Stack : Stack
    {{
        private const string CiAccount = ""111122223333"";
        private const string ServiceName = ""team{n}/service"";

        public Service{n}Stack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {{
            var repository = new Repository(this, ""Repository"", new RepositoryProps
            {{
                RepositoryName = ServiceName,
                ImageScanOnPush = true,
                ImageTagMutability = TagMutability.IMMUTABLE,
                {(finding ? "Encryption = RepositoryEncryption.AES_256," : "Encryption = RepositoryEncryption.KMS,\n                EncryptionKey = new Key(this, \"RepositoryKey\", new KeyProps { EnableKeyRotation = true }),")}
                LifecycleRules = new ILifecycleRule[] {{ new LifecycleRule {{ MaxImageCount = {10 + i % 20} }} }},
            }});
            repository.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {{
                Sid = ""CiPull"",
                Principals = new IPrincipal[] {{ new AccountPrincipal(CiAccount) }},
                Actions = new[] {{ ""ecr:BatchGetImage"", {(finding ? "\"ecr:GetDownloadUrlForLayers\"" : "\"ecr:GetDownloadUrlForLayer\"")} }},
            }}));
            repository.GrantPull(new ServicePrincipal(""codebuild.amazonaws.com""));

            var taskRole = new Role(this, ""TaskRole"", new RoleProps {{ AssumedBy = new ServicePrincipal(""ecs-tasks.amazonaws.com"") }});
            taskRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {{
                Actions = new[] {{ ""s3:GetObject"", ""s3:ListBucket"" }},
                Resources = new[] {{ ""arn:aws:s3:::bucket-{n}"", ""arn:aws:s3:::bucket-{n}/*"" }},
            }}));
            var queue = new PolicyStatement();
            queue.AddActions(""sqs:SendMessage"", ""sqs:ReceiveMessage"", ""sqs:DeleteMessage"");
            queue.AddResources(""arn:aws:sqs:eu-west-1:111122223333:queue-{n}"");
            taskRole.AddToPolicy(queue);

            var cluster = new Ecs.Cluster(this, ""Cluster"", new Ecs.ClusterProps {{ ContainerInsights = true }});
            var task = new Ecs.FargateTaskDefinition(this, ""Task"", new Ecs.FargateTaskDefinitionProps
            {{
                Cpu = 256,
                MemoryLimitMiB = 512,
                TaskRole = taskRole,
            }});
            var database = StringParameter.FromSecureStringParameterAttributes(this, ""DatabasePassword"", new SecureStringParameterAttributes
            {{
                ParameterName = ""/service-{n}/database-password"",
            }});
            task.AddContainer(""app"", new Ecs.ContainerDefinitionOptions
            {{
                Image = Ecs.ContainerImage.FromEcrRepository(repository, ""v{i % 7}""),
                Environment = new Dictionary<string, string>
                {{
                    [""STAGE""] = ""production"",
                    [""LOG_LEVEL""] = ""info"",
                    [{(finding ? "\"DATABASE_PASSWORD\"] = \"hunter2-not-a-secret\"" : "\"QUEUE_NAME\"] = \"queue-" + n + "\"")},
                }},
                Secrets = new Dictionary<string, Ecs.Secret> {{ [""DB_PASSWORD""] = Ecs.Secret.FromSsmParameter(database) }},
                Logging = Ecs.LogDrivers.AwsLogs(new Ecs.AwsLogDriverProps {{ StreamPrefix = ""app"" }}),
                ReadonlyRootFilesystem = true,
                MemoryLimitMiB = 384,
            }});
            task.AddContainer(""collector"", new Ecs.ContainerDefinitionOptions
            {{
                Image = Ecs.ContainerImage.FromRegistry(""public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0""),
                Essential = false,
                MemoryLimitMiB = 128,
            }});
            _ = cluster.ClusterArn;
");
            // Repository (and its key), role, cluster (and its default VPC), task definition, two containers, parameter import.
            constructs = finding ? 8 : 9;
            if (i % 3 == 0)
            {
                code.Append(CultureInfo.InvariantCulture, $@"
            _ = new CfnRepository(this, ""Mirror"", new CfnRepositoryProps
            {{
                RepositoryName = ""mirror-{n}"",
                ImageTagMutability = ""IMMUTABLE"",
                ImageScanningConfiguration = new CfnRepository.ImageScanningConfigurationProperty {{ ScanOnPush = true }},
                EncryptionConfiguration = new CfnRepository.EncryptionConfigurationProperty {{ EncryptionType = ""KMS"" }},
            }});
");
                constructs++;
            }
            if (i % 4 == 1)
            {
                code.Append(CultureInfo.InvariantCulture, $@"
            _ = new Eks.Cluster(this, ""Kubernetes"", new Eks.ClusterProps
            {{
                Version = Eks.KubernetesVersion.Of(""1.30""),
                ClusterLogging = new[] {{ Eks.ClusterLoggingTypes.API, Eks.ClusterLoggingTypes.AUDIT, Eks.ClusterLoggingTypes.AUTHENTICATOR }},
                EndpointAccess = Eks.EndpointAccess.PRIVATE,
            }});
");
                constructs++;
            }
            if (i % 5 == 2)
            {
                code.Append(CultureInfo.InvariantCulture, $@"
            _ = new Eks.CfnCluster(this, ""KubernetesL1"", new Eks.CfnClusterProps
            {{
                RoleArn = ""arn:aws:iam::111122223333:role/eks-{n}"",
                ResourcesVpcConfig = new Eks.CfnCluster.ResourcesVpcConfigProperty {{ SubnetIds = new[] {{ ""subnet-0a{n}"", ""subnet-0b{n}"" }}, EndpointPublicAccess = false, EndpointPrivateAccess = true }},
                Logging = new Eks.CfnCluster.LoggingProperty
                {{
                    ClusterLogging = new Eks.CfnCluster.ClusterLoggingProperty
                    {{
                        EnabledTypes = new[] {{ new Eks.CfnCluster.LoggingTypeConfigProperty {{ Type = ""api"" }}, new Eks.CfnCluster.LoggingTypeConfigProperty {{ Type = ""audit"" }} }},
                    }},
                }},
            }});
");
                constructs++;
            }
            if (i % 5 == 4)
            {
                code.Append(CultureInfo.InvariantCulture, $@"
            _ = new Ecs.CfnTaskDefinition(this, ""TaskL1"", new Ecs.CfnTaskDefinitionProps
            {{
                Family = ""service-{n}"",
                ExecutionRoleArn = ""arn:aws:iam::111122223333:role/execution-{n}"",
                ContainerDefinitions = new[]
                {{
                    new Ecs.CfnTaskDefinition.ContainerDefinitionProperty
                    {{
                        Name = ""app"",
                        Image = ""111122223333.dkr.ecr.eu-west-1.amazonaws.com/team{n}/service:v1"",
                        Environment = new[] {{ new Ecs.CfnTaskDefinition.KeyValuePairProperty {{ Name = ""STAGE"", Value = ""production"" }} }},
                        Secrets = new[] {{ new Ecs.CfnTaskDefinition.SecretProperty {{ Name = ""DB_PASSWORD"", ValueFrom = ""arn:aws:ssm:eu-west-1:111122223333:parameter/service-{n}/db"" }} }},
                    }},
                }},
            }});
");
                constructs++;
            }
            code.Append("        }\n    }\n}\n");
            return code.ToString();
        }
    }
}
