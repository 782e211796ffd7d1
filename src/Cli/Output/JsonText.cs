using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Shipshape.Cli.Output
{
    /// <summary>Runs a <see cref="Utf8JsonWriter"/> and hands its indented UTF-8 output to a <see cref="TextWriter"/>.</summary>
    internal static class JsonText
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = true,
            // The output is never embedded in HTML, so quotes and apostrophes in messages stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static void Write(TextWriter writer, Action<Utf8JsonWriter> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                write(json);
            }
            writer.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }
}
