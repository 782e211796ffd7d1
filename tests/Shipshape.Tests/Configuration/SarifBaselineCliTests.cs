using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Configuration
{
    /// <summary>
    /// <c>shipshape baseline --from-sarif</c> through the real executable, on the SARIF log of a real build of a C# CDK
    /// project (Sarif/cdk-build.sarif, see Sarif/README.md): its three Shipshape results become baseline entries, the
    /// other analyzer's result does not.
    /// </summary>
    [TestClass]
    public sealed class SarifBaselineCliTests
    {
        private const string Stack = "Stacks/RegistryStack.cs";

        /// <summary>The JSON entries the baseline had before (the package test's consumer's baseline).</summary>
        private const string JsonEntries =
            "    {\n" +
            "      \"ruleId\": \"ECR001\",\n" +
            "      \"path\": \"policies/repository-policy.json\",\n" +
            "      \"location\": \"Statement[Sid=Pull].Principal\",\n" +
            "      \"fingerprint\": \"74cfc8280f8653e9003a6e463dd68cbb:1\",\n" +
            "      \"message\": \"m1\"\n" +
            "    },\n" +
            "    {\n" +
            "      \"ruleId\": \"IAM006\",\n" +
            "      \"path\": \"policies/repository-policy.json\",\n" +
            "      \"location\": \"Statement[Sid=Pull].Action[0]\",\n" +
            "      \"fingerprint\": \"73f037d371f07077a604ddd8dacb7226:1\",\n" +
            "      \"message\": \"m2\"\n" +
            "    }";

        /// <summary>The C# entries of the build's log, in the baseline's order (path, ordinal: "Stacks/" before "policies/"; rule, location, fingerprint).</summary>
        private const string CSharpEntries =
            "    {\n" +
            "      \"ruleId\": \"ECR011\",\n" +
            "      \"path\": \"Stacks/RegistryStack.cs\",\n" +
            "      \"location\": \"Cdk.Stacks.RegistryStack..ctor/Repository(\\\"Web\\\")\",\n" +
            "      \"fingerprint\": \"348dcc8a95ed4e3ea10872e041359d13:1\",\n" +
            "      \"message\": \"Repository 'Web' uses KMS without a KmsKey, so it is encrypted with the AWS-managed key aws/ecr, whose key policy you cannot change. Set KmsKey to a customer-managed key; encryption is fixed when the repository is created, so do it before the first deploy or plan a replacement.\"\n" +
            "    },\n" +
            "    {\n" +
            "      \"ruleId\": \"ECR014\",\n" +
            "      \"path\": \"Stacks/RegistryStack.cs\",\n" +
            "      \"location\": \"Cdk.Stacks.RegistryStack..ctor/Repository(\\\"Web\\\")\",\n" +
            "      \"fingerprint\": \"7c1b12a7a095d14777d361d9b300d465:1\",\n" +
            "      \"message\": \"Repository 'Web' does not set ImageTagMutability (default MUTABLE), so a tag can be pushed again to point at a different image. Set ImageTagMutability to IMMUTABLE, or IMMUTABLE_WITH_EXCLUSION with exclusion filters for the few tags that must move (such as latest).\"\n" +
            "    },\n" +
            "    {\n" +
            "      \"ruleId\": \"IAM006\",\n" +
            "      \"path\": \"Stacks/RegistryStack.cs\",\n" +
            "      \"location\": \"Cdk.Stacks.RegistryStack..ctor/web.AddToResourcePolicy(PolicyStatement)\",\n" +
            "      \"fingerprint\": \"6c676c08769b19a5e68c4791ff594e52:1\",\n" +
            "      \"message\": \"Action 'ecr: BatchGetImage' is malformed: it contains whitespace.\"\n" +
            "    }";

        private TempFolder _dir = null!;

        [TestInitialize]
        public void Create()
        {
            _dir = new TempFolder();
            _dir.Write(".shipshape.yaml", "root: true\nbaseline: shipshape-baseline.json\n");
            _dir.Write(Stack, "// the stack the log is about\n");
        }

        [TestCleanup]
        public void Delete() => _dir.Dispose();

        private RunResult Run(params string[] args) => ShipshapeProcess.Run(_dir.Path, args);

        private static string Baseline(string entries) => "{\n  \"version\": 1,\n  \"tool\": \"shipshape\",\n  \"findings\": [\n" + entries + "\n  ]\n}\n";

        /// <summary>The real build's log with its files under <paramref name="root"/> (a folder; default the test's).</summary>
        private string BuildLog(string? root = null)
        {
            string folder = root ?? _dir.Path;
            string uri = new Uri(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar).AbsoluteUri;
            return File.ReadAllText(RepositoryRoot.Combine("tests/Shipshape.Tests/Configuration/Sarif/cdk-build.sarif")).Replace("{{ROOT}}", uri, StringComparison.Ordinal);
        }

        private static JsonObject Parse(string sarif) => JsonNode.Parse(sarif)!.AsObject();

        private static JsonArray Results(JsonObject log) => log["runs"]![0]!["results"]!.AsArray();

        private static JsonObject Result(JsonObject log, string ruleId) => Results(log).Single(r => (string?)r!["ruleId"] == ruleId)!.AsObject();

        [TestMethod]
        public void The_csharp_findings_of_a_real_build_log_are_added_and_the_other_entries_kept()
        {
            _dir.Write("shipshape-baseline.json", Baseline(JsonEntries));
            _dir.Write("obj/build.sarif", BuildLog());

            var run = Run("baseline", "--from-sarif", "obj/build.sarif", "--write", "shipshape-baseline.json");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            Assert.AreEqual(string.Empty, run.Stdout);
            Assert.AreEqual("shipshape: added 3 C# findings to the baseline shipshape-baseline.json\n", run.Stderr);
            Assert.AreEqual(Baseline(CSharpEntries + ",\n" + JsonEntries), _dir.Read("shipshape-baseline.json"));

            // Again, with the log twice (the logs of one build per framework share their findings): nothing new, same bytes.
            var again = Run("baseline", "--from-sarif", "obj/build.sarif", "--from-sarif", "obj/build.sarif", "--write", "shipshape-baseline.json");

            Assert.AreEqual(0, again.ExitCode, again.ToString());
            Assert.AreEqual("shipshape: added 0 C# findings to the baseline shipshape-baseline.json (3 already recorded)\n", again.Stderr);
            Assert.AreEqual(Baseline(CSharpEntries + ",\n" + JsonEntries), _dir.Read("shipshape-baseline.json"));
        }

        [TestMethod]
        public void A_missing_baseline_is_created_and_check_write_baseline_then_keeps_the_csharp_entries()
        {
            _dir.Write("build.sarif", BuildLog());

            var run = Run("baseline", "--from-sarif", "build.sarif", "--write", "shipshape-baseline.json");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            Assert.AreEqual(Baseline(CSharpEntries), _dir.Read("shipshape-baseline.json"));
            var rewrite = Run("check", "--write-baseline", "shipshape-baseline.json");
            Assert.AreEqual(0, rewrite.ExitCode, rewrite.ToString());
            Assert.AreEqual("shipshape: wrote 0 findings to the baseline shipshape-baseline.json (kept 3 C# entries)\n", rewrite.Stderr);
            Assert.AreEqual(Baseline(CSharpEntries), _dir.Read("shipshape-baseline.json"));
        }

        /// <summary>Relative URIs: through <c>originalUriBaseIds</c> (as GitHub's tools write them), or relative to the log's folder.</summary>
        [TestMethod]
        [DataRow("SRCROOT", "Stacks/RegistryStack.cs", DisplayName = "uriBaseId")]
        [DataRow(null, "../Stacks/RegistryStack.cs", DisplayName = "relative to the log")]
        [DataRow(null, "STACK_FILE_URI", DisplayName = "absolute path without a scheme")]
        public void Relative_uris_resolve_like_absolute_ones_and_other_tools_runs_are_ignored(string? baseId, string uri)
        {
            var log = Parse(BuildLog());
            foreach (var result in Results(log))
            {
                var artifact = result!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!.AsObject();
                artifact["uri"] = uri == "STACK_FILE_URI" ? _dir.Full(Stack) : uri;
                if (baseId != null) artifact["uriBaseId"] = baseId;
            }
            if (baseId != null)
                log["runs"]![0]!["originalUriBaseIds"] = new JsonObject { [baseId] = new JsonObject { ["uri"] = new Uri(_dir.Path + "/").AbsoluteUri } };
            // Another tool's run, with a result that names a Shipshape rule ID but none of its properties, and one of its own rules.
            log["runs"]!.AsArray().Add(JsonNode.Parse("{\"tool\": {\"driver\": {\"name\": \"othertool\"}}, \"results\": [{\"ruleId\": \"S1075\", \"message\": {\"text\": \"x\"}, \"properties\": {\"customProperties\": {\"ShipshapeFingerprint\": \"0:1\", \"ShipshapeBaselineLocation\": \"a.cs:b\"}}}]}"));
            _dir.Write("obj/build.sarif", log.ToJsonString());

            var run = Run("baseline", "--from-sarif", "obj/build.sarif", "--write", "shipshape-baseline.json");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            Assert.AreEqual("shipshape: added 3 C# findings to the baseline shipshape-baseline.json\n", run.Stderr);
            Assert.AreEqual(Baseline(CSharpEntries), _dir.Read("shipshape-baseline.json"));
        }

        [TestMethod]
        public void Results_suppressed_in_source_are_skipped_and_results_without_an_entry_are_counted_not_recorded()
        {
            var log = Parse(BuildLog());
            // As the compiler logs a finding under #pragma warning disable (copied from a real log).
            Result(log, "ECR011")["suppressions"] = JsonNode.Parse("[{\"kind\": \"inSource\", \"properties\": {\"suppressionType\": \"Pragma Directive\"}}]");
            // What a build without `baseline:` for the file logs: the finding, no entry.
            var custom = Result(log, "ECR014")["properties"]!["customProperties"]!.AsObject();
            custom.Remove("ShipshapeFingerprint");
            custom.Remove("ShipshapeBaselineLocation");
            _dir.Write("build.sarif", log.ToJsonString());

            var run = Run("baseline", "--from-sarif", "build.sarif", "--write", "shipshape-baseline.json");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            CollectionAssert.AreEqual(new[]
            {
                "shipshape: warning: build.sarif: 1 Shipshape result carries no baseline entry, not recorded (the analyzers add one when the .cs file's .shipshape.yaml names a baseline that exists when building)",
                "shipshape: added 1 C# finding to the baseline shipshape-baseline.json",
            }, run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            string written = _dir.Read("shipshape-baseline.json");
            StringAssert.Contains(written, "\"ruleId\": \"IAM006\"");
            Assert.IsFalse(written.Contains("ECR014", StringComparison.Ordinal) || written.Contains("ECR011", StringComparison.Ordinal), written);
        }

        [TestMethod]
        [DataRow(null, "shipshape: nope.sarif: no such file", DisplayName = "missing")]
        [DataRow("{\"version\": \"2.1.0\",\n  \"runs\": [", "shipshape: nope.sarif:2:12: not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.", DisplayName = "truncated")]
        [DataRow("[]", "shipshape: nope.sarif: not a SARIF log (no \"runs\" array)", DisplayName = "an array")]
        [DataRow("{\"version\": \"1.0.0\", \"runs\": []}", "shipshape: nope.sarif: SARIF version 1.0.0 is not supported; build with -p:ErrorLog=build.sarif%2Cversion=2.1 for SARIF 2.1.0", DisplayName = "SARIF 1.0")]
        [DataRow("{\"version\": \"2.1.0\", \"runs\": [{\"results\": {}}]}", "shipshape: nope.sarif: \"results\" of a run is not an array", DisplayName = "results not an array")]
        [DataRow("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [42]}]}", "shipshape: nope.sarif: a result is not an object", DisplayName = "result not an object")]
        public void A_missing_or_malformed_log_exits_two_with_one_line_and_leaves_the_baseline_alone(string? content, string expected)
        {
            _dir.Write("shipshape-baseline.json", Baseline(JsonEntries));
            _dir.Write("good.sarif", BuildLog());
            if (content != null) _dir.Write("nope.sarif", content);

            var run = Run("baseline", "--from-sarif", "good.sarif", "--from-sarif", "nope.sarif", "--write", "shipshape-baseline.json");

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.AreEqual(expected + "\n", run.Stderr);
            Assert.AreEqual(Baseline(JsonEntries), _dir.Read("shipshape-baseline.json"));
        }

        [TestMethod]
        public void A_broken_baseline_is_not_replaced()
        {
            _dir.Write("shipshape-baseline.json", "{\"version\": 1, \"findings\": [{\"ruleId\": \"ECR001\"}]}");
            _dir.Write("build.sarif", BuildLog());

            var run = Run("baseline", "--from-sarif", "build.sarif", "--write", "shipshape-baseline.json");

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.AreEqual("shipshape: shipshape-baseline.json:1:29: a baseline entry needs ruleId, path and fingerprint\n", run.Stderr);
            Assert.AreEqual("{\"version\": 1, \"findings\": [{\"ruleId\": \"ECR001\"}]}", _dir.Read("shipshape-baseline.json"));
        }

        /// <summary>The fingerprints hold the path relative to the build's baseline: another baseline's folder would never match them.</summary>
        [TestMethod]
        public void A_baseline_in_another_folder_than_the_builds_is_refused()
        {
            _dir.Write("build.sarif", BuildLog());

            var run = Run("baseline", "--from-sarif", "build.sarif", "--write", "ci/baseline.json");

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.AreEqual("shipshape: build.sarif: IAM006 in " + _dir.Full(Stack) + " was fingerprinted against a baseline in another folder (ShipshapeBaselineLocation 'Stacks/RegistryStack.cs:Cdk.Stacks.RegistryStack..ctor/web.AddToResourcePolicy(PolicyStatement)'); name the baseline the build's .shipshape.yaml names\n", run.Stderr);
            Assert.IsFalse(File.Exists(_dir.Full("ci/baseline.json")));
        }

        /// <summary>A log from a CI checkout elsewhere: its paths end with the analyzer's relative path, which exists here.</summary>
        [TestMethod]
        public void A_log_from_another_checkout_records_the_paths_the_analyzer_computed()
        {
            _dir.Write("build.sarif", BuildLog("/home/runner/work/shop/shop"));

            var run = Run("baseline", "--from-sarif", "build.sarif", "--write", "shipshape-baseline.json");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            Assert.AreEqual(Baseline(CSharpEntries), _dir.Read("shipshape-baseline.json"));

            File.Delete(_dir.Full(Stack));
            var gone = Run("baseline", "--from-sarif", "build.sarif", "--write", "shipshape-baseline.json");
            Assert.AreEqual(2, gone.ExitCode, gone.ToString());
            StringAssert.Contains(gone.Stderr, "was fingerprinted against a baseline in another folder");
        }

        [TestMethod]
        public void Both_options_are_required()
        {
            var run = Run("baseline", "--write", "shipshape-baseline.json");

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.AreEqual("shipshape: Option '--from-sarif' is required.\nRun 'shipshape --help' for usage.\n", run.Stderr);
            StringAssert.Contains(Run("--help").Stdout, "baseline");
        }
    }
}
