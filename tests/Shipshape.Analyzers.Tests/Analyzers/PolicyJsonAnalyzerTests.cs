using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Tests.Support;
using Verify = Shipshape.Analyzers.Tests.Support.CdkAnalyzerTest<Shipshape.Analyzers.PolicyJsonAnalyzer>;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    /// <summary><c>PolicyDocument.FromJson</c>/<c>PolicyStatement.FromJson</c> over C# literals, judged by the engine's IAM rules as CDK reads the JSON.</summary>
    [TestClass]
    public sealed class PolicyJsonAnalyzerTests
    {
        [TestMethod]
        public Task DictionaryLiteralsAreReadAtTheirLiterals()
            => Verify.RunAsync(Fixture.InStack(@"
        var document = PolicyDocument.FromJson(new Dictionary<string, object>
        {
            [""Version""] = ""2012-10-17"",
            [""Statement""] = new object[]
            {
                new Dictionary<string, object>
                {
                    [""Effect""] = ""Allow"",
                    [""Action""] = {|IAM007:""ecr:BatchGetImages""|},
                    [""Resource""] = {|IAM009:""arn:aws:ecr:eu-west-1:123:repository/web""|},
                },
                new Dictionary<string, object>
                {
                    { ""Effect"", {|IAM004:""allow""|} },
                    { ""Action"", new[] { ""ecr:BatchGetImage"", {|IAM006:""ecr: PutImage""|} } },
                    { ""Principal"", new Dictionary<string, object> { [""AWS""] = {|IAM008:""arn:aws:iam::12345678901:root""|} } },
                },
            },
        });"));

        [TestMethod]
        public Task MessageSeverityAndSpanComeFromTheCatalogue()
            => Verify.RunAsync(Fixture.InStack(@"
        var statement = PolicyStatement.FromJson(new Dictionary<string, object> { [""Action""] = ""ecr:BatchGetImages"" });"),
                new DiagnosticResult("IAM007", DiagnosticSeverity.Warning)
                    .WithSpan(12, 96, 12, 116)
                    .WithArguments("Action 'ecr:BatchGetImages' does not exist: did you mean 'ecr:BatchGetImage'?"));

        [TestMethod]
        public Task ConstantsSortedDictionariesAndCollectionExpressionsAreRead()
            => Verify.RunAsync(Fixture.InStack(@"
        const string Pull = ""ecr:BatchGetImage"";
        var describe = ""ecr:DescribeImage"";
        var document = PolicyDocument.FromJson(new Dictionary<string, object>
        {
            [""Statement""] = new object[]
            {
                new Dictionary<string, object> { [""Sid""] = ""Pull"", [""Action""] = new[] { Pull, {|IAM007:describe|} }, [""Resource""] = ""*"" },
                new Dictionary<string, object>
                {
                    [""Sid""] = {|IAM010:""Pull""|},
                    [""Effect""] = ""Deny"",
                    [""NotAction""] = (string[])[{|IAM006:""ecr:*:*""|}],
                    [""Condition""] = new SortedDictionary<string, object> { [{|IAM011:""StringEqual""|}] = new Dictionary<string, string> { [""aws:PrincipalOrgID""] = ""o-a1b2c3d4e5"" } },
                },
            },
        });"));

        [TestMethod]
        public Task ObjectsJsiiCannotPassAreUnknown()
            // jsii fails at synth on anonymous objects, List<T> and Hashtable ("Could not infer JSII type"): not read, no finding.
            => Verify.RunAsync(Fixture.InStack(@"
        var anonymous = PolicyStatement.FromJson(new { Action = ""ecr: BatchGetImage"" });
        var list = PolicyStatement.FromJson(new Dictionary<string, object> { [""Action""] = new List<object> { ""ecr: BatchGetImage"" } });
        var table = PolicyStatement.FromJson(new System.Collections.Hashtable { [""Action""] = ""ecr: BatchGetImage"" });
        var numbers = PolicyStatement.FromJson(new Dictionary<int, object> { [1] = ""ecr: BatchGetImage"" });"));

        [TestMethod]
        public Task CdkDefaultsAreHonoured()
            // CDK writes Version 2012-10-17 itself and makes an absent or null Effect Allow: no IAM003, no IAM004.
            => Verify.RunAsync(Fixture.InStack(@"
        var document = PolicyDocument.FromJson(new Dictionary<string, object>
        {
            [""Statement""] = new[]
            {
                new Dictionary<string, object> { [""Action""] = ""ecr:BatchGetImage"", [""Resource""] = ""*"" },
                new Dictionary<string, object> { [""Effect""] = null, [""Action""] = ""ecr:BatchGetImage"", [""Resource""] = ""*"" },
            },
        });
        var statement = PolicyStatement.FromJson(new Dictionary<string, string> { [""Action""] = ""ecr:BatchGetImage"", [""Resource""] = ""*"" });"));

        [TestMethod]
        public Task AJsonLiteralInALocalHandedOnlyToFromJsonIsRead()
            => Verify.RunAsync(Fixture.InStack(@"
        var json = new Dictionary<string, object> { [""Action""] = new[] { {|IAM006:""ecr:Batch GetImage""|} }, [""Resource""] = ""*"" };
        var statement = PolicyStatement.FromJson(json);"));

        [TestMethod]
        public Task UnknownValuesAreNeverFindings()
            => Verify.RunAsync(Fixture.InStack(@"
        var changed = new Dictionary<string, object> { [""Action""] = ""ecr: BatchGetImage"" };
        changed[""Action""] = ""ecr:BatchGetImage"";
        var fromText = PolicyDocument.FromJson(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(""{}""));
        var fromMethod = PolicyStatement.FromJson(StatementFromConfig());
        var fromChanged = PolicyStatement.FromJson(changed);
        var custom = PolicyStatement.FromJson(new Custom { Action = ""ecr: BatchGetImage"" });
        var tokens = PolicyStatement.FromJson(new Dictionary<string, object> { [""Action""] = Fn.ImportValue(""Action""), [Key()] = ""ecr: X"" });
        var notAList = PolicyDocument.FromJson(new Dictionary<string, object> { [""Statement""] = new Dictionary<string, object> { [""Action""] = ""ecr: BatchGetImage"" } });
        var handedOn = new[] { ""ecr: BatchGetImage"" };
        Touch(handedOn);
        var viaLocal = PolicyStatement.FromJson(new Dictionary<string, object> { [""Action""] = handedOn });",
                members: @"    private static object StatementFromConfig() => new Dictionary<string, object> { [""Action""] = ""ecr: BatchGetImage"" };
    private static string Key() => ""Action"";
    private static void Touch(string[] list) => list[0] = ""ecr:BatchGetImage"";
    private sealed class Custom { public string Action { get; set; } = """"; }
"));

        [TestMethod]
        public Task OtherFromJsonMethodsAreIgnored()
            => Verify.RunAsync(Fixture.InStack(@"
        var statement = FromJson(new Dictionary<string, object> { [""Action""] = ""ecr: BatchGetImage"" });",
                members: @"    private static object FromJson(object json) => json;
"));
    }
}
