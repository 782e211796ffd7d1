using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Shipshape.Analyzers.Tests.Support
{
    /// <summary>A minimal Language Server Protocol client over stdio: JSON-RPC messages framed by <c>Content-Length</c>.</summary>
    internal sealed class LspClient : IDisposable
    {
        private readonly Process _process;
        private readonly Stream _input;
        private readonly BlockingCollection<JsonElement> _messages = new BlockingCollection<JsonElement>();
        private readonly StringBuilder _stderr = new StringBuilder();
        private readonly Task _reader;
        private int _nextId;

        private LspClient(Process process)
        {
            _process = process;
            _input = process.StandardInput.BaseStream;
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_stderr) _stderr.AppendLine(e.Data); };
            process.BeginErrorReadLine();
            _reader = Task.Run(() => ReadLoop(process.StandardOutput.BaseStream));
        }

        public static LspClient Start(string executable, string workingDirectory)
        {
            var start = new ProcessStartInfo(executable)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            ScratchSample.CleanEnvironment(start);
            return new LspClient(Process.Start(start)!);
        }

        public string StandardError
        {
            get { lock (_stderr) return _stderr.ToString(); }
        }

        public int Request(string method, object? parameters)
        {
            int id = Interlocked.Increment(ref _nextId);
            Send(new { jsonrpc = "2.0", id, method, @params = parameters });
            return id;
        }

        public void Notify(string method, object? parameters) => Send(new { jsonrpc = "2.0", method, @params = parameters });

        public void Respond(JsonElement id, object? result) => Send(new { jsonrpc = "2.0", id, result });

        /// <summary>The next message from the server, or null when none arrives before <paramref name="deadline"/>.</summary>
        public JsonElement? Next(DateTime deadline)
        {
            var wait = deadline - DateTime.UtcNow;
            if (wait <= TimeSpan.Zero) return null;
            return _messages.TryTake(out var message, wait) ? message : null;
        }

        private void Send(object message)
        {
            byte[] body = JsonSerializer.SerializeToUtf8Bytes(message);
            byte[] header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n");
            lock (_input)
            {
                _input.Write(header, 0, header.Length);
                _input.Write(body, 0, body.Length);
                _input.Flush();
            }
        }

        private void ReadLoop(Stream output)
        {
            try
            {
                while (true)
                {
                    int length = -1;
                    string? line;
                    while ((line = ReadLine(output)) != null && line.Length > 0)
                    {
                        if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                            length = int.Parse(line.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                    if (line == null || length < 0) break;
                    byte[] body = new byte[length];
                    int read = 0;
                    while (read < length)
                    {
                        int n = output.Read(body, read, length - read);
                        if (n <= 0) return;
                        read += n;
                    }
                    using var document = JsonDocument.Parse(body);
                    _messages.Add(document.RootElement.Clone());
                }
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
            finally
            {
                _messages.CompleteAdding();
            }
        }

        private static string? ReadLine(Stream stream)
        {
            var bytes = new System.Collections.Generic.List<byte>();
            while (true)
            {
                int b = stream.ReadByte();
                if (b < 0) return null;
                if (b == '\n') break;
                if (b != '\r') bytes.Add((byte)b);
            }
            return Encoding.ASCII.GetString(bytes.ToArray());
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    Request("shutdown", null);
                    Notify("exit", null);
                    if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
                }
            }
            catch (IOException)
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
            _reader.Wait(5000);
            _process.Dispose();
            _messages.Dispose();
        }
    }
}
