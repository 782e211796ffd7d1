using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Shipshape.Analyzers.Cdk
{
    /// <summary>
    /// The AWS CDK types the analyzers recognise, resolved once per compilation by fully qualified name
    /// (never by a compile-time reference, so every CDK v2 version the user runs works). A project
    /// without <c>Amazon.CDK.Lib</c> gets null and pays nothing more.
    /// </summary>
    internal sealed class CdkTypes
    {
        private static readonly ConditionalWeakTable<Compilation, CdkTypes?[]> Cache = new ConditionalWeakTable<Compilation, CdkTypes?[]>();

        private CdkTypes(Compilation compilation)
        {
            PolicyStatement = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyStatement");
            PolicyStatementProps = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyStatementProps");
            ArnPrincipal = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.ArnPrincipal");
            AccountPrincipal = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.AccountPrincipal");
            ServicePrincipal = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.ServicePrincipal");
            AnyPrincipal = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.AnyPrincipal");
            StarPrincipal = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.StarPrincipal");
            CompositePrincipal = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.CompositePrincipal");
            Effect = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.Effect");
            PolicyDocument = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyDocument");
            PolicyDocumentProps = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyDocumentProps");
            Repository = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECR.Repository");
            RepositoryProps = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECR.RepositoryProps");
            RepositoryEncryption = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECR.RepositoryEncryption");
            TagMutability = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECR.TagMutability");
            CfnRepository = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECR.CfnRepository");
            CfnRepositoryProps = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECR.CfnRepositoryProps");
            // ECS (TaskDefinitionAnalyzer)
            TaskDefinition = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.TaskDefinition");
            ContainerDefinition = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.ContainerDefinition");
            ContainerDefinitionOptions = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.ContainerDefinitionOptions");
            ContainerDefinitionProps = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.ContainerDefinitionProps");
            ContainerImage = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.ContainerImage");
            CfnTaskDefinition = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.CfnTaskDefinition");
            CfnTaskDefinitionProps = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.CfnTaskDefinitionProps");
            ResolveEks(compilation);
        }

        // IAM
        public INamedTypeSymbol? PolicyStatement { get; }
        public INamedTypeSymbol? PolicyStatementProps { get; }
        public INamedTypeSymbol? ArnPrincipal { get; }
        public INamedTypeSymbol? AccountPrincipal { get; }
        public INamedTypeSymbol? ServicePrincipal { get; }
        public INamedTypeSymbol? AnyPrincipal { get; }
        public INamedTypeSymbol? StarPrincipal { get; }
        public INamedTypeSymbol? CompositePrincipal { get; }
        public INamedTypeSymbol? Effect { get; }
        public INamedTypeSymbol? PolicyDocument { get; }
        public INamedTypeSymbol? PolicyDocumentProps { get; }

        // ECR
        public INamedTypeSymbol? Repository { get; }
        public INamedTypeSymbol? RepositoryProps { get; }
        public INamedTypeSymbol? RepositoryEncryption { get; }
        public INamedTypeSymbol? TagMutability { get; }
        public INamedTypeSymbol? CfnRepository { get; }
        public INamedTypeSymbol? CfnRepositoryProps { get; }

        // ECS
        public INamedTypeSymbol? TaskDefinition { get; }
        public INamedTypeSymbol? ContainerDefinition { get; }
        public INamedTypeSymbol? ContainerDefinitionOptions { get; }
        public INamedTypeSymbol? ContainerDefinitionProps { get; }
        public INamedTypeSymbol? ContainerImage { get; }
        public INamedTypeSymbol? CfnTaskDefinition { get; }
        public INamedTypeSymbol? CfnTaskDefinitionProps { get; }

        // EKS (EKS001–EKS003): one block, resolved by ResolveEks.
        public INamedTypeSymbol? EksCluster { get; private set; }
        public INamedTypeSymbol? EksClusterProps { get; private set; }
        public INamedTypeSymbol? EksFargateCluster { get; private set; }
        public INamedTypeSymbol? EksFargateClusterProps { get; private set; }
        public INamedTypeSymbol? ClusterLoggingTypes { get; private set; }
        public INamedTypeSymbol? EksCfnCluster { get; private set; }
        public INamedTypeSymbol? EksCfnClusterProps { get; private set; }

        private void ResolveEks(Compilation compilation)
        {
            EksCluster = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EKS.Cluster");
            EksClusterProps = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EKS.ClusterProps");
            EksFargateCluster = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EKS.FargateCluster");
            EksFargateClusterProps = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EKS.FargateClusterProps");
            ClusterLoggingTypes = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EKS.ClusterLoggingTypes");
            EksCfnCluster = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EKS.CfnCluster");
            EksCfnClusterProps = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EKS.CfnClusterProps");
        }

        /// <summary>The CDK types of this compilation, or null when it does not reference the CDK at all.</summary>
        public static CdkTypes? Get(Compilation compilation)
        {
            var slot = Cache.GetValue(compilation, c => new[] { Resolve(c) });
            return slot[0];
        }

        private static CdkTypes? Resolve(Compilation compilation)
        {
            // One cheap probe first: every CDK v2 app references Amazon.CDK.Lib, whose core type is Stack.
            if (compilation.GetTypeByMetadataName("Amazon.CDK.Stack") == null) return null;
            return new CdkTypes(compilation);
        }

        /// <summary>True when <paramref name="type"/> is declared in <c>Amazon.CDK</c> or a namespace below it.</summary>
        /// <remarks>By the namespace symbols' names: building the display string cost more than the rest of the check.</remarks>
        public static bool InCdkNamespace(ITypeSymbol? type)
        {
            INamespaceSymbol? below = null;
            for (var ns = type?.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.ContainingNamespace?.IsGlobalNamespace != false) return ns.Name == "Amazon" && below?.Name == "CDK";
                below = ns;
            }
            return false;
        }

        /// <summary>True when <paramref name="type"/> is <c>System.Collections.Generic.Dictionary&lt;TKey, TValue&gt;</c> (any type arguments).</summary>
        public static bool IsGenericDictionary(ITypeSymbol? type)
        {
            if (!(type is INamedTypeSymbol named) || named.Arity != 2 || named.Name != "Dictionary" || named.ContainingType != null) return false;
            var generic = named.ContainingNamespace;
            var collections = generic?.ContainingNamespace;
            var system = collections?.ContainingNamespace;
            return generic?.Name == "Generic" && collections?.Name == "Collections" && system?.Name == "System"
                && system.ContainingNamespace?.IsGlobalNamespace == true;
        }

        /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            if (expected == null) return false;
            for (var t = type; t != null; t = t.BaseType)
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, expected)) return true;
            return false;
        }
    }
}
