using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Shipshape.Analyzers.Tests.Support
{
    /// <summary>
    /// The references test fixtures compile against: the .NET reference pack and the real Amazon.CDK.Lib 2.160.0,
    /// Constructs 10.0.5 and jsii assemblies, as the test project itself resolved them (fixture-references.txt).
    /// Loaded once per test run: Amazon.CDK.Lib is 53 MB, and sharing the <see cref="MetadataReference"/>s lets
    /// Roslyn share their metadata across every compilation.
    /// </summary>
    internal static class CdkReferences
    {
        private static readonly Lazy<(ImmutableArray<MetadataReference> Framework, ImmutableArray<MetadataReference> Cdk)> Loaded = new(Load);

        /// <summary>The .NET reference assemblies only (a project without the CDK).</summary>
        public static ImmutableArray<MetadataReference> Framework => Loaded.Value.Framework;

        /// <summary>The .NET reference assemblies and the CDK.</summary>
        public static ImmutableArray<MetadataReference> WithCdk => Loaded.Value.Framework.AddRange(Loaded.Value.Cdk);

        /// <summary>No references from NuGet: the testing library must not download a reference pack; ours come from <see cref="WithCdk"/>.</summary>
        public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

        private static (ImmutableArray<MetadataReference>, ImmutableArray<MetadataReference>) Load()
        {
            string list = Path.Combine(AppContext.BaseDirectory, "fixture-references.txt");
            var framework = new List<MetadataReference>();
            var cdk = new List<MetadataReference>();
            foreach (string line in File.ReadAllLines(list).Where(l => l.Length > 0))
            {
                int bar = line.IndexOf('|', StringComparison.Ordinal);
                string kind = line.Substring(0, bar);
                string path = line.Substring(bar + 1);
                var reference = MetadataReference.CreateFromFile(path);
                (kind == "framework" ? framework : cdk).Add(reference);
            }
            if (framework.Count == 0 || !cdk.Any(r => r.Display != null && r.Display.EndsWith("Amazon.CDK.Lib.dll", StringComparison.Ordinal)))
                throw new InvalidOperationException(list + " lacks the framework or Amazon.CDK.Lib references; rebuild the test project.");
            return (framework.ToImmutableArray(), cdk.ToImmutableArray());
        }
    }
}
