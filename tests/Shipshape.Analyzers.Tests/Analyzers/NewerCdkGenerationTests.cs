using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.CodeFixes;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    /// <summary>
    /// The analyzers on the Amazon.CDK.Lib 2.277 generation (through <see cref="Cdk2277StandIn"/>, since the real 2.277 does
    /// not restore here): <c>EncryptionKey</c> typed <c>IKeyRef</c>, <c>KMS_DSSE</c>, the <c>*_WITH_EXCLUSION</c> tag
    /// mutabilities, the new container options and <c>SecretsEncryptionKey</c> typed <c>IKeyRef</c>. Types are matched by
    /// fully qualified name, so the same analyzers must read both generations alike.
    /// </summary>
    [TestClass]
    public sealed class NewerCdkGenerationTests
    {
        private const string Usings =
            "using System.Collections.Generic;\n" +
            "using Amazon.CDK;\n" +
            "using Amazon.CDK.AWS.ECR;\n" +
            "using Amazon.CDK.Interfaces.KMS;\n" +
            "using Constructs;\n";

        /// <summary>A stack whose method <c>Add(IKeyRef key)</c> holds <paramref name="body"/>: the key is of the 2.277 type itself.</summary>
        private static string InStack(string body, string usings = "", string members = "")
            => Usings + usings +
               "\npublic class AppStack : Stack\n{\n" +
               "    public AppStack(Construct scope, string id) : base(scope, id)\n    {\n    }\n\n" + members +
               "    public void Add(IKeyRef key)\n    {\n" + body + "\n    }\n}\n";

        private static Task Verify<TAnalyzer>(string source, params DiagnosticResult[] expected)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        {
            var test = new CdkAnalyzerTest<TAnalyzer>(source, references: Cdk2277StandIn.WithCdk);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>Every other repository setting compliant, so only the one under test can be reported.</summary>
        private const string Compliant = "ImageScanOnPush = true, LifecycleRules = new[] { new LifecycleRule { MaxImageCount = 10 } }";

        /// <summary>The 2.277 types 2.160 does not have.</summary>
        private static readonly HashSet<string> NewTypes = new(StringComparer.Ordinal)
        {
            "Amazon.CDK.Interfaces.KMS.IKeyRef",
            "Amazon.CDK.AWS.ECR.ImageTagMutabilityExclusionFilter",
            "Amazon.CDK.AWS.ECS.VersionConsistency",
        };

        /// <summary>The 2.277 members 2.160 does not have.</summary>
        private static readonly HashSet<string> NewMembers = new(StringComparer.Ordinal)
        {
            "Amazon.CDK.AWS.ECR.RepositoryProps.ImageTagMutabilityExclusionFilters",
            "Amazon.CDK.AWS.ECR.RepositoryEncryption.KMS_DSSE",
            "Amazon.CDK.AWS.ECR.TagMutability.IMMUTABLE_WITH_EXCLUSION",
            "Amazon.CDK.AWS.ECR.TagMutability.MUTABLE_WITH_EXCLUSION",
            "Amazon.CDK.AWS.ECS.ContainerDefinitionOptions.EnableRestartPolicy",
            "Amazon.CDK.AWS.ECS.ContainerDefinitionOptions.RestartAttemptPeriod",
            "Amazon.CDK.AWS.ECS.ContainerDefinitionOptions.RestartIgnoredExitCodes",
            "Amazon.CDK.AWS.ECS.ContainerDefinitionOptions.VersionConsistency",
            "Amazon.CDK.AWS.ECS.LogDrivers.None",
        };

        /// <summary>The members whose type changed in 2.277 (cdk-api.md), with their 2.277 type.</summary>
        private static readonly Dictionary<string, string> ChangedTypes = new(StringComparer.Ordinal)
        {
            ["Amazon.CDK.AWS.ECR.RepositoryProps.EncryptionKey"] = "global::Amazon.CDK.Interfaces.KMS.IKeyRef?",
            ["Amazon.CDK.AWS.EKS.ClusterProps.SecretsEncryptionKey"] = "global::Amazon.CDK.Interfaces.KMS.IKeyRef?",
        };

        private static readonly SymbolDisplayFormat Exact = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat Signature = Exact
            .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeModifiers)
            .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue);

        /// <summary>
        /// The stand-in is only as good as its likeness: every type and member it shares with 2.160 has the real 2.160 kind,
        /// base, type and nullability (read here from the real assembly), and whatever differs is one of the 2.277 changes
        /// listed in cdk-api.md.
        /// </summary>
        [TestMethod]
        public void StandInMatchesTheReal2160ExceptTheListed2277Changes()
        {
            var real = Compile.Cdk("");
            var standInCompilation = Cdk2277StandIn.Compile("");
            var standIn = standInCompilation.References.Select(standInCompilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Single(a => a.Name == "Amazon.CDK.Lib");
            Assert.AreEqual(new Version(2, 277, 0, 0), standIn.Identity.Version);
            var problems = new List<string>();
            int compared = 0;
            foreach (var type in Types(standIn.GlobalNamespace))
            {
                string name = type.ToDisplayString();
                var twin = real.GetTypeByMetadataName(name);
                if (twin == null)
                {
                    if (!NewTypes.Contains(name)) problems.Add(name + ": not in 2.160 and not a listed 2.277 type");
                    continue;
                }
                if (type.TypeKind != twin.TypeKind || type.IsAbstract != twin.IsAbstract)
                    problems.Add(name + ": " + type.TypeKind + (type.IsAbstract ? " abstract" : "") + " here, " + twin.TypeKind + (twin.IsAbstract ? " abstract" : "") + " in 2.160");
                if (type.BaseType != null && type.TypeKind == TypeKind.Class && !Ancestors(twin).Any(b => SameName(b, type.BaseType)))
                    problems.Add(name + ": base " + type.BaseType + " is not a base of the 2.160 type");
                foreach (var iface in type.AllInterfaces)
                    if (!twin.AllInterfaces.Any(i => SameName(i, iface))) problems.Add(name + ": implements " + iface + ", 2.160 does not");
                foreach (var member in type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m.DeclaredAccessibility == Accessibility.Public && !(m is IMethodSymbol { AssociatedSymbol: not null })))
                {
                    compared++;
                    string memberName = name + "." + member.Name;
                    var twins = Ancestors(twin).SelectMany(t => t.GetMembers(member.Name)).Where(m => m.DeclaredAccessibility == Accessibility.Public).ToList();
                    if (twins.Count == 0)
                    {
                        if (!NewMembers.Contains(memberName) && member.Name != ".ctor") problems.Add(memberName + ": not in 2.160 and not a listed 2.277 member");
                        continue;
                    }
                    if (NewMembers.Contains(memberName)) problems.Add(memberName + ": listed as new in 2.277, but 2.160 has it");
                    string? problem = Compare(member, twins, ChangedTypes.TryGetValue(memberName, out string? changed) ? changed : null);
                    if (problem != null) problems.Add(memberName + ": " + problem);
                }
            }
            Assert.IsTrue(compared > 40, "compared only " + compared + " members");
            Assert.AreEqual("", string.Join("\n", problems));
        }

        private static string? Compare(ISymbol member, List<ISymbol> twins, string? changedType)
        {
            switch (member)
            {
                case IPropertySymbol property:
                {
                    var twin = twins.OfType<IPropertySymbol>().FirstOrDefault();
                    if (twin == null) return "a property here, not in 2.160";
                    string here = property.Type.ToDisplayString(Exact), there = twin.Type.ToDisplayString(Exact);
                    if (property.IsStatic != twin.IsStatic) return "static differs";
                    if (changedType != null) return here == changedType && there != here ? null : "typed " + here + " (2.160: " + there + "), the 2.277 type is " + changedType;
                    return here == there ? null : "typed " + here + ", 2.160 " + there;
                }
                case IFieldSymbol field:
                {
                    var twin = twins.OfType<IFieldSymbol>().FirstOrDefault();
                    return twin != null && Equals(field.ConstantValue, twin.ConstantValue) ? null : "value " + field.ConstantValue + ", 2.160 " + twin?.ConstantValue;
                }
                case IMethodSymbol method:
                {
                    // Trailing optional parameters of 2.160 may be left out here.
                    bool matches = twins.OfType<IMethodSymbol>().Any(t => t.IsStatic == method.IsStatic
                        && (method.MethodKind == MethodKind.Constructor || t.ReturnType.ToDisplayString(Exact) == method.ReturnType.ToDisplayString(Exact))
                        && t.Parameters.Length >= method.Parameters.Length
                        && method.Parameters.Select((p, i) => p.Type.ToDisplayString(Exact) == t.Parameters[i].Type.ToDisplayString(Exact) && p.IsOptional == t.Parameters[i].IsOptional).All(b => b)
                        && t.Parameters.Skip(method.Parameters.Length).All(p => p.IsOptional));
                    return matches ? null : "no 2.160 overload " + method.ToDisplayString(Signature) + " (2.160: " + string.Join("; ", twins.Select(t => t.ToDisplayString(Signature))) + ")";
                }
                default:
                    return "a " + member.Kind + ", not compared";
            }
        }

        private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
        {
            foreach (var type in ns.GetTypeMembers()) yield return type;
            foreach (var inner in ns.GetNamespaceMembers())
                foreach (var type in Types(inner)) yield return type;
        }

        private static IEnumerable<INamedTypeSymbol> Ancestors(INamedTypeSymbol type)
        {
            for (var t = type; t != null; t = t.BaseType) yield return t;
        }

        private static bool SameName(ITypeSymbol a, ITypeSymbol b) => a.ToDisplayString() == b.ToDisplayString();

        [TestMethod]
        public Task AnIKeyRefEncryptionKeyMeansKms()
            => Verify<RepositoryAnalyzer>(InStack(@"
        new Repository(this, ""KeyOnly"", new RepositoryProps { EncryptionKey = key, ImageTagMutability = TagMutability.IMMUTABLE, " + Compliant + @" });
        new Repository(this, ""Kms"", new RepositoryProps { Encryption = RepositoryEncryption.KMS, EncryptionKey = key, ImageTagMutability = TagMutability.IMMUTABLE, " + Compliant + @" });
        new Repository(this, ""Aes"", new RepositoryProps { Encryption = {|ECR010:RepositoryEncryption.AES_256|}, ImageTagMutability = TagMutability.IMMUTABLE, " + Compliant + @" });"));

        [TestMethod]
        public Task KmsDsseIsKmsEncryption()
            => Verify<RepositoryAnalyzer>(InStack(@"
        new Repository(this, ""Dsse"", new RepositoryProps { Encryption = RepositoryEncryption.KMS_DSSE, EncryptionKey = key, ImageTagMutability = TagMutability.IMMUTABLE, " + Compliant + @" });
        new Repository(this, ""DsseAwsKey"", new RepositoryProps { Encryption = {|ECR011:RepositoryEncryption.KMS_DSSE|}, ImageTagMutability = TagMutability.IMMUTABLE, " + Compliant + @" });"));

        [TestMethod]
        public Task TagMutabilityWithExclusions()
            => Verify<RepositoryAnalyzer>(InStack(@"
        new Repository(this, ""Immutable"", new RepositoryProps
        {
            EncryptionKey = key,
            ImageTagMutability = TagMutability.IMMUTABLE_WITH_EXCLUSION,
            ImageTagMutabilityExclusionFilters = new[] { ImageTagMutabilityExclusionFilter.Wildcard(""latest"") },
            " + Compliant + @",
        });
        new Repository(this, ""Mutable"", new RepositoryProps
        {
            EncryptionKey = key,
            ImageTagMutability = TagMutability.MUTABLE_WITH_EXCLUSION,
            ImageTagMutabilityExclusionFilters = new[] { ImageTagMutabilityExclusionFilter.Wildcard(""release-*"") },
            " + Compliant + @",
        });"),
                new DiagnosticResult("ECR014", DiagnosticSeverity.Warning).WithSpan(26, 34, 26, 70)
                    .WithArguments("Repository 'Mutable' has ImageTagMutability MUTABLE_WITH_EXCLUSION (only tags matching its exclusion filters are immutable), "
                        + "so a tag can be pushed again to point at a different image. Set ImageTagMutability to IMMUTABLE, or IMMUTABLE_WITH_EXCLUSION with "
                        + "exclusion filters for the few tags that must move (such as latest)."));

        [TestMethod]
        public Task ContainerWithThe2277OptionsStillReportsPlaintextSecrets()
            => Verify<TaskDefinitionAnalyzer>(InStack(@"
        var task = new FargateTaskDefinition(this, ""Task"");
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2""),
            EnableRestartPolicy = true,
            RestartAttemptPeriod = Duration.Seconds(60),
            RestartIgnoredExitCodes = new double[] { 0, 137 },
            VersionConsistency = VersionConsistency.DISABLED,
            Logging = LogDrivers.None(),
            Environment = new Dictionary<string, string>
            {
                [""DB_HOST""] = ""db.internal.example.com"",
                [""DB_PASSWORD""] = {|ECS001:""Tr0ub4dor&3""|},
            },
            Secrets = new Dictionary<string, Secret> { [{|ECS006:""DB_HOST""|}] = Secret.FromSsmParameter(Parameter()) },
        });", usings: "using Amazon.CDK.AWS.ECS;\n", members: "    private static Amazon.CDK.AWS.SSM.IParameter Parameter() => null!;\n\n"));

        private const string ClusterUsings = "using Amazon.CDK.AWS.EKS;\n";

        [TestMethod]
        public Task ClusterWithAnIKeyRefSecretsKeyStillReportsLogging()
            => Verify<EksClusterAnalyzer>(InStack(@"
        {|EKS001:new Cluster|}(this, ""NoLogs"", new ClusterProps { Version = KubernetesVersion.V1_29, SecretsEncryptionKey = key });
        new Cluster(this, ""SomeLogs"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            SecretsEncryptionKey = key,
            ClusterLogging = {|EKS002:new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT }|},
        });
        new Cluster(this, ""AllLogs"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            SecretsEncryptionKey = key,
            ClusterLogging = [ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR, ClusterLoggingTypes.CONTROLLER_MANAGER, ClusterLoggingTypes.SCHEDULER],
        });", ClusterUsings));

        /// <summary>C# that compiles on both generations: what the analyzers report must not depend on the generation.</summary>
        private const string BothGenerations = @"using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Constructs;

public class AppStack : Stack
{
    public AppStack(Construct scope, string id) : base(scope, id)
    {
        new Repository(this, ""Defaults"");
        new Repository(this, ""Insecure"", new RepositoryProps { Encryption = RepositoryEncryption.AES_256, ImageScanOnPush = false, ImageTagMutability = TagMutability.MUTABLE });
        new Repository(this, ""AwsKey"", new RepositoryProps { Encryption = RepositoryEncryption.KMS, ImageTagMutability = TagMutability.IMMUTABLE });
        var later = new Repository(this, ""Later"");
        later.AddLifecycleRule(new LifecycleRule { MaxImageCount = 10 });
        var task = new FargateTaskDefinition(this, ""Task"");
        var web = task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:latest""),
            Environment = new Dictionary<string, string> { [""DB_PASSWORD""] = ""Tr0ub4dor&3"", [""LOG_LEVEL""] = ""info"" },
        });
        web.AddEnvironment(""API_TOKEN"", ""ghp_0123456789abcdefghijABCDEFGHIJ012345"");
        new Amazon.CDK.AWS.EKS.Cluster(this, ""NoLogs"", new Amazon.CDK.AWS.EKS.ClusterProps { Version = Amazon.CDK.AWS.EKS.KubernetesVersion.V1_29 });
        new Amazon.CDK.AWS.EKS.Cluster(this, ""SomeLogs"", new Amazon.CDK.AWS.EKS.ClusterProps
        {
            Version = Amazon.CDK.AWS.EKS.KubernetesVersion.V1_29,
            ClusterLogging = new[] { Amazon.CDK.AWS.EKS.ClusterLoggingTypes.API },
        });
    }
}
";

        [TestMethod]
        public async Task TheSameCodeReportsTheSameOnBothGenerations()
        {
            var on2160 = await Findings(Compile.Cdk(BothGenerations));
            var on2277 = await Findings(Cdk2277StandIn.Compile(BothGenerations));
            // Not vacuous: every rule the fixture is written to trigger is there.
            foreach (string id in new[] { "ECR010", "ECR011", "ECR013", "ECR014", "ECR015", "ECS001", "ECS007", "EKS001", "EKS002" })
                Assert.IsTrue(on2160.Any(f => f.StartsWith(id + " ", StringComparison.Ordinal)), id + " missing on 2.160:\n" + string.Join("\n", on2160));
            Assert.AreEqual(string.Join("\n", on2160), string.Join("\n", on2277));
        }

        /// <summary>Every shipped analyzer over <paramref name="compilation"/>: its findings as <c>ID (line,col)-(line,col): message</c>; no compile error, no analyzer exception.</summary>
        private static async Task<List<string>> Findings(Compilation compilation)
        {
            Compile.AssertNoErrors(compilation);
            var (diagnostics, exceptions, _) = await AllAnalyzers.RunAsync(compilation, AllAnalyzers.Shipped());
            Assert.AreEqual(0, exceptions.Count, string.Join("\n", exceptions));
            Assert.IsFalse(diagnostics.Any(d => d.Id == "AD0001"), string.Join("\n", diagnostics));
            return diagnostics
                .Where(d => !d.Id.StartsWith("CS", StringComparison.Ordinal))
                .Select(d => d.Id + " " + d.Location.GetLineSpan().Span + ": " + d.GetMessage())
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
        }

        [TestMethod]
        public async Task NoAnalyzerExceptionOnThe2277Shapes()
        {
            // Every construct of the stand-in, the 2.277 members set, and half-typed variants of them.
            string[] bodies =
            {
                @"new Repository(this, ""A"", new RepositoryProps { EncryptionKey = key, Encryption = RepositoryEncryption.KMS_DSSE, ImageTagMutability = TagMutability.MUTABLE_WITH_EXCLUSION, ImageTagMutabilityExclusionFilters = new[] { ImageTagMutabilityExclusionFilter.Wildcard(""x"") } });",
                @"new Repository(this, ""A"", new RepositoryProps { EncryptionKey = , ImageTagMutabilityExclusionFilters = [ImageTagMutabilityExclusionFilter.Wildcard(], ImageTagMutability = (TagMutability)9 });",
                @"new Repository(this, ""A"", new RepositoryProps { ImageTagMutabilityExclusionFilters = null, EncryptionKey = null, Encryption = RepositoryEncryption. });",
                @"var t = new Amazon.CDK.AWS.ECS.FargateTaskDefinition(this, ""T""); t.AddContainer(""c"", new Amazon.CDK.AWS.ECS.ContainerDefinitionOptions { RestartIgnoredExitCodes = [1, ], VersionConsistency = , Logging = Amazon.CDK.AWS.ECS.LogDrivers.None(, Environment = new Dictionary<string, string> { [""PASSWORD""] = ""hunter2hunter2"" } });",
                @"new Amazon.CDK.AWS.EKS.Cluster(this, ""C"", new Amazon.CDK.AWS.EKS.ClusterProps { SecretsEncryptionKey = key, ClusterLogging = new[] { Amazon.CDK.AWS.EKS.ClusterLoggingTypes. } });",
                @"new Amazon.CDK.AWS.EKS.Cluster(this, ""C"", new Amazon.CDK.AWS.EKS.ClusterProps { SecretsEncryptionKey = 3 });",
            };
            foreach (string body in bodies)
            {
                var compilation = Cdk2277StandIn.Compile(InStack(body));
                var (diagnostics, exceptions, _) = await AllAnalyzers.RunAsync(compilation, AllAnalyzers.Create());
                Assert.AreEqual(0, exceptions.Count, body + "\n" + string.Join("\n", exceptions));
                Assert.IsFalse(diagnostics.Any(d => d.Id == "AD0001"), body);
            }
        }

        /// <summary>The real rules: ECR015 (no lifecycle rules) has no fix, and KMS without a key is ECR011 (the AWS-managed key).</summary>
        private static Task RunRepositoryFix(string before, string after, int iterations)
            => new CdkCodeFixTest<RepositoryAnalyzer, SetRepositoryPropsCodeFix>(InStack(before), InStack(after), Cdk2277StandIn.WithCdk)
            {
                // One fix per rule: fix-all works per rule ID, so several rules take several passes.
                NumberOfIncrementalIterations = iterations,
                NumberOfFixAllIterations = -iterations,
            }.RunAsync();

        [TestMethod]
        public Task RepositorySettingsFixesCompileOnThe2277Generation()
            => RunRepositoryFix(@"
        {|ECR013:{|ECR015:new Repository|}|}(this, ""Web"", new RepositoryProps
        {
            EncryptionKey = key,
            Encryption = {|ECR010:RepositoryEncryption.AES_256|},
            ImageTagMutability = {|ECR014:TagMutability.MUTABLE_WITH_EXCLUSION|},
        });", @"
        {|ECR015:new Repository|}(this, ""Web"", new RepositoryProps
        {
            EncryptionKey = key,
            Encryption = RepositoryEncryption.KMS,
            ImageTagMutability = TagMutability.IMMUTABLE,
            ImageScanOnPush = true,
        });", iterations: 3);

        [TestMethod]
        public Task PropsAreAddedOnThe2277Generation()
            => RunRepositoryFix(@"
        {|ECR010:{|ECR013:{|ECR014:{|ECR015:new Repository|}|}|}|}(this, ""Bare"");", @"
        {|ECR015:new Repository|}(this, ""Bare"", new RepositoryProps { Encryption = {|ECR011:RepositoryEncryption.KMS|}, ImageScanOnPush = true, ImageTagMutability = TagMutability.IMMUTABLE });", iterations: 3);

        /// <summary>The container of <see cref="ContainerWithThe2277OptionsStillReportsPlaintextSecrets"/>: ECS001's fix moves the entry to <c>Secrets</c>.</summary>
        [TestMethod]
        public Task MoveToSecretsFixCompilesOnThe2277Generation()
            => new CdkCodeFixTest<TaskDefinitionAnalyzer, MoveEnvironmentToSecretsCodeFix>(InStack(@"
        var task = new FargateTaskDefinition(this, ""Task"");
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""nginx""),
            EnableRestartPolicy = true,
            RestartAttemptPeriod = Duration.Seconds(60),
            VersionConsistency = VersionConsistency.DISABLED,
            Logging = LogDrivers.None(),
            Environment = new Dictionary<string, string>
            {
                [""DB_HOST""] = ""db.internal"",
                [""DB_PASSWORD""] = {|ECS001:""Tr0ub4dor&3""|},
            },
        });", usings: "using Amazon.CDK.AWS.ECS;\n"), InStack(@"
        var task = new FargateTaskDefinition(this, ""Task"");
        task.AddContainer(""web"", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(""nginx""),
            EnableRestartPolicy = true,
            RestartAttemptPeriod = Duration.Seconds(60),
            VersionConsistency = VersionConsistency.DISABLED,
            Logging = LogDrivers.None(),
            Environment = new Dictionary<string, string>
            {
                [""DB_HOST""] = ""db.internal"",
            },
            Secrets = new Dictionary<string, Secret> { [""DB_PASSWORD""] = Secret.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(this, ""TODO-DB_PASSWORD"", new SecureStringParameterAttributes { ParameterName = ""/TODO/DB_PASSWORD"" })) },
        });", usings: "using Amazon.CDK.AWS.ECS;\nusing Amazon.CDK.AWS.SSM;\n"), Cdk2277StandIn.WithCdk).RunAsync();

        /// <summary>
        /// With exclusion filters, <c>IMMUTABLE</c> would not deploy (filters go only with a <c>*_WITH_EXCLUSION</c> mutability),
        /// and which tags stay mutable is the author's call: ECR014 is reported, no fix is offered.
        /// </summary>
        [TestMethod]
        public Task NoTagMutabilityFixWhenExclusionFiltersAreSet()
        {
            string source = InStack(@"
        new Repository(this, ""Web"", new RepositoryProps
        {
            EncryptionKey = key,
            ImageTagMutability = {|ECR014:TagMutability.MUTABLE_WITH_EXCLUSION|},
            ImageTagMutabilityExclusionFilters = new[] { ImageTagMutabilityExclusionFilter.Wildcard(""release-*"") },
            " + Compliant + @",
        });");
            return new CdkCodeFixTest<RepositoryAnalyzer, SetRepositoryPropsCodeFix>(source, source, Cdk2277StandIn.WithCdk).RunAsync();
        }

        [TestMethod]
        public Task ClusterLoggingFixCompilesOnThe2277Generation()
            => new CdkCodeFixTest<EksClusterAnalyzer, ClusterLoggingCodeFix>(InStack(@"
        new Cluster(this, ""SomeLogs"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            SecretsEncryptionKey = key,
            ClusterLogging = {|EKS002:new[] { ClusterLoggingTypes.API }|},
        });", ClusterUsings), InStack(@"
        new Cluster(this, ""SomeLogs"", new ClusterProps
        {
            Version = KubernetesVersion.V1_29,
            SecretsEncryptionKey = key,
            ClusterLogging = new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR, ClusterLoggingTypes.CONTROLLER_MANAGER, ClusterLoggingTypes.SCHEDULER },
        });", ClusterUsings), Cdk2277StandIn.WithCdk).RunAsync();
    }
}
