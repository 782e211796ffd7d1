using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using YamlDotNet.Core;

namespace Shipshape.Bench
{
    /// <summary>
    /// The physical floor: find the same files the CLI would (same extensions), read their bytes and parse
    /// them — System.Text.Json for JSON, YamlDotNet's event parser for YAML — and do nothing else. Uses
    /// every core, like the CLI. Prints the file count and bytes so the runner can check it saw the same input.
    /// </summary>
    internal static class ParseFloor
    {
        private static readonly HashSet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".json", ".yaml", ".yml", ".template" };

        public static int Run(string[] args)
        {
            var files = new List<string>();
            foreach (string path in args)
            {
                if (File.Exists(path)) files.Add(path);
                else if (Directory.Exists(path))
                    files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => Extensions.Contains(Path.GetExtension(f))));
            }
            long bytes = 0, nodes = 0;
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
            {
                byte[] data = File.ReadAllBytes(file);
                Interlocked.Add(ref bytes, data.Length);
                Interlocked.Add(ref nodes, IsYaml(file, data) ? Yaml(data) : Json(data));
            });
            Console.Out.WriteLine(files.Count + " files, " + bytes + " bytes, " + nodes + " tokens");
            return 0;
        }

        private static bool IsYaml(string file, byte[] data)
        {
            string ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext == ".yaml" || ext == ".yml") return true;
            if (ext == ".json") return false;
            foreach (byte b in data)
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return b != '{' && b != '[';
            return false;
        }

        private static long Json(byte[] data)
        {
            try
            {
                using var document = JsonDocument.Parse(data, new JsonDocumentOptions { MaxDepth = 256 });
                return document.RootElement.ValueKind == JsonValueKind.Undefined ? 0 : 1;
            }
            catch (JsonException)
            {
                return 0;
            }
        }

        private static long Yaml(byte[] data)
        {
            long count = 0;
            try
            {
                // The same decoding the CLI does (bytes → string) before YamlDotNet reads it.
                var parser = new Parser(new StringReader(Encoding.UTF8.GetString(data)));
                while (parser.MoveNext()) count++;
            }
            catch (YamlException)
            {
            }
            return count;
        }
    }
}
