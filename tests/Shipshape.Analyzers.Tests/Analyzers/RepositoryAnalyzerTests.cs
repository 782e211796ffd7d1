using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.Cdk;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Analyzers.Tests.Support;
using Shipshape.Analyzers.Translation;
using Shipshape.Catalogue;
using Shipshape.Ecr;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Rules;

namespace Shipshape.Analyzers.Tests.Analyzers
{
    /// <summary>
    /// The repository settings rules (ECR010–ECR016) are written on another branch. These tests pin the translation
    /// they will read (CloudFormation names, CDK defaults, spans in the .cs file) and run the analyzer end to end
    /// with a stand-in rule, so the real rules report through it once they are in the rule set.
    /// </summary>
    [TestClass]
    public sealed class RepositoryAnalyzerTests
    {
        [TestMethod]
        public void NoPropsMeansNoPropertiesLikeCdkSynth()
            => AssertTranslation(@"new Repository(this, ""Web"");",
                "Web anchor=Repository<new Repository> properties=null");

        [TestMethod]
        public void EncryptionTranslatesToEncryptionConfiguration()
        {
            AssertTranslation(@"
        var key = new Amazon.CDK.AWS.KMS.Key(this, ""Key"");
        new Repository(this, ""Kms"", new RepositoryProps { Encryption = RepositoryEncryption.KMS, EncryptionKey = key });
        new Repository(this, ""KeyOnly"", new RepositoryProps { EncryptionKey = key });
        new Repository(this, ""Aes"", new RepositoryProps { Encryption = RepositoryEncryption.AES_256 });
        new Repository(this, ""Unknown"", new RepositoryProps { Encryption = PickEncryption() });",
                "Kms anchor=Repository<new Repository> properties={EncryptionConfiguration<Encryption>={EncryptionType<Encryption>=KMS<RepositoryEncryption.KMS>, KmsKey<EncryptionKey>=?<key>}}",
                "KeyOnly anchor=Repository<new Repository> properties={EncryptionConfiguration<EncryptionKey>={EncryptionType<EncryptionKey>=KMS<EncryptionKey>, KmsKey<EncryptionKey>=?<key>}}",
                "Aes anchor=Repository<new Repository> properties={EncryptionConfiguration<Encryption>={EncryptionType<Encryption>=AES256<RepositoryEncryption.AES_256>}}",
                "Unknown anchor=Repository<new Repository> properties={EncryptionConfiguration<Encryption>=?<PickEncryption()>}");
        }

        [TestMethod]
        public void ScanningAndTagMutabilityTranslate()
            => AssertTranslation(@"
        bool scan = true;
        new Repository(this, ""A"", new RepositoryProps { ImageScanOnPush = false, ImageTagMutability = TagMutability.IMMUTABLE });
        new Repository(this, ""B"", new RepositoryProps { ImageScanOnPush = scan, ImageTagMutability = TagMutability.MUTABLE });
        new Repository(this, ""C"", new RepositoryProps { ImageScanOnPush = System.DateTime.Now.Hour > 3 });",
                "A anchor=Repository<new Repository> properties={ImageScanningConfiguration<ImageScanOnPush>={ScanOnPush<ImageScanOnPush>=false<false>}, ImageTagMutability<ImageTagMutability>=IMMUTABLE<TagMutability.IMMUTABLE>}",
                "B anchor=Repository<new Repository> properties={ImageScanningConfiguration<ImageScanOnPush>={ScanOnPush<ImageScanOnPush>=true<scan>}, ImageTagMutability<ImageTagMutability>=MUTABLE<TagMutability.MUTABLE>}",
                "C anchor=Repository<new Repository> properties={ImageScanningConfiguration<ImageScanOnPush>=?<System.DateTime.Now.Hour > 3>}");

        [TestMethod]
        public void LifecycleRulesMakeALifecyclePolicy()
            => AssertTranslation(@"
        new Repository(this, ""Rules"", new RepositoryProps { LifecycleRules = new[] { new LifecycleRule { MaxImageCount = 10 } } });
        new Repository(this, ""Empty"", new RepositoryProps { LifecycleRules = new ILifecycleRule[0] });
        var later = new Repository(this, ""Later"");
        later.AddLifecycleRule(new LifecycleRule { MaxImageCount = 10 });
        var handedOn = new Repository(this, ""HandedOn"");
        Configure(handedOn);
        var used = new Repository(this, ""Used"");
        used.GrantPull(new AccountPrincipal(""123456789012""));
        var image = Amazon.CDK.AWS.ECS.ContainerImage.FromEcrRepository(used, ""latest"");
        var escaped = new Repository(this, ""Escaped"");
        _ = escaped.Node.DefaultChild;",
                "Rules anchor=Repository<new Repository> properties={LifecyclePolicy<LifecycleRules>={LifecyclePolicyText<new[] { new LifecycleRule { MaxImageCount = 10 } }>=?<new[] { new LifecycleRule { MaxImageCount = 10 } }>}}",
                "Empty anchor=Repository<new Repository> properties={}",
                "Later anchor=Repository<new Repository> properties={LifecyclePolicy<AddLifecycleRule>={LifecyclePolicyText<AddLifecycleRule>=?<AddLifecycleRule>}}",
                "HandedOn anchor=Repository<new Repository> properties={LifecyclePolicy<new Repository(this, \"HandedOn\")>=?<new Repository(this, \"HandedOn\")>}",
                "Used anchor=Repository<new Repository> properties=null",
                "Escaped skipped");

        [TestMethod]
        public void UsesOfALocalAreFoundWhateverSurroundsThem()
            => AssertTranslation(@"
        var repo = new Repository(this, ""Verbatim"");
        @repo.AddLifecycleRule(new LifecycleRule { MaxImageCount = 10 });
        var repository = new Repository(this, ""Untouched"");
        string repositoryName = ""repository.AddLifecycleRule""; // repository.AddLifecycleRule(…) in a comment
        _ = repositoryName;",
                "Verbatim anchor=Repository<new Repository> properties={LifecyclePolicy<AddLifecycleRule>={LifecyclePolicyText<AddLifecycleRule>=?<AddLifecycleRule>}}",
                "Untouched anchor=Repository<new Repository> properties=null");

        [TestMethod]
        public void UsesSpeltWithAUnicodeEscapeAreFound()
            => AssertTranslation(@"
        var escaped = new Repository(this, ""Escaped"");
        \u0065scaped.AddLifecycleRule(new LifecycleRule { MaxImageCount = 10 });",
                "Escaped anchor=Repository<new Repository> properties={LifecyclePolicy<AddLifecycleRule>={LifecyclePolicyText<AddLifecycleRule>=?<AddLifecycleRule>}}");

        [TestMethod]
        public void NamesPropsInLocalsAndUnknownProps()
            => AssertTranslation(@"
        const string Team = ""parcel"";
        var props = new RepositoryProps { RepositoryName = Team + ""/Web"", EmptyOnDelete = true };
        new Repository(this, ""Named"", props);
        new Repository(this, ""FromElsewhere"", PropsFromConfig());",
                "Named anchor=Repository<new Repository> properties={RepositoryName<RepositoryName>=parcel/Web<Team + \"/Web\">, EmptyOnDelete<EmptyOnDelete>=true<true>}",
                "FromElsewhere skipped");

        [TestMethod]
        public void CfnRepositoryPropertiesMapOneToOne()
            => AssertTranslation(@"
        var key = new Amazon.CDK.AWS.KMS.Key(this, ""Key"");
        var l1 = new CfnRepository(this, ""L1"", new CfnRepositoryProps
        {
            RepositoryName = ""parcel/worker"",
            ImageScanningConfiguration = new CfnRepository.ImageScanningConfigurationProperty { ScanOnPush = true },
            EncryptionConfiguration = new CfnRepository.EncryptionConfigurationProperty { EncryptionType = ""KMS"", KmsKey = key.KeyArn },
            ImageTagMutability = ""MUTABLE"",
        });
        _ = l1.AttrArn;
        var changed = new CfnRepository(this, ""Changed"", new CfnRepositoryProps { ImageTagMutability = ""MUTABLE"" });
        changed.ImageTagMutability = ""IMMUTABLE"";
        new CfnRepository(this, ""Bare"");",
                "L1 anchor=CfnRepository<new CfnRepository> properties={RepositoryName<RepositoryName>=parcel/worker<\"parcel/worker\">, ImageScanningConfiguration<ImageScanningConfiguration>={ScanOnPush<ScanOnPush>=true<true>}, EncryptionConfiguration<EncryptionConfiguration>={EncryptionType<EncryptionType>=KMS<\"KMS\">, KmsKey<KmsKey>=?<key.KeyArn>}, ImageTagMutability<ImageTagMutability>=MUTABLE<\"MUTABLE\">}",
                "Changed skipped",
                "Bare anchor=CfnRepository<new CfnRepository> properties=null");

        [TestMethod]
        public void TheAnalyzerDeclaresTheEngineRulesOverRepositories()
        {
            var expected = CdkAnalyzer.DefaultEngine.RuleIdsFor(typeof(EcrRepository)).OrderBy(i => i, StringComparer.Ordinal);
            var declared = new RepositoryAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal);
            CollectionAssert.AreEqual(expected.ToList(), declared.ToList());
        }

        [TestMethod]
        public Task ARepositoryRuleReportsThroughTheAnalyzerAtCSharpSpans()
        {
            var descriptor = new RuleDescriptor("TST013", "Scan on push is off", "Repository '{0}' {1}.", "ecr", Severity.Warning,
                new[] { "test" }, "summary", "rationale", "remediation", nameof(ScanOnPushStandIn), null, Array.Empty<RuleExample>(),
                csharpAnalyzers: new[] { nameof(RepositoryAnalyzer) });
            var catalogue = new RuleCatalogue(new[] { descriptor });
            var engine = new LintEngine(catalogue, null, new Rule[] { new ScanOnPushStandIn() });
            var test = new CdkAnalyzerTest<RepositoryAnalyzer>(Fixture.InStack(@"
        {|TST013:new Repository|}(this, ""Defaults"");
        new Repository(this, ""Off"", new RepositoryProps { ImageScanOnPush = {|TST013:false|} });
        new Repository(this, ""On"", new RepositoryProps { ImageScanOnPush = true });
        new Repository(this, ""Unknown"", new RepositoryProps { ImageScanOnPush = System.DateTime.Now.Hour > 3 });
        {|TST013:new CfnRepository|}(this, ""L1"");"))
            {
                Instance = new RepositoryAnalyzer(engine, catalogue),
            };
            return test.RunAsync();
        }

        /// <summary>What ECR013 will check: no ImageScanningConfiguration (reported at the anchor) or ScanOnPush false.</summary>
        private sealed class ScanOnPushStandIn : Rule<EcrRepository>
        {
            public override void Check(EcrRepository subject, RuleContext context)
            {
                var config = subject.Get("ImageScanningConfiguration");
                if (config == null) context.Report(subject.Anchor, subject.LogicalId ?? "?", "does not scan on push");
                else if (config is MappingNode map && map.Get("ScanOnPush") is ScalarNode s && s.Value == "false") context.Report(s, subject.LogicalId ?? "?", "turns scanning off");
            }
        }

        private static void AssertTranslation(string body, params string[] expected)
        {
            var compilation = Compile.Cdk(Fixture.InStack(body, members: @"
    private static RepositoryEncryption PickEncryption() => RepositoryEncryption.KMS;
    private static RepositoryProps PropsFromConfig() => new RepositoryProps();
    private static void Configure(Repository repository) { }
"));
            Compile.AssertNoErrors(compilation);
            var cdk = CdkTypes.Get(compilation)!;
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var actual = new List<string>();
            foreach (var syntax in tree.GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
            {
                if (!(model.GetOperation(syntax) is IObjectCreationOperation creation)) continue;
                bool l2 = SymbolEqualityComparer.Default.Equals(creation.Type, cdk.Repository);
                bool l1 = SymbolEqualityComparer.Default.Equals(creation.Type, cdk.CfnRepository);
                if (!l1 && !l2) continue;
                var translator = new RepositoryTranslator(cdk, CSharpDocument.For(creation)!);
                var repository = l2 ? translator.Repository(creation) : translator.CfnRepository(creation);
                string id = syntax.ArgumentList!.Arguments[1].ToString().Trim('"');
                actual.Add(repository == null ? id + " skipped"
                    : repository.LogicalId + " anchor=" + Compile.Dump(repository.Anchor) + " properties=" + Compile.Dump(repository.Properties));
            }
            Assert.AreEqual(string.Join("\n", expected), string.Join("\n", actual));
        }
    }
}
