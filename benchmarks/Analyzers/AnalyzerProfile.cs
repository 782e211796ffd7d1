using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Shipshape.Catalogue;
using Shipshape.Engine;

namespace Shipshape.AnalyzerBench
{
    /// <summary>
    /// Our analyzers over a generated app, in process: the one-time start-up (catalogue, engine, descriptors) and, for
    /// each of several runs on a fresh compilation, each analyzer's execution time as Roslyn's telemetry measures it,
    /// next to the compiler's own cost on the same compilation (binding every file: GetDiagnostics). The first run pays
    /// the JIT of our code; the later ones are what an IDE or a build server sees.
    /// </summary>
    internal static class AnalyzerProfile
    {
        public static int Run(string[] args)
        {
            if (args.Length < 1)
            {
                Console.Error.WriteLine("usage: profile <app-folder> [runs (default 6)]");
                return 2;
            }
            string folder = Path.GetFullPath(args[0]);
            int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6;
            string referenceList = Path.Combine(folder, "obj", "bench-references.txt");
            if (!File.Exists(referenceList))
            {
                Console.Error.WriteLine(referenceList + " is missing: build the app once first (dotnet build).");
                return 2;
            }
            var references = File.ReadAllLines(referenceList).Where(l => l.Length > 0).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
            var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                         && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();

            // Start-up, each piece alone, in the order the analyzers meet them.
            var clock = Stopwatch.StartNew();
            _ = RuleCatalogue.Embedded.Rules.Count;
            double catalogue = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            _ = new LintEngine();
            double engine = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var analyzers = typeof(Shipshape.Analyzers.Diagnostics.CdkAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            int descriptors = analyzers.Sum(a => a.SupportedDiagnostics.Length);
            double construction = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"start-up (cold, this process): catalogue {catalogue:F1} ms, engine {engine:F1} ms, {analyzers.Length} analyzers with {descriptors} descriptors {construction:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count} files, {references.Count} references, {runs} runs"));
            Console.WriteLine();

            var perAnalyzer = analyzers.ToDictionary(a => a, _ => new List<double>());
            var compilerTimes = new List<double>();
            var totals = new List<double>();
            var findings = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (int run = 0; run < runs; run++)
            {
                var parse = new CSharpParseOptions(LanguageVersion.Latest);
                var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Path)).ToList();
                var compilation = CSharpCompilation.Create("CdkBench", trees, references,
                    new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
                clock.Restart();
                var compilerDiagnostics = compilation.GetDiagnostics();
                compilerTimes.Add(clock.Elapsed.TotalMilliseconds);
                var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    Console.Error.WriteLine("the app does not compile: " + errors[0]);
                    return 1;
                }
                var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
                    concurrentAnalysis: false, logAnalyzerExecutionTime: true);
                var withAnalyzers = new CompilationWithAnalyzers(compilation, analyzers, options);
                clock.Restart();
                var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                totals.Add(clock.Elapsed.TotalMilliseconds);
                foreach (var analyzer in analyzers)
                    perAnalyzer[analyzer].Add(withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
                if (run == 0)
                {
                    foreach (var d in diagnostics) findings[d.Id] = findings.TryGetValue(d.Id, out int c) ? c + 1 : 1;
                    if (diagnostics.Any(d => d.Id == "AD0001")) Console.Error.WriteLine("AD0001: " + diagnostics.First(d => d.Id == "AD0001"));
                }
            }

            Console.WriteLine("| Analyzer | first run | later runs: median | min | median per file |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            double firstSum = 0, warmSum = 0, minSum = 0;
            foreach (var analyzer in analyzers)
            {
                var times = perAnalyzer[analyzer];
                double warm = Median(times.Skip(1));
                double min = times.Skip(1).DefaultIfEmpty(double.NaN).Min();
                firstSum += times[0];
                warmSum += warm;
                minSum += min;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {analyzer.GetType().Name} | {times[0]:F1} ms | {warm:F1} ms | {min:F1} ms | {warm / files.Count:F3} ms |"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **all ours** | {firstSum:F1} ms | {warmSum:F1} ms | {minSum:F1} ms | {warmSum / files.Count:F3} ms |"));
            double compiler = Median(compilerTimes.Skip(1));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| compiler: bind every file (GetDiagnostics) | {compilerTimes[0]:F1} ms | {compiler:F1} ms | {compilerTimes.Skip(1).DefaultIfEmpty(double.NaN).Min():F1} ms | {compiler / files.Count:F3} ms |"));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ours ÷ compiler binding (later runs): {warmSum / compiler:P1}; analyzer driver wall time (later runs): {Median(totals.Skip(1)):F1} ms"));
            Console.WriteLine("findings (first run): " + string.Join(", ", findings.Select(f => f.Key + " " + f.Value.ToString(CultureInfo.InvariantCulture))));
            return 0;
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            if (sorted.Count == 0) return double.NaN;
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
