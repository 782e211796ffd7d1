using System;
using System.Diagnostics;
using System.IO;
using Shipshape.Engine;
using Shipshape.Parsing;
using Shipshape.Text;

namespace Shipshape.Bench
{
    /// <summary>Stopwatch instrumentation of the pipeline stages on one file: cold (first call, JIT) and warm.</summary>
    internal static class Profile
    {
        public static int Run(string[] args)
        {
            string file = args[0];
            int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
            var total = Stopwatch.StartNew();
            _ = Shipshape.Catalogue.RuleCatalogue.Embedded;
            Console.Out.WriteLine("catalogue: " + total.Elapsed.TotalMilliseconds.ToString("0.0") + " ms");
            _ = Shipshape.Policies.ActionCatalogue.Knows("ecr");
            Console.Out.WriteLine("actions: " + total.Elapsed.TotalMilliseconds.ToString("0.0") + " ms");
            var engine = new LintEngine();
            Console.Out.WriteLine("engine: " + total.Elapsed.TotalMilliseconds.ToString("0.0") + " ms");
            for (int round = 0; round < rounds; round++)
            {
                var sw = Stopwatch.StartNew();
                byte[] bytes = File.ReadAllBytes(file);
                double read = Lap(sw);
                string text = SourceDecoder.TryDecode(bytes, bytes.Length, out _, out _)!;
                double decode = Lap(sw);
                var source = new SourceText(file, text);
                var parsed = file.EndsWith(".json", StringComparison.Ordinal) ? JsonParser.Parse(source) : YamlParser.Parse(source);
                double parse = Lap(sw);
                var report = engine.LintBytes(file, bytes, true);
                double lint = Lap(sw);
                foreach (var f in report.Findings) { _ = f.Start; _ = f.End; }
                double positions = Lap(sw);
                Console.Out.WriteLine($"round {round}: read {read:0.0} decode {decode:0.0} parse {parse:0.0} lint(all) {lint:0.0} positions {positions:0.0} ms; {parsed.Documents.Count} docs, {report.Findings.Count} findings");
            }
            // Each rule alone against no rules at all: what the rule itself costs (warm).
            string txt = SourceDecoder.TryDecode(File.ReadAllBytes(file), (int)new FileInfo(file).Length, out _, out _)!;
            var src = new SourceText(file, txt);
            double Time(LintEngine e)
            {
                e.LintText(src);
                var best = double.MaxValue;
                for (int i = 0; i < 15; i++) { var w = Stopwatch.StartNew(); e.LintText(src); best = Math.Min(best, w.Elapsed.TotalMilliseconds); }
                return best;
            }
            double none = Time(new LintEngine(rules: Array.Empty<Shipshape.Rules.Rule>()));
            Console.Out.WriteLine($"no rules: {none:0.0} ms (parse + detect + extract)");
            foreach (var rule in Shipshape.Rules.RuleSet.CreateAll())
                Console.Out.WriteLine($"  {rule.Name}: {Time(new LintEngine(rules: new[] { rule })) - none:0.0} ms");
            return 0;
        }

        private static double Lap(Stopwatch sw)
        {
            double ms = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            return ms;
        }
    }
}
