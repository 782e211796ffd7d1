using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Catalogue;
using Shipshape.Cli.Output;

namespace Shipshape.Tests.Cli
{
    [TestClass]
    public sealed class SarifFormatterTests
    {
        private static JsonElement Render(CheckReport report)
        {
            using var document = JsonDocument.Parse(Reports.Render(new SarifFormatter("1.2.3"), report));
            return document.RootElement.Clone();
        }

        [TestMethod]
        public void DescribesTheToolAndEveryRule()
        {
            var sarif = Render(Reports.Of(("repository-policy.json", Reports.PublicPolicy)));

            Assert.AreEqual(SarifFormatter.SchemaUri, sarif.GetProperty("$schema").GetString());
            Assert.AreEqual("2.1.0", sarif.GetProperty("version").GetString());
            var run = sarif.GetProperty("runs")[0];
            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.AreEqual("Shipshape", driver.GetProperty("name").GetString());
            Assert.AreEqual("https://github.com/shipshape-lint/shipshape", driver.GetProperty("informationUri").GetString());
            Assert.AreEqual("1.2.3", driver.GetProperty("semanticVersion").GetString());
            var rules = driver.GetProperty("rules").EnumerateArray().ToList();
            CollectionAssert.AreEqual(RuleCatalogue.Embedded.Rules.Select(r => r.Id).ToList(), rules.Select(r => r.GetProperty("id").GetString()).ToList());
            Assert.AreEqual("file:///repo/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());

            var ecr001 = rules.Single(r => r.GetProperty("id").GetString() == "ECR001");
            Assert.AreEqual("PublicECRRepositoryOrRegistryPolicy", ecr001.GetProperty("name").GetString());
            Assert.AreEqual("Public ECR repository or registry policy", ecr001.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.StartsWith("An `Allow` statement", ecr001.GetProperty("fullDescription").GetProperty("text").GetString()!);
            Assert.Contains("## How to fix", ecr001.GetProperty("help").GetProperty("markdown").GetString()!);
            Assert.Contains("How to fix: ", ecr001.GetProperty("help").GetProperty("text").GetString()!);
            Assert.AreEqual("https://github.com/shipshape-lint/shipshape/blob/main/docs/rules/ECR001.md", ecr001.GetProperty("helpUri").GetString());
            Assert.AreEqual("error", ecr001.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            var properties = ecr001.GetProperty("properties");
            Assert.AreEqual("9.1", properties.GetProperty("security-severity").GetString());
            CollectionAssert.AreEqual(new[] { "security", "ecr", "iam" }, properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray());

            // Rules without a security score carry no security-severity at all.
            var lint001 = rules.Single(r => r.GetProperty("id").GetString() == "LINT001");
            Assert.IsFalse(lint001.GetProperty("properties").TryGetProperty("security-severity", out _));
        }

        [TestMethod]
        public void ResultsPointAtRulesAndRepoRelativeRegions()
        {
            var sarif = Render(Reports.Of(("repository-policy.json", Reports.PublicPolicy)));
            var run = sarif.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
            var results = run.GetProperty("results").EnumerateArray().ToList();

            Assert.HasCount(2, results);
            var first = results[0];
            Assert.AreEqual("ECR001", first.GetProperty("ruleId").GetString());
            Assert.AreEqual("ECR001", rules[first.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.AreEqual("IAM006", rules[results[1].GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.AreEqual("error", first.GetProperty("level").GetString());
            Assert.StartsWith("The statement at line 4 allows any principal", first.GetProperty("message").GetProperty("text").GetString()!);
            var location = first.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.AreEqual("repository-policy.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.AreEqual("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            var region = location.GetProperty("region");
            Assert.AreEqual(6, region.GetProperty("startLine").GetInt32());
            Assert.AreEqual(20, region.GetProperty("startColumn").GetInt32());
            Assert.AreEqual(6, region.GetProperty("endLine").GetInt32());
            Assert.AreEqual(23, region.GetProperty("endColumn").GetInt32());
            Assert.MatchesRegex("^[0-9a-f]{16}:1$", first.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!);
        }

        [TestMethod]
        public void FingerprintsIgnoreLineNumbersAndCountRepeats()
        {
            // Two statements on one line: same rule, path and line text, told apart by the occurrence.
            string policy = "{\"Version\": \"2012-10-17\", \"Statement\": [\n" +
                "  {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"}, {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"}\n" +
                "]}";
            string shifted = "\n\n" + policy;

            string[] Hashes(string text) => Render(Reports.Of(("repository-policy.json", text))).GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!).ToArray();

            string[] original = Hashes(policy);
            Assert.HasCount(2, original);
            Assert.AreEqual(original[0].Split(':')[0], original[1].Split(':')[0]);
            Assert.EndsWith(":1", original[0]);
            Assert.EndsWith(":2", original[1]);
            CollectionAssert.AreEqual(original, Hashes(shifted));
            CollectionAssert.AreNotEqual(original, Render(Reports.Of(("other/repository-policy.json", policy))).GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!).ToArray());
        }

        [TestMethod]
        public void UrisAreEscapedAndAbsolutePathsHaveNoBase()
        {
            var sarif = Render(Reports.Of(("my dir/repository-policy.json", Reports.BrokenPolicy), ("/elsewhere/repository-policy.json", Reports.BrokenPolicy)));
            var artifacts = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation")).ToList();

            Assert.AreEqual("file:///elsewhere/repository-policy.json", artifacts[0].GetProperty("uri").GetString());
            Assert.IsFalse(artifacts[0].TryGetProperty("uriBaseId", out _));
            Assert.AreEqual("my%20dir/repository-policy.json", artifacts[1].GetProperty("uri").GetString());
        }

        [TestMethod]
        public void WritesNoEmptyStrings()
        {
            var sarif = Render(Reports.Of(("repository-policy.json", Reports.PublicPolicy), ("broken/repository-policy.json", Reports.BrokenPolicy)));

            var empty = new List<string>();
            FindEmptyStrings(sarif, "$", empty);
            Assert.IsEmpty(empty, string.Join(", ", empty));
        }

        private static void FindEmptyStrings(JsonElement element, string path, List<string> found)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject()) FindEmptyStrings(property.Value, path + "." + property.Name, found);
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    foreach (var item in element.EnumerateArray()) FindEmptyStrings(item, path + "[" + i++ + "]", found);
                    break;
                case JsonValueKind.String:
                    if (element.GetString()!.Length == 0) found.Add(path);
                    break;
            }
        }
    }
}
