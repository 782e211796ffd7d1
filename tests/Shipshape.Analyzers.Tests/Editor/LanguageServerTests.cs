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

        /// <summary>Rule, file, a text that occurs once in that file, and the part of it the range covers.</summary>
        private static readonly (string Rule, string File, string Context, string Text)[] Expected =
        {
            ("ECR001", "RegistryStack.cs", "new AnyPrincipal()", "new AnyPrincipal()"),
            ("IAM008", "RegistryStack.cs", "new ArnPrincipal(PartnerAccount)", "PartnerAccount"),
            ("IAM006", "RegistryStack.cs", "\"ecr: BatchGetImage\"", "\"ecr: BatchGetImage\""),
            ("IAM007", "RegistryStack.cs", "\"ecr:GetDownloadUrlForLayers\"", "\"ecr:GetDownloadUrlForLayers\""),
            ("ECR003", "RegistryStack.cs", "Resources = new[]", "Resources"),
            ("ECR002", "RegistryStack.cs", "GrantPullPush", "GrantPullPush"),
            ("ECR010", "RegistryStack.cs", "new Repository(this, \"Web\"", "new Repository"),
            ("ECR015", "RegistryStack.cs", "new Repository(this, \"Web\"", "new Repository"),
            ("ECR010", "RegistryStack.cs", "new Repository(this, \"Worker\"", "new Repository"),
            ("ECR013", "RegistryStack.cs", "new Repository(this, \"Worker\"", "new Repository"),
            ("ECR014", "RegistryStack.cs", "new Repository(this, \"Worker\"", "new Repository"),
            ("EKS001", "ClusterStacks.cs", "new Cluster(this, \"Sorting\"", "new Cluster"),
            ("EKS002", "ClusterStacks.cs", "new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT }", "new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT }"),
            ("ECS001", "ServiceStack.cs", "[\"DB_PASSWORD\"] = \"Tr0ub4dor&3\"", "\"Tr0ub4dor&3\""),
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

                var texts = Expected.Select(e => e.File).Distinct().ToDictionary(f => f, f => File.ReadAllText(Path.Combine(work, f)));
                var expected = Expected.Select(e => e.Rule + " " + e.File + " " + Range(texts[e.File], e.File, e.Context, e.Text)).OrderBy(s => s, StringComparer.Ordinal).ToList();

                using var client = LspClient.Start(server, work);
                var codes = Expected.GroupBy(e => e.File).ToDictionary(g => g.Key, g => g.Select(e => e.Rule).Distinct().ToList());
                var published = Diagnose(client, work, texts, codes);
                var ours = published.Where(d => d.StartsWith("ECR", StringComparison.Ordinal) || d.StartsWith("IAM", StringComparison.Ordinal)
                        || d.StartsWith("EKS", StringComparison.Ordinal) || d.StartsWith("ECS", StringComparison.Ordinal))
                    .OrderBy(s => s, StringComparer.Ordinal).ToList();
                Assert.AreEqual(string.Join("\n", expected), string.Join("\n", ours), "published:\n" + string.Join("\n", published) + "\nserver stderr:\n" + client.StandardError);
            }
            finally
            {
                ScratchSample.Delete(work);
            }
        }

        /// <summary>
        /// Runs the LSP session until each open document's published diagnostics contain every code expected there (or time
        /// runs out); the last publication of each, as <c>code file range</c>.
        /// </summary>
        private static List<string> Diagnose(LspClient client, string root, Dictionary<string, string> texts, Dictionary<string, List<string>> expectedCodes)
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
            var last = texts.Keys.ToDictionary(f => f, _ => new List<string>());
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
                    foreach (var (file, text) in texts)
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
                string? published = texts.Keys.FirstOrDefault(f => parameters.GetProperty("uri").GetString()!.EndsWith("/" + f, StringComparison.Ordinal));
                if (published == null) continue;
                last[published] = parameters.GetProperty("diagnostics").EnumerateArray().Select(d => Describe(d, published)).ToList();
                if (expectedCodes.All(f => f.Value.All(code => last[f.Key].Any(d => d.StartsWith(code + " ", StringComparison.Ordinal))))) break;
            }
            return last.Values.SelectMany(l => l).ToList();
        }

        private static string Describe(JsonElement diagnostic, string file)
        {
            string code = diagnostic.TryGetProperty("code", out var c) ? (c.ValueKind == JsonValueKind.String ? c.GetString()! : c.ToString()) : "?";
            var range = diagnostic.GetProperty("range");
            return code + " " + file + " " + Position(range.GetProperty("start")) + "-" + Position(range.GetProperty("end"));
        }

        private static string Position(JsonElement position) => position.GetProperty("line").GetInt32() + ":" + position.GetProperty("character").GetInt32();

        /// <summary>The LSP range (0-based line:character, UTF-16) of <paramref name="of"/> inside the only occurrence of <paramref name="context"/>.</summary>
        private static string Range(string text, string file, string context, string of)
        {
            int index = text.IndexOf(context, StringComparison.Ordinal);
            Assert.IsTrue(index >= 0 && text.IndexOf(context, index + 1, StringComparison.Ordinal) < 0, "'" + context + "' must occur once in " + file);
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
