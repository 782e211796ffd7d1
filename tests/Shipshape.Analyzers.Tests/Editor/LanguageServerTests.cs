using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.Editor
{
    /// <summary>
    /// The squiggles in a real editor's language server: csharp-ls 0.28.0 (a dotnet tool from NuGet, installed once into
    /// a temp tool folder) opened on a scratch copy of samples/cdk-app publishes our diagnostics at the right ranges.
    /// csharp-ls runs third-party analyzers only when the client's <c>csharp</c> settings say <c>analyzersEnabled</c>;
    /// a missing or throwing analyzer shows nothing at all, so the test asserts that every expected code appears.
    /// Skipped like the build test when offline; filter with <c>--filter "TestCategory!=lsp"</c>.
    /// </summary>
    [TestClass]
    public sealed class LanguageServerTests
    {
        private const string ServerVersion = "0.28.0";

        private const string Registry = "RegistryStack.cs";
        private const string Service = "ServiceStack.cs";

        /// <summary>File, rule, a text that occurs once in the file, and the part of it the range covers.</summary>
        private static readonly (string File, string Rule, string Context, string Text)[] Expected =
        {
            (Registry, "ECR001", "new AnyPrincipal()", "new AnyPrincipal()"),
            (Registry, "IAM008", "new ArnPrincipal(PartnerAccount)", "PartnerAccount"),
            (Registry, "IAM006", "\"ecr: BatchGetImage\"", "\"ecr: BatchGetImage\""),
            (Registry, "IAM007", "\"ecr:GetDownloadUrlForLayers\"", "\"ecr:GetDownloadUrlForLayers\""),
            (Registry, "ECR003", "Resources = new[]", "Resources"),
            (Registry, "ECR002", "GrantPullPush", "GrantPullPush"),
            (Registry, "ECR010", "new Repository(this, \"Web\"", "new Repository"),
            (Registry, "ECR015", "new Repository(this, \"Web\"", "new Repository"),
            (Registry, "ECR010", "new Repository(this, \"Worker\"", "new Repository"),
            (Registry, "ECR013", "new Repository(this, \"Worker\"", "new Repository"),
            (Registry, "ECR014", "new Repository(this, \"Worker\"", "new Repository"),
            (Service, "ECS001", "[\"DB_PASSWORD\"] = \"Tr0ub4dor&3\"", "\"Tr0ub4dor&3\""),
        };

        [TestMethod]
        [TestCategory("lsp")]
        [Timeout(300_000, CooperativeCancellation = true)]
        public void CsharpLsPublishesOurDiagnosticsAtTheRightRanges()
        {
            ScratchSample.SkipWhenOffline();
            string server = InstallServer();
            string work = ScratchSample.NewFolder("shipshape-lsp-");
            try
            {
                ScratchSample.Copy(Path.Combine(RepositoryRoot.Path, "samples", "cdk-app"), work);
                // The server evaluates the project itself: the analyzer path goes into the project, not onto a command line.
                string props = Path.Combine(work, "Directory.Build.props");
                File.WriteAllText(props, File.ReadAllText(props).Replace("</PropertyGroup>",
                    "  <ShipshapeAnalyzerPath>" + AppContext.BaseDirectory + "</ShipshapeAnalyzerPath>\n  </PropertyGroup>", StringComparison.Ordinal));
                var (exitCode, output) = ScratchSample.Run(work, "restore", "CdkApp.csproj");
                Assert.AreEqual(0, exitCode, output);

                var files = Expected.Select(e => e.File).Distinct().ToDictionary(f => f, f => File.ReadAllText(Path.Combine(work, f)));
                var expected = Expected.Select(e => e.File + " " + e.Rule + " " + Range(files[e.File], e.Context, e.Text)).OrderBy(s => s, StringComparer.Ordinal).ToList();

                using var client = LspClient.Start(server, work);
                var published = Diagnose(client, work, files, Expected.Select(e => (e.File, e.Rule)).Distinct().ToList());
                var ours = published.Where(d => Regex.IsMatch(d, @"^\S+ (ECR|IAM|ECS|EKS)\d")).OrderBy(s => s, StringComparer.Ordinal).ToList();
                Assert.AreEqual(string.Join("\n", expected), string.Join("\n", ours), "published:\n" + string.Join("\n", published) + "\nserver stderr:\n" + client.StandardError);
            }
            finally
            {
                ScratchSample.Delete(work);
            }
        }

        /// <summary>Runs the LSP session until each document's published diagnostics contain every expected code (or time runs out): "File CODE range" lines.</summary>
        private static List<string> Diagnose(LspClient client, string root, Dictionary<string, string> files, List<(string File, string Rule)> expectedCodes)
        {
            string rootUri = new Uri(root + Path.DirectorySeparatorChar).AbsoluteUri;
            var settings = new { csharp = new { analyzersEnabled = true } };
            int initialize = client.Request("initialize", new
            {
                processId = Environment.ProcessId,
                rootUri,
                capabilities = new { workspace = new { configuration = true }, textDocument = new { publishDiagnostics = new { } } },
                workspaceFolders = new[] { new { uri = rootUri, name = "cdk-app" } },
            });
            var last = files.Keys.ToDictionary(f => f, _ => new List<string>());
            var deadline = DateTime.UtcNow.AddSeconds(180);
            while (client.Next(deadline) is JsonElement message)
            {
                string? method = message.TryGetProperty("method", out var m) ? m.GetString() : null;
                bool hasId = message.TryGetProperty("id", out var id);
                if (method == null && hasId && id.ValueKind == JsonValueKind.Number && id.GetInt32() == initialize)
                {
                    Assert.IsFalse(message.TryGetProperty("error", out var error), "initialize failed: " + error);
                    client.Notify("initialized", new { });
                    client.Notify("workspace/didChangeConfiguration", new { settings });
                    foreach (var (file, text) in files)
                        client.Notify("textDocument/didOpen", new { textDocument = new { uri = new Uri(Path.Combine(root, file)).AbsoluteUri, languageId = "csharp", version = 1, text } });
                    continue;
                }
                if (method == "workspace/configuration" && hasId)
                {
                    int count = message.GetProperty("params").GetProperty("items").GetArrayLength();
                    client.Respond(id, Enumerable.Repeat<object>(settings.csharp, count).ToArray());
                    continue;
                }
                if (method != null && hasId)
                {
                    // client/registerCapability, window/workDoneProgress/create…: acknowledge.
                    client.Respond(id, null);
                    continue;
                }
                if (method != "textDocument/publishDiagnostics") continue;
                var parameters = message.GetProperty("params");
                string? published = files.Keys.FirstOrDefault(f => parameters.GetProperty("uri").GetString()!.EndsWith("/" + f, StringComparison.Ordinal));
                if (published == null) continue;
                last[published] = parameters.GetProperty("diagnostics").EnumerateArray().Select(Describe).ToList();
                if (expectedCodes.All(e => last[e.File].Any(d => d.StartsWith(e.Rule + " ", StringComparison.Ordinal)))) break;
            }
            return last.SelectMany(f => f.Value.Select(d => f.Key + " " + d)).ToList();
        }

        private static string Describe(JsonElement diagnostic)
        {
            string code = diagnostic.TryGetProperty("code", out var c) ? (c.ValueKind == JsonValueKind.String ? c.GetString()! : c.ToString()) : "?";
            var range = diagnostic.GetProperty("range");
            return code + " " + Position(range.GetProperty("start")) + "-" + Position(range.GetProperty("end"));
        }

        private static string Position(JsonElement position) => position.GetProperty("line").GetInt32() + ":" + position.GetProperty("character").GetInt32();

        /// <summary>The LSP range (0-based line:character, UTF-16) of <paramref name="of"/> inside the only occurrence of <paramref name="context"/>.</summary>
        private static string Range(string text, string context, string of)
        {
            int index = text.IndexOf(context, StringComparison.Ordinal);
            Assert.IsTrue(index >= 0 && text.IndexOf(context, index + 1, StringComparison.Ordinal) < 0, "'" + context + "' must occur once in the file");
            index += context.IndexOf(of, StringComparison.Ordinal);
            return At(text, index) + "-" + At(text, index + of.Length);
        }

        private static string At(string text, int offset)
        {
            int line = text.Take(offset).Count(ch => ch == '\n');
            int lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
            return line + ":" + (offset - lineStart);
        }

        /// <summary>csharp-ls from NuGet, installed once per machine into a temp tool folder; inconclusive when it cannot be installed.</summary>
        private static string InstallServer()
        {
            string folder = Path.Combine(Path.GetTempPath(), "shipshape-tools", "csharp-ls-" + ServerVersion);
            string executable = Path.Combine(folder, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
            if (File.Exists(executable)) return executable;
            var (exitCode, output) = ScratchSample.Run(Path.GetTempPath(), "tool", "install", "csharp-ls", "--version", ServerVersion, "--tool-path", folder);
            if (exitCode != 0 || !File.Exists(executable)) Assert.Inconclusive("csharp-ls " + ServerVersion + " could not be installed (offline?):\n" + output);
            return executable;
        }
    }
}
