using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Parsing;
using Shipshape.Text;

namespace Shipshape.Bench
{
    /// <summary>
    /// Stopwatch instrumentation of the pipeline stages on one file: the first (cold) round, then the median of
    /// warm rounds per stage, allocations and collections per round, and each rule alone against no rules.
    /// </summary>
    internal static class Profile
    {
        public static int Run(string[] args)
        {
            string file = args[0];
            int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 9;
            bool perRule = args.Length > 2 && args[2] == "rules";
            var total = Stopwatch.StartNew();
            _ = Shipshape.Catalogue.RuleCatalogue.Embedded;
            var engine = new LintEngine();
            var noRules = new LintEngine(rules: Array.Empty<Shipshape.Rules.Rule>());
            var post = new FindingPostProcessor(engine.Catalogue);
            Console.Out.WriteLine("start-up (catalogue, engines): " + total.Elapsed.TotalMilliseconds.ToString("0.0") + " ms");
            string[] stages = { "read", "decode", "parse", "extract", "rules", "post", "detach", "whole" };
            var times = new double[rounds][];
            for (int round = 0; round < rounds; round++)
            {
                var t = times[round] = new double[stages.Length];
                long allocated = GC.GetTotalAllocatedBytes(true);
                _allocatedAtLap = allocated;
                Allocations.Clear();
                int gcs = GC.CollectionCount(0);
                var sw = Stopwatch.StartNew();
                byte[] bytes = File.ReadAllBytes(file);
                t[0] = Lap(sw);
                string text = SourceDecoder.TryDecode(bytes, bytes.Length, out _, out _)!;
                t[1] = Lap(sw);
                var source = new SourceText(file, text);
                var parsed = file.EndsWith(".json", StringComparison.Ordinal) ? JsonParser.Parse(source) : YamlParser.Parse(source);
                t[2] = Lap(sw);
                noRules.LintText(source);
                t[3] = Lap(sw) - t[2];
                var report = engine.LintText(source);
                t[4] = Lap(sw) - t[2] - t[3];
                var processed = post.Process(report);
                t[5] = Lap(sw);
                var detached = Finding.Detach(processed.Findings);
                t[6] = Lap(sw);
                var whole = engine.LintBytes(file, bytes, true);
                post.Process(whole);
                t[7] = Lap(sw);
                long bytesAllocated = GC.GetTotalAllocatedBytes(true) - allocated;
                if (round == 0 || round == rounds - 1)
                    Console.Out.WriteLine($"round {round}: " + string.Join(" ", stages.Select((s, i) => $"{s} {t[i]:0.0}")) +
                        $" ms; {parsed.Documents.Count} docs, {detached.Count} findings; {bytesAllocated / 1e6:0.0} MB allocated (per lap: {string.Join(" ", Allocations)}), {GC.CollectionCount(0) - gcs} gen0 GCs");
            }
            Console.Out.WriteLine("median of warm rounds: " + string.Join(" ", stages.Select((s, i) => $"{s} {Median(times.Skip(1).Select(r => r[i])):0.0}")) + " ms");
            // On a loaded machine the fastest round is the best estimate of the work itself.
            Console.Out.WriteLine("fastest warm round:    " + string.Join(" ", stages.Select((s, i) => $"{s} {times.Skip(1).Select(r => r[i]).DefaultIfEmpty().Min():0.0}")) + " ms");
            if (!perRule) return 0;
            string txt = SourceDecoder.TryDecode(File.ReadAllBytes(file), (int)new FileInfo(file).Length, out _, out _)!;
            var src = new SourceText(file, txt);
            double Time(LintEngine e)
            {
                e.LintText(src);
                var all = new double[9];
                for (int i = 0; i < all.Length; i++) { var w = Stopwatch.StartNew(); e.LintText(src); all[i] = w.Elapsed.TotalMilliseconds; }
                return all.Min();
            }
            double none = Time(noRules);
            Console.Out.WriteLine($"no rules: {none:0.0} ms (parse + detect + extract)");
            long before = GC.GetTotalAllocatedBytes(true);
            noRules.LintText(src);
            long noneBytes = GC.GetTotalAllocatedBytes(true) - before;
            foreach (var rule in Shipshape.Rules.RuleSet.CreateAll())
            {
                var one = new LintEngine(rules: new[] { rule });
                double ms = Time(one) - none;
                before = GC.GetTotalAllocatedBytes(true);
                one.LintText(src);
                Console.Out.WriteLine($"  {rule.Name}: {ms:0.0} ms, {(GC.GetTotalAllocatedBytes(true) - before - noneBytes) / 1e6:0.0} MB");
            }
            return 0;
        }

        private static double Median(System.Collections.Generic.IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
        }

        private static long _allocatedAtLap;
        private static readonly System.Collections.Generic.List<string> Allocations = new System.Collections.Generic.List<string>();

        private static double Lap(Stopwatch sw)
        {
            double ms = sw.Elapsed.TotalMilliseconds;
            long now = GC.GetTotalAllocatedBytes(true);
            Allocations.Add(((now - _allocatedAtLap) / 1e6).ToString("0.0"));
            _allocatedAtLap = now;
            sw.Restart();
            return ms;
        }
    }
}
