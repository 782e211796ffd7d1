using System;
using System.IO;
using System.Text;

namespace Shipshape.Cli
{
    /// <summary>Buffered UTF-8 (no BOM) writers for stdout and files; Console.Out flushes on every write.</summary>
    internal static class ConsoleStreams
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public static TextWriter OpenStandardOutput() => new StreamWriter(Console.OpenStandardOutput(), Utf8, 64 * 1024) { NewLine = "\n" };

        public static TextWriter CreateFile(string path) => new StreamWriter(path, append: false, Utf8) { NewLine = "\n" };
    }
}
