using System;
using Shipshape.Catalogue;
using Shipshape.Ecr;
using Shipshape.Engine;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Rules;

namespace Shipshape.Analyzers.Tests.Support
{
    /// <summary>
    /// Stand-ins for the repository-settings rules written on another branch (ECR010 encryption, ECR013 scan on push,
    /// ECR014 tag mutability), with the semantics the issue gives them, in a catalogue of their own. They let the
    /// analyzer's translation and the code fixes be tested end to end before the real rules land.
    /// </summary>
    internal static class RepositoryStandIns
    {
        public static RepositoryAnalyzer Analyzer()
        {
            var catalogue = new RuleCatalogue(new[]
            {
                Descriptor("ECR010", nameof(AesEncryption)),
                Descriptor("ECR013", nameof(NoScanOnPush)),
                Descriptor("ECR014", nameof(MutableTags)),
            });
            var engine = new LintEngine(catalogue, null, new Rule[] { new AesEncryption(), new NoScanOnPush(), new MutableTags() });
            return new RepositoryAnalyzer(engine, catalogue);
        }

        private static RuleDescriptor Descriptor(string id, string implementation)
            => new RuleDescriptor(id, id + " stand-in", "Repository '{0}': {1}.", "ecr", Severity.Warning, new[] { "test" },
                "summary", "rationale", "remediation", implementation, null, Array.Empty<RuleExample>(), csharpAnalyzers: new[] { nameof(RepositoryAnalyzer) });

        /// <summary>Reports the setting when it is absent (at the anchor) or has the insecure value (at the value); unknown is silent.</summary>
        private abstract class SettingRule : Rule<EcrRepository>
        {
            protected abstract Node? Setting(EcrRepository repository, out bool absent);

            protected abstract bool Insecure(ScalarNode value);

            public override void Check(EcrRepository subject, RuleContext context)
            {
                var value = Setting(subject, out bool absent);
                if (absent) context.Report(subject.Anchor, subject.LogicalId ?? "?", "not set");
                else if (value is ScalarNode scalar && Insecure(scalar)) context.Report(scalar, subject.LogicalId ?? "?", scalar.Value);
            }
        }

        private sealed class AesEncryption : SettingRule
        {
            protected override Node? Setting(EcrRepository repository, out bool absent)
            {
                var config = repository.Get("EncryptionConfiguration");
                absent = config == null;
                return config is MappingNode map ? map.Get("EncryptionType") : null;
            }

            protected override bool Insecure(ScalarNode value) => value.Value == "AES256";
        }

        private sealed class NoScanOnPush : SettingRule
        {
            protected override Node? Setting(EcrRepository repository, out bool absent)
            {
                var config = repository.Get("ImageScanningConfiguration");
                absent = config == null;
                return config is MappingNode map ? map.Get("ScanOnPush") : null;
            }

            protected override bool Insecure(ScalarNode value) => value.Value == "false";
        }

        private sealed class MutableTags : SettingRule
        {
            protected override Node? Setting(EcrRepository repository, out bool absent)
            {
                var value = repository.Get("ImageTagMutability");
                absent = value == null;
                return value;
            }

            protected override bool Insecure(ScalarNode value) => value.Value == "MUTABLE";
        }
    }
}
