using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Shipshape.Catalogue;
using Shipshape.Ecr;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Rules;

namespace Shipshape.Analyzers.Tests.Support
{
    /// <summary>Every analyzer the assembly ships , plus the repository analyzer with a stand-in rule (so its translation runs too).</summary>
    internal static class AllAnalyzers
    {
        /// <summary>
        /// The analyzers the assembly ships, found by their <c>[DiagnosticAnalyzer]</c> attribute (so a new one is never
        /// left out of the release-tracking, descriptor and robustness tests), ordered by name.
        /// </summary>
        public static ImmutableArray<DiagnosticAnalyzer> Shipped()
            => typeof(Shipshape.Analyzers.Diagnostics.CdkAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.Name, System.StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
                .ToImmutableArray();

        public static ImmutableArray<DiagnosticAnalyzer> Create()
        {
            var descriptor = new RuleDescriptor("TST013", "Scan on push is off", "Repository '{0}' {1}.", "ecr", Severity.Warning,
                new[] { "test" }, "summary", "rationale", "remediation", nameof(RepositoryStandIn), null, System.Array.Empty<RuleExample>(),
                csharpAnalyzers: new[] { nameof(RepositoryAnalyzer) });
            var catalogue = new RuleCatalogue(new[] { descriptor });
            var engine = new LintEngine(catalogue, null, new Rule[] { new RepositoryStandIn() });
            return Shipped().AddRange(new DiagnosticAnalyzer[]
            {
                new RepositoryAnalyzer(engine, catalogue),
                RepositoryStandIns.Analyzer(),
            });
        }

        /// <summary>Runs the analyzers; analyzer exceptions are collected, never swallowed.</summary>
        public static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions, CompilationWithAnalyzers Driver)> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => { lock (exceptions) exceptions.Add(analyzer.GetType().Name + ": " + exception); },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: true);
            var driver = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = await driver.GetAllDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            return (diagnostics, exceptions, driver);
        }

        /// <summary>Reports every repository it sees, at its anchor and at each scalar of its properties: it touches every node.</summary>
        internal sealed class RepositoryStandIn : Rule<EcrRepository>
        {
            public override void Check(EcrRepository subject, RuleContext context)
            {
                context.Report(subject.Anchor, subject.LogicalId ?? "?", "was seen");
                Visit(subject.Properties, subject, context);
            }

            private static void Visit(Node? node, EcrRepository subject, RuleContext context)
            {
                switch (node)
                {
                    case MappingNode map:
                        _ = map.Head;
                        foreach (var entry in map.Entries) Visit(entry.Value, subject, context);
                        break;
                    case SequenceNode list:
                        foreach (var item in list.Items) Visit(item, subject, context);
                        break;
                    case ScalarNode scalar:
                        context.Report(scalar, subject.LogicalId ?? "?", "has " + scalar.Value + " at line " + scalar.Span.StartPosition.Line);
                        break;
                }
            }
        }
    }
}
