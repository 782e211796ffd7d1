using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Shipshape.Analyzers.Tests.Support
{
    /// <summary>
    /// A stand-in for <c>Amazon.CDK.Lib</c> 2.277.0, compiled here by Roslyn into an in-memory assembly of that name and
    /// version. Why it exists: the real 2.277 needs Constructs &gt;= 10.5, which the NuGet feed here does not serve, so it
    /// cannot be restored; every other analyzer test compiles against the real 2.160.0 (<see cref="CdkReferences"/>).
    /// The shapes below were read by reflection over the real 2.277 assembly and are listed in ../shared/notes/cdk-api.md:
    /// same namespaces, type kinds (class, enum, interface), member names, property types and nullability. Base classes
    /// between a construct and <c>Constructs.Construct</c> (<c>Resource</c>, <c>RepositoryBase</c>…) are left out; the real
    /// Constructs 10.0.5 and jsii runtime assemblies stand under it. <c>NewerCdkGenerationTests.StandInMatchesTheReal2160…</c>
    /// checks every member that 2.160 also has against the real 2.160 assembly, and allows only the 2.277 changes listed there.
    /// It must not grow beyond what the analyzers read (types resolved in <c>CdkTypes</c>, props members the translators
    /// <c>Get</c>, methods they match by name), what the code fixes write and the 2.277 additions the tests write next to them: it is a fixture for the
    /// newer API generation, not a CDK.
    /// Not from cdk-api.md, which names them without types: the types of the four 2.277 container options
    /// (<c>EnableRestartPolicy</c> <c>bool?</c>, <c>RestartAttemptPeriod</c> <c>Duration</c>, <c>RestartIgnoredExitCodes</c>
    /// <c>double[]</c>, <c>VersionConsistency</c> enum), taken from CDK's TypeScript API; no analyzer reads them. Whether
    /// <c>IKey</c> extends <c>IKeyRef</c> in 2.277 is not modelled: the fixtures type their keys <c>IKeyRef</c> themselves.
    /// </summary>
    internal static class Cdk2277StandIn
    {
        public const string Version = "2.277.0";

        /// <summary>The 2.277 members the analyzers read, and the 2.277 additions the tests use beside them.</summary>
        public const string Source = @"
#nullable enable
using System.Collections.Generic;
using Constructs;

[assembly: System.Reflection.AssemblyVersion(""2.277.0.0"")]

namespace Amazon.CDK
{
    // CdkTypes probes Amazon.CDK.Stack to tell a CDK project.
    public class Stack : Construct
    {
        public Stack(Construct? scope = null, string? id = null) : base(scope!, id!) { }
    }

    // 2.277 container options: RestartAttemptPeriod.
    public class Duration
    {
        protected Duration() { }
        public static Duration Seconds(double amount) => new Duration();
    }
}

namespace Amazon.CDK.Interfaces.KMS
{
    // 2.277: the type of RepositoryProps.EncryptionKey and EKS ClusterProps.SecretsEncryptionKey (IKey in 2.160).
    public interface IKeyRef { }
}

namespace Amazon.CDK.AWS.ECR
{
    public interface IRepositoryProps { }

    public class RepositoryProps : IRepositoryProps
    {
        public RepositoryEncryption? Encryption { get; set; }
        public Amazon.CDK.Interfaces.KMS.IKeyRef? EncryptionKey { get; set; }
        public bool? ImageScanOnPush { get; set; }
        public TagMutability? ImageTagMutability { get; set; }
        public ImageTagMutabilityExclusionFilter[]? ImageTagMutabilityExclusionFilters { get; set; }
        public ILifecycleRule[]? LifecycleRules { get; set; }
        public string? RepositoryName { get; set; }
        public bool? EmptyOnDelete { get; set; }
    }

    public class Repository : Construct
    {
        public Repository(Construct scope, string id, IRepositoryProps? props = null) : base(scope, id) { }
        public virtual void AddLifecycleRule(ILifecycleRule rule) { }
    }

    // A class used as an enum: static properties.
    public class RepositoryEncryption
    {
        protected RepositoryEncryption() { }
        public static RepositoryEncryption AES_256 => new RepositoryEncryption();
        public static RepositoryEncryption KMS => new RepositoryEncryption();
        public static RepositoryEncryption KMS_DSSE => new RepositoryEncryption();
    }

    public enum TagMutability
    {
        MUTABLE = 0,
        IMMUTABLE = 1,
        IMMUTABLE_WITH_EXCLUSION = 2,
        MUTABLE_WITH_EXCLUSION = 3,
    }

    public class ImageTagMutabilityExclusionFilter
    {
        protected ImageTagMutabilityExclusionFilter() { }
        public static ImageTagMutabilityExclusionFilter Wildcard(string pattern) => new ImageTagMutabilityExclusionFilter();
    }

    public interface ILifecycleRule { }

    public class LifecycleRule : ILifecycleRule
    {
        public double? MaxImageCount { get; set; }
    }
}

namespace Amazon.CDK.AWS.SSM
{
    public interface IParameter { }

    // What MoveEnvironmentToSecretsCodeFix writes: StringParameter.FromSecureStringParameterAttributes(this, id, new SecureStringParameterAttributes { ParameterName = … }).
    public interface IStringParameter : IParameter { }

    public interface ISecureStringParameterAttributes { }

    public class SecureStringParameterAttributes : ISecureStringParameterAttributes
    {
        public string ParameterName { get; set; } = null!;
    }

    public class StringParameter : Construct, IStringParameter
    {
        protected StringParameter(Construct scope, string id) : base(scope, id) { }
        public static IStringParameter FromSecureStringParameterAttributes(Construct scope, string id, ISecureStringParameterAttributes attrs) => null!;
    }
}

namespace Amazon.CDK.AWS.ECS
{
    public class TaskDefinition : Construct
    {
        protected TaskDefinition(Construct scope, string id) : base(scope, id) { }
        public virtual ContainerDefinition AddContainer(string id, IContainerDefinitionOptions props) => null!;
    }

    public class FargateTaskDefinition : TaskDefinition
    {
        public FargateTaskDefinition(Construct scope, string id) : base(scope, id) { }
    }

    public class ContainerDefinition : Construct
    {
        protected ContainerDefinition(Construct scope, string id) : base(scope, id) { }
        public virtual void AddEnvironment(string name, string value) { }
    }

    public interface IContainerDefinitionOptions { }

    public class ContainerDefinitionOptions : IContainerDefinitionOptions
    {
        public ContainerImage Image { get; set; } = null!;
        public string? ContainerName { get; set; }
        public IDictionary<string, string>? Environment { get; set; }
        public IDictionary<string, Secret>? Secrets { get; set; }
        public LogDriver? Logging { get; set; }
        // 2.277 additions.
        public bool? EnableRestartPolicy { get; set; }
        public Amazon.CDK.Duration? RestartAttemptPeriod { get; set; }
        public double[]? RestartIgnoredExitCodes { get; set; }
        public VersionConsistency? VersionConsistency { get; set; }
    }

    public enum VersionConsistency
    {
        ENABLED = 0,
        DISABLED = 1,
    }

    public abstract class ContainerImage
    {
        protected ContainerImage() { }
        public static RepositoryImage FromRegistry(string name) => null!;
    }

    public class RepositoryImage : ContainerImage
    {
        protected RepositoryImage() { }
    }

    public abstract class Secret
    {
        protected Secret() { }
        public static Secret FromSsmParameter(Amazon.CDK.AWS.SSM.IParameter parameter) => null!;
    }

    public abstract class LogDriver
    {
        protected LogDriver() { }
    }

    public class LogDrivers
    {
        protected LogDrivers() { }
        // 2.277 addition.
        public static LogDriver None() => null!;
    }
}

namespace Amazon.CDK.AWS.EKS
{
    public interface IClusterProps { }

    public class ClusterProps : IClusterProps
    {
        public ClusterLoggingTypes[]? ClusterLogging { get; set; }
        public Amazon.CDK.Interfaces.KMS.IKeyRef? SecretsEncryptionKey { get; set; }
        public KubernetesVersion Version { get; set; } = null!;
    }

    public class Cluster : Construct
    {
        public Cluster(Construct scope, string id, IClusterProps props) : base(scope, id) { }
    }

    public enum ClusterLoggingTypes
    {
        API = 0,
        AUDIT = 1,
        AUTHENTICATOR = 2,
        CONTROLLER_MANAGER = 3,
        SCHEDULER = 4,
    }

    public class KubernetesVersion
    {
        protected KubernetesVersion() { }
        public static KubernetesVersion V1_29 => new KubernetesVersion();
    }
}
";

        private static readonly Lazy<ImmutableArray<MetadataReference>> Loaded = new(Build);

        /// <summary>The .NET reference assemblies, the stand-in, and the real Constructs and jsii runtime it stands on (no real Amazon.CDK.Lib).</summary>
        public static ImmutableArray<MetadataReference> WithCdk => Loaded.Value;

        /// <summary>Compiles a fixture against the stand-in.</summary>
        public static CSharpCompilation Compile(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/AppStack.cs");
            return CSharpCompilation.Create("Fixture", new[] { tree }, WithCdk,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }

        private static ImmutableArray<MetadataReference> Build()
        {
            // Constructs, the jsii runtime and Newtonsoft.Json, without the real Amazon.CDK.Lib 2.160 and its asset packages.
            var under = CdkReferences.WithCdk.Where(r => !(Path.GetFileName(r.Display) ?? "").StartsWith("Amazon.CDK.", StringComparison.Ordinal)).ToImmutableArray();
            var compilation = CSharpCompilation.Create("Amazon.CDK.Lib",
                new[] { CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest), path: "Cdk2277StandIn.cs") },
                under,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            if (!emitted.Success)
                throw new InvalidOperationException("The 2.277 stand-in does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            return under.Add(MetadataReference.CreateFromImage(image.ToArray(), filePath: "Amazon.CDK.Lib.dll"));
        }
    }
}
