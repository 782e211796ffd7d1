using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Shipshape.Detection;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Text;

namespace Shipshape.Bench
{
    /// <summary>
    /// A deterministic property-based fuzzer: mutates the real corpus (../shared/corpus) and generated
    /// adversarial inputs, runs the whole engine (decoding, both parsers, kind detection, subject
    /// extraction, every rule) and checks the properties every input must keep: no exception, no hang,
    /// every finding inside the file, the same findings on a second run. Crashing inputs are written to
    /// the output folder so they can become regression tests.
    /// </summary>
    internal static class Fuzzer
    {
        private static readonly string[] Tokens =
        {
            "{", "}", "[", "]", ":", ",", "\"", "'", "\\", "\n", "\r\n", "\r", "\t", " ", "\0", "-", "- ", "? ", "|", ">", "#", "&a ", "*a", "<<: *a\n",
            "!Ref ", "!GetAtt ", "!Sub ", "!If ", "!!binary ", "!!str ", "!Base64 ", "%YAML 1.1\n", "---\n", "...\n", "\"Fn::Sub\"", "\"Ref\"",
            "{\"Statement\":", "\"Principal\":\"*\"", "\"Action\":", "\"Resource\":", "\"Effect\":\"Allow\"", "\"Condition\":{", "\"Version\":\"2012-10-17\"",
            "\\u0000", "\\uD800", "\\u", "1e999999", "-0", "0x", "9999999999999999999999", "\u2028", "\uFEFF", "\u00e9", "\U0001F600",
            "\"Type\":\"AWS::ECR::Repository\"", "\"RepositoryPolicyText\":\"{\\\"Statement\\\":[", "AWSTemplateFormatVersion: x\n", "Resources:\n",
            "arn:aws:iam::", "arn:aws:ecr:*:*:repository/", "ecr:*", "*", "${AWS::Region}", "${", "}}", "rulePriority", "containerDefinitions",
        };

        private static readonly string[] Extensions = { ".json", ".yaml", ".yml", ".template", ".txt" };
        private static readonly string[] Names = { "repository-policy", "registry-policy", "lifecycle-policy", "registry-scanning", "task-definition", "stack", "stack.template", "cluster", "policy" };

        // fuzz [seconds=60] [seed=1] [corpus=../shared/corpus] [crash-dir=fuzz-crashes]
        public static int Run(string[] args)
        {
            double seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 60;
            int seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
            string corpusDir = args.Length > 2 ? args[2] : Path.Combine("..", "shared", "corpus");
            string crashDir = args.Length > 3 ? args[3] : "fuzz-crashes";

            var seeds = new List<(string Name, byte[] Bytes)>();
            if (Directory.Exists(corpusDir))
                foreach (string file in Directory.EnumerateFiles(corpusDir, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                    if (LintEngine.HasCheckedExtension(file) && new FileInfo(file).Length < 2_000_000) seeds.Add((Path.GetFileName(file), File.ReadAllBytes(file)));
            int corpusCount = seeds.Count;
            seeds.AddRange(Adversarial.Seeds());
            Console.Out.WriteLine("fuzz: " + corpusCount + " corpus files" + (corpusCount == 0 ? " (" + corpusDir + " not found)" : string.Empty) + ", " + (seeds.Count - corpusCount) + " adversarial seeds, seed " + seed + ", " + seconds + " s");

            var engine = new LintEngine();
            var random = new Random(seed);
            var clock = Stopwatch.StartNew();
            long runs = 0, findings = 0;
            var crashes = new Dictionary<string, string>(StringComparer.Ordinal);
            // Every seed as is first, then mutations until the budget is spent.
            int index = 0;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                (string name, byte[] input) = index < seeds.Count ? seeds[index] : Mutate(random, seeds);
                index++;
                string path = index <= seeds.Count ? name : Rename(random, name);
                bool explicitly = random.Next(2) == 0;
                string? problem = Check(engine, path, input, explicitly, ref findings, twice: runs % 8 == 0);
                runs++;
                if (problem == null) continue;
                string key = problem.Split('\n')[0];
                if (crashes.ContainsKey(key)) continue;
                string hash = Convert.ToHexString(SHA256.HashData(input)).Substring(0, 16).ToLowerInvariant();
                Directory.CreateDirectory(crashDir);
                string saved = Path.Combine(crashDir, hash + Path.GetExtension(path));
                File.WriteAllBytes(saved, input);
                crashes[key] = saved;
                Console.Out.WriteLine("CRASH " + saved + " (as " + path + ", explicit=" + explicitly + "): " + problem);
                if (problem.StartsWith("hang", StringComparison.Ordinal)) break; // the stuck thread cannot be stopped
            }
            Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "fuzz: {0} inputs in {1:0.0} s ({2:0} per s), {3} findings, {4} distinct crashes",
                runs, clock.Elapsed.TotalSeconds, runs / clock.Elapsed.TotalSeconds, findings, crashes.Count));
            return crashes.Count == 0 ? 0 : 1;
        }

        /// <summary>Null when every property holds, else what went wrong.</summary>
        internal static string? Check(LintEngine engine, string path, byte[] input, bool explicitly, ref long findingCount, bool twice)
        {
            var task = Task.Run(() => Properties(engine, path, input, explicitly, twice));
            if (!task.Wait(TimeSpan.FromSeconds(10))) return "hang: no result after 10 s";
            var (problem, count) = task.Result;
            findingCount += count;
            return problem;
        }

        private static (string?, int) Properties(LintEngine engine, string path, byte[] input, bool explicitly, bool twice)
        {
            try
            {
                var report = engine.LintBytes(path, input, explicitly);
                string? bad = InBounds(report.Findings, path);
                if (bad != null) return (bad, report.Findings.Count);
                if (twice)
                {
                    var again = engine.LintBytes(path, input, explicitly);
                    if (!again.Findings.Select(Describe).SequenceEqual(report.Findings.Select(Describe))) return ("nondeterministic findings", report.Findings.Count);
                }
                // The parsers and the detector directly, whatever the extension says.
                string? text = SourceDecoder.TryDecode(input, input.Length, out _, out _);
                if (text != null)
                {
                    var source = new SourceText(path, text);
                    foreach (var parsed in new[] { JsonParser.Parse(source), YamlParser.Parse(source) })
                    {
                        foreach (var p in parsed.Problems)
                            if (p.Span.Start < 0 || p.Span.End > text.Length || p.Span.Start > p.Span.End) return ("parse problem outside the file: " + p.Span.Start + ".." + p.Span.End + " of " + text.Length, 0);
                        foreach (var document in parsed.Documents)
                        {
                            KindDetector.FromContent(document);
                            if (document is MappingNode map) KindDetector.PolicyKindFromContent(map);
                        }
                    }
                }
                return (null, report.Findings.Count);
            }
            catch (Exception ex)
            {
                return (ex.GetType().Name + ": " + ex.Message + "\n" + ex.StackTrace, 0);
            }
        }

        private static string Describe(Finding f) => f.RuleId + "@" + f.Span.Start + "-" + f.Span.End + ":" + f.Message;

        private static string? InBounds(IReadOnlyList<Finding> findings, string path)
        {
            foreach (var f in findings)
            {
                int length = f.Span.Source.Length;
                if (f.Span.Start < 0 || f.Span.End > length || f.Span.Start > f.Span.End)
                    return "finding outside the file: " + f.RuleId + " " + f.Span.Start + ".." + f.Span.End + " of " + length;
                if (f.Path != path) return "finding on another path: " + f.Path;
                var start = f.Start;
                var end = f.End;
                if (start.Line < 1 || start.Column < 1 || end.CompareTo(start) < 0) return "bad line/column " + start + "-" + end;
                _ = f.ToString();
            }
            return null;
        }

        private static string Rename(Random random, string name)
        {
            // Keep the name half the time: it decides the kind of many corpus files.
            if (random.Next(2) == 0) return name;
            return Names[random.Next(Names.Length)] + Extensions[random.Next(Extensions.Length)];
        }

        private static (string, byte[]) Mutate(Random random, List<(string Name, byte[] Bytes)> seeds)
        {
            var (name, original) = seeds[random.Next(seeds.Count)];
            var bytes = new List<byte>(original);
            int mutations = 1 + random.Next(random.Next(2) == 0 ? 3 : 12);
            for (int m = 0; m < mutations; m++)
            {
                int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count + 1);
                switch (random.Next(11))
                {
                    case 0: // flip a bit
                        if (bytes.Count > 0) { int i = Math.Min(at, bytes.Count - 1); bytes[i] ^= (byte)(1 << random.Next(8)); }
                        break;
                    case 1: // a random byte
                        bytes.Insert(at, (byte)random.Next(256));
                        break;
                    case 2:
                    case 3: // a token that means something to JSON, YAML or the rules
                        bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                        break;
                    case 4: // delete a range
                        if (bytes.Count > 0) { int len = Math.Min(bytes.Count - Math.Min(at, bytes.Count - 1), 1 + random.Next(64)); bytes.RemoveRange(Math.Min(at, bytes.Count - 1), len); }
                        break;
                    case 5: // duplicate a range
                        if (bytes.Count > 0) { int from = random.Next(bytes.Count); int len = Math.Min(bytes.Count - from, 1 + random.Next(256)); bytes.InsertRange(at, bytes.GetRange(from, len)); }
                        break;
                    case 6: // splice another file
                    {
                        var other = seeds[random.Next(seeds.Count)].Bytes;
                        if (other.Length > 0) { int from = random.Next(other.Length); int len = Math.Min(other.Length - from, 1 + random.Next(2048)); bytes.InsertRange(at, new ArraySegment<byte>(other, from, len)); }
                        break;
                    }
                    case 7: // truncate
                        if (bytes.Count > 0) bytes.RemoveRange(at == bytes.Count ? bytes.Count - 1 : at, bytes.Count - (at == bytes.Count ? bytes.Count - 1 : at));
                        break;
                    case 8: // line endings
                    {
                        string ending = random.Next(3) switch { 0 => "\r\n", 1 => "\r", _ => "\n\r" };
                        var replaced = new List<byte>(bytes.Count + 64);
                        foreach (byte b in bytes)
                        {
                            if (b == '\n' && random.Next(3) > 0) replaced.AddRange(Encoding.ASCII.GetBytes(ending));
                            else replaced.Add(b);
                        }
                        bytes = replaced;
                        break;
                    }
                    case 9: // a BOM, or UTF-16
                        if (random.Next(3) == 0)
                        {
                            string? text = SourceDecoder.TryDecode(bytes.ToArray(), bytes.Count, out _, out _);
                            if (text != null) bytes = new List<byte>(new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(text)));
                        }
                        else bytes.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF });
                        break;
                    default: // nest the whole thing (or a piece) deeper
                    {
                        int depth = 1 + random.Next(random.Next(2) == 0 ? 4 : 300);
                        bool json = random.Next(2) == 0;
                        byte[] open = Encoding.UTF8.GetBytes(json ? "{\"a\":" : "a:\n ");
                        byte[] close = Encoding.UTF8.GetBytes(json ? "}" : string.Empty);
                        var wrapped = new List<byte>();
                        for (int d = 0; d < depth; d++) wrapped.AddRange(json ? open : Encoding.UTF8.GetBytes("[" ));
                        wrapped.AddRange(bytes);
                        for (int d = 0; d < depth; d++) wrapped.AddRange(json ? close : Encoding.UTF8.GetBytes("]"));
                        bytes = wrapped;
                        break;
                    }
                }
                if (bytes.Count > 4_000_000) bytes.RemoveRange(4_000_000, bytes.Count - 4_000_000);
            }
            return (name, bytes.ToArray());
        }
    }

    /// <summary>Hostile inputs built in code (also used by the regression tests' list).</summary>
    internal static class Adversarial
    {
        public static IEnumerable<(string Name, byte[] Bytes)> Seeds()
        {
            yield return ("deep.json", Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)));
            yield return ("deep-objects.json", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000)));
            yield return ("deep.yaml", Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)));
            yield return ("deep-block.yaml", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i) + "a:\n")) + new string(' ', 2000) + "b\n"));
            yield return ("one-line.template.json", OneLineTemplate(10_000_000 - 64));
            yield return ("bomb.yaml", Encoding.UTF8.GetBytes(AliasBomb()));
            yield return ("nul-policy.json", Encoding.UTF8.GetBytes("{\"Statement\": [\0]}"));
            yield return ("bad-utf8-repository-policy.json", new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' });
            yield return ("crlf-repository-policy.json", Encoding.UTF8.GetBytes("{\r\n\"Statement\": [{\"Effect\": \"Allow\",\r\"Principal\": \"*\",\n\r\"Action\": \"ecr:*\"}]\r\n}"));
            yield return ("bom-stack.yaml", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Resources:\n  R:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText: '{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:*\"}]}'\n")).ToArray());
            yield return ("utf16-repository-policy.json", new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:*\"}]}")).ToArray());
        }

        /// <summary>A minified template of about <paramref name="bytes"/> bytes on one line.</summary>
        public static byte[] OneLineTemplate(int bytes)
        {
            var sb = new StringBuilder(bytes + 1024);
            sb.Append("{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Resources\":{");
            int i = 0;
            const string Resource = "\"Type\":\"AWS::ECR::Repository\",\"Properties\":{\"RepositoryPolicyText\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]}]}}}";
            while (sb.Length + Resource.Length + 40 < bytes)
            {
                if (i > 0) sb.Append(',');
                sb.Append("\"Repo").Append(i++.ToString(CultureInfo.InvariantCulture)).Append("\":{").Append(Resource);
            }
            sb.Append("}}");
            return Encoding.UTF8.GetBytes(sb.ToString());
        }

        public static string AliasBomb()
        {
            var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 12; i++)
                sb.Append('a').Append(i).Append(": &a").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
            sb.Append("Resources: *a11\n");
            return sb.ToString();
        }
    }
}
