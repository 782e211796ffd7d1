using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Shipshape.Analyzers.Tests.Support
{
    /// <summary>An analyzer test over a fixture compiled against the real CDK (shared references, no NuGet downloads).</summary>
    internal sealed class CdkAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <param name="references">References to compile against instead (the 2.277 stand-in: <see cref="Cdk2277StandIn"/>).</param>
        public CdkAnalyzerTest(string source, bool withCdk = true, ImmutableArray<MetadataReference>? references = null)
        {
            ReferenceAssemblies = CdkReferences.None;
            TestState.AdditionalReferences.AddRange(references ?? (withCdk ? CdkReferences.WithCdk : CdkReferences.Framework));
            TestCode = source;
            // Each extra pass compiles the fixture against the CDK again; the generated-code pass is covered by ConfigureGeneratedCodeAnalysis.
            TestBehaviors = TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
        }

        /// <summary>An analyzer instance to use instead of <c>new TAnalyzer()</c> (one with test rules).</summary>
        public DiagnosticAnalyzer? Instance { get; set; }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
            => Instance != null ? new[] { Instance } : base.GetDiagnosticAnalyzers();

        public static Task RunAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new CdkAnalyzerTest<TAnalyzer>(source);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }
    }

    internal sealed class CdkCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        /// <param name="references">References to compile against instead (the 2.277 stand-in: <see cref="Cdk2277StandIn"/>).</param>
        public CdkCodeFixTest(string source, string fixedSource, ImmutableArray<MetadataReference>? references = null)
        {
            ReferenceAssemblies = CdkReferences.None;
            TestState.AdditionalReferences.AddRange(references ?? CdkReferences.WithCdk);
            FixedState.AdditionalReferences.AddRange(references ?? CdkReferences.WithCdk);
            TestCode = source;
            FixedCode = fixedSource;
            TestBehaviors = TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
        }

        /// <summary>An analyzer instance to use instead of <c>new TAnalyzer()</c> (one with stand-in rules).</summary>
        public DiagnosticAnalyzer? Instance { get; set; }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
            => Instance != null ? new[] { Instance } : base.GetDiagnosticAnalyzers();
    }
}
