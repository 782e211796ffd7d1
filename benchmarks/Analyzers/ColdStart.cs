// The do-nothing analyzer below is a benchmark's stand-in, never shipped: no release tracking.
#pragma warning disable RS2008, RS1036
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.AnalyzerBench
{
    /// <summary>
    /// What a fresh process pays the first time it runs our analyzers, which is what every build without the compiler
    /// server pays: <c>cold &lt;app&gt; [processes]</c> starts this program that many times (<c>cold-once</c>) and prints
    /// medians. In each process the compiler's part is paid first (the references loaded, every file bound) and Roslyn's
    /// analyzer driver is warmed with a do-nothing analyzer, so what is left is ours: the analyzers' construction (static
    /// initialisation, catalogue, descriptors) and their first run over the app (the JIT of our code and the engine's,
    /// first use of the rules), with the number of methods the JIT compiled and its time (<see cref="JitInfo"/>), then a
    /// second run on a fresh compilation for comparison.
    /// </summary>
    internal static class ColdStart
    {
        public static int Run(string[] args)
        {
            if (args.Length < 1)
            {
                Console.Error.WriteLine("usage: cold <app-folder> [processes (default 7)]");
                return 2;
            }
            int processes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
            var rows = new List<List<(string Name, double Value)>>();
            for (int i = 0; i < processes; i++)
            {
                var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
                start.ArgumentList.Add("cold-once");
                start.ArgumentList.Add(args[0]);
                using var process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0) return process.ExitCode;
                rows.Add(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => l.Split('\t')).Select(p => (p[0], double.Parse(p[1], CultureInfo.InvariantCulture))).ToList());
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cold start, {processes} fresh processes:"));
            Console.WriteLine();
            Console.WriteLine("| | median | min | max |");
            Console.WriteLine("|---|---:|---:|---:|");
            for (int c = 0; c < rows[0].Count; c++)
            {
                var values = rows.Select(r => r[c].Value).OrderBy(v => v).ToList();
                double median = values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {rows[0][c].Name} | {median:F1} | {values[0]:F1} | {values[^1]:F1} |"));
            }
            return 0;
        }

        public static int Once(string[] args)
        {
            string folder = Path.GetFullPath(args[0]);
            var references = File.ReadAllLines(Path.Combine(folder, "obj", "bench-references.txt")).Where(l => l.Length > 0)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
            var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                         && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
            Compilation Compile()
            {
                var parse = new CSharpParseOptions(LanguageVersion.Latest);
                var compilation = CSharpCompilation.Create("CdkBench", files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Path)), references,
                    new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
                _ = compilation.GetDiagnostics();
                return compilation;
            }
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
                concurrentAnalysis: false, logAnalyzerExecutionTime: true);

            // The compiler's and the driver's first-use costs, paid before ours is measured; then the driver's own cost
            // on a fresh compilation with the do-nothing analyzer, to set against ours.
            var doNothing = ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer());
            _ = new CompilationWithAnalyzers(Compile(), doNothing, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var driverOnly = Compile();
            var first = Compile();
            var second = Compile();
            var clock = Stopwatch.StartNew();
            _ = new CompilationWithAnalyzers(driverOnly, doNothing, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            double driver = clock.Elapsed.TotalMilliseconds;

            using var jitLog = Environment.GetEnvironmentVariable("SHIPSHAPE_BENCH_JITLOG") is string logPath ? new JitListener(logPath) : null;
            long methods = JitInfo.GetCompiledMethodCount();
            clock.Restart();
            var analyzers = typeof(Shipshape.Analyzers.Diagnostics.CdkAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            _ = analyzers.Sum(a => a.SupportedDiagnostics.Length);
            double construction = clock.Elapsed.TotalMilliseconds;
            long constructionMethods = JitInfo.GetCompiledMethodCount() - methods;
            jitLog?.Mark("---- first run");

            methods = JitInfo.GetCompiledMethodCount();
            var jitTime = JitInfo.GetCompilationTime();
            var withAnalyzers = new CompilationWithAnalyzers(first, analyzers, options);
            clock.Restart();
            _ = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            double firstRun = clock.Elapsed.TotalMilliseconds;
            long firstMethods = JitInfo.GetCompiledMethodCount() - methods;
            double firstJit = (JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds;
            jitLog?.Dispose();
            var firstTimes = analyzers.Select(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds).ToList();

            var again = new CompilationWithAnalyzers(second, analyzers, options);
            clock.Restart();
            _ = again.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            double secondRun = clock.Elapsed.TotalMilliseconds;
            double secondTelemetry = analyzers.Sum(a => again.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);

            var values = new List<(string, double)>
            {
                ("construction ms", construction), ("construction JIT methods", constructionMethods),
                ("driver alone (do-nothing analyzer) ms", driver),
                ("first run ms", firstRun), ("first run (telemetry) ms", firstTimes.Sum()),
                ("first run JIT methods", firstMethods), ("first run JIT ms", firstJit),
                ("second run ms", secondRun), ("second run (telemetry) ms", secondTelemetry),
                ("cold: construction + first run (telemetry) ms", construction + firstTimes.Sum()),
            };
            for (int i = 0; i < analyzers.Length; i++) values.Add(("first run: " + analyzers[i].GetType().Name + " ms", firstTimes[i]));
            foreach (var (name, value) in values) Console.WriteLine(name + "\t" + value.ToString("F2", CultureInfo.InvariantCulture));
            return 0;
        }

        /// <summary>
        /// Writes the methods the JIT compiles while it lives, one a line: the JIT's time for it in milliseconds (from the
        /// runtime's MethodJittingStarted and MethodLoadVerbose events) and its namespace, type and name.
        /// </summary>
        private sealed class JitListener : EventListener
        {
            private readonly Dictionary<ulong, (DateTime Start, string Name)> _started = new Dictionary<ulong, (DateTime, string)>();
            private readonly List<string> _methods = new List<string>();
            private readonly string? _path;
            private bool _done;

            public JitListener(string path) => _path = path;

            protected override void OnEventSourceCreated(EventSource source)
            {
                if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x10);
            }

            protected override void OnEventWritten(EventWrittenEventArgs e)
            {
                if (_done || e.Payload == null || _path == null) return;
                lock (_methods)
                {
                    if (e.EventName == "MethodJittingStarted_V1")
                        _started[(ulong)e.Payload[0]!] = (e.TimeStamp, e.Payload[4] + "::" + e.Payload[5]);
                    else if (e.EventName != null && e.EventName.StartsWith("MethodLoadVerbose", StringComparison.Ordinal)
                        && _started.Remove((ulong)e.Payload[0]!, out var started))
                        _methods.Add((e.TimeStamp - started.Start).TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture) + "\t" + started.Name);
                }
            }

            public void Mark(string line)
            {
                System.Threading.Thread.Sleep(200); // The runtime's events arrive a little late.
                lock (_methods) _methods.Add(line);
            }

            public override void Dispose()
            {
                System.Threading.Thread.Sleep(200);
                if (!_done && _path != null)
                {
                    _done = true;
                    lock (_methods) File.WriteAllLines(_path, _methods);
                }
                base.Dispose();
            }
        }

        /// <summary>Registers what ours register and does nothing: warms Roslyn's analyzer driver.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class DoNothingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("BENCH001", "Never", "Never", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterCompilationStartAction(start =>
                {
                    _ = start.Compilation.GetTypeByMetadataName("Amazon.CDK.Stack");
                    start.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation, OperationKind.Invocation);
                    start.RegisterOperationBlockStartAction(block => block.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation, OperationKind.Invocation));
                    start.RegisterAdditionalFileAction(_ => { });
                });
            }
        }
    }
}
