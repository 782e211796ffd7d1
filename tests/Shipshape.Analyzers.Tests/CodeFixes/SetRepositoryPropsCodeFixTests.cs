using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Analyzers.CodeFixes;
using Shipshape.Analyzers.Tests.Support;

namespace Shipshape.Analyzers.Tests.CodeFixes
{
    /// <summary>The repository settings' fixes, driven by stand-ins for ECR010/ECR013/ECR014 (see <see cref="RepositoryStandIns"/>).</summary>
    [TestClass]
    public sealed class SetRepositoryPropsCodeFixTests
    {
        private static Task Run(string before, string after, int? iterations = null)
        {
            var test = new CdkCodeFixTest<RepositoryAnalyzer, SetRepositoryPropsCodeFix>(Fixture.InStack(before), Fixture.InStack(after))
            {
                Instance = RepositoryStandIns.Analyzer(),
            };
            if (iterations != null)
            {
                // One fix per rule: fix-all works per rule ID (equivalence key), so several rules take several passes.
                test.NumberOfIncrementalIterations = iterations.Value;
                test.NumberOfFixAllIterations = -iterations.Value;
            }
            return test.RunAsync();
        }

        private const string Secure = "Encryption = RepositoryEncryption.KMS, ImageTagMutability = TagMutability.IMMUTABLE";

        [TestMethod]
        public Task InsecureValuesAreReplaced()
            => Run(@"
        new Repository(this, ""Web"", new RepositoryProps
        {
            Encryption = {|ECR010:RepositoryEncryption.AES_256|},
            ImageScanOnPush = {|ECR013:false|},
            ImageTagMutability = {|ECR014:TagMutability.MUTABLE|},
        });", @"
        new Repository(this, ""Web"", new RepositoryProps
        {
            Encryption = RepositoryEncryption.KMS,
            ImageScanOnPush = true,
            ImageTagMutability = TagMutability.IMMUTABLE,
        });", iterations: 3);

        [TestMethod]
        public Task AMissingSettingIsAddedToMultiLineProps()
            => Run(@"
        {|ECR013:new Repository|}(this, ""Worker"", new RepositoryProps
        {
            RepositoryName = ""parcel/worker"",
            Encryption = RepositoryEncryption.KMS,
            ImageTagMutability = TagMutability.IMMUTABLE,
        });", @"
        new Repository(this, ""Worker"", new RepositoryProps
        {
            RepositoryName = ""parcel/worker"",
            Encryption = RepositoryEncryption.KMS,
            ImageTagMutability = TagMutability.IMMUTABLE,
            ImageScanOnPush = true,
        });");

        [TestMethod]
        public Task AMissingSettingIsAddedAfterALastMemberWithoutComma()
            => Run(@"
        {|ECR013:new Repository|}(this, ""Worker"", new RepositoryProps
        {
            Encryption = RepositoryEncryption.KMS,
            ImageTagMutability = TagMutability.IMMUTABLE
        });", @"
        new Repository(this, ""Worker"", new RepositoryProps
        {
            Encryption = RepositoryEncryption.KMS,
            ImageTagMutability = TagMutability.IMMUTABLE,
            ImageScanOnPush = true
        });");

        [TestMethod]
        public Task AMissingSettingIsAddedToOneLineProps()
            => Run(@"
        var worker = {|ECR013:new Repository|}(this, ""Worker"", new RepositoryProps { " + Secure + @" });", @"
        var worker = new Repository(this, ""Worker"", new RepositoryProps { " + Secure + @", ImageScanOnPush = true });");

        [TestMethod]
        public Task PropsAreAddedWhenThereAreNone()
            => Run(@"
        {|ECR010:{|ECR013:{|ECR014:new Repository|}|}|}(this, ""Web"");", @"
        new Repository(this, ""Web"", new RepositoryProps { Encryption = RepositoryEncryption.KMS, ImageScanOnPush = true, ImageTagMutability = TagMutability.IMMUTABLE });", iterations: 3);

        [TestMethod]
        public Task PropsInAVariableAreLeftAlone()
        {
            string source = @"
        var props = new RepositoryProps { " + Secure + @" };
        {|ECR013:new Repository|}(this, ""Web"", props);";
            return Run(source, source);
        }
    }
}
