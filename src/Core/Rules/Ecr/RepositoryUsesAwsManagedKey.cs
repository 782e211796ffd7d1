using System;
using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// KMS (or KMS_DSSE) encryption with the AWS-managed <c>aws/ecr</c> key: <c>KmsKey</c> absent, or
    /// naming <c>alias/aws/ecr</c> itself.
    /// </summary>
    public sealed class RepositoryUsesAwsManagedKey : Rule<EcrRepository>
    {
        private const string AwsManagedAlias = "alias/aws/ecr";

        public override void Check(EcrRepository repository, RuleContext context)
        {
            if (RepositorySettings.AreUnknown(repository)) return;
            if (!(repository.Get("EncryptionConfiguration") is MappingNode settings) || settings.IsUnknown) return;
            var type = settings.Get("EncryptionType");
            string? encryption = type == null || type.IsUnknown ? null : CfnValue.Text(type);
            if (encryption != "KMS" && encryption != "KMS_DSSE") return;
            var key = settings.Get("KmsKey");
            if (key == null)
            {
                context.Report(type!, RepositorySettings.Label(repository), encryption + " without a KmsKey");
                return;
            }
            string? text = CfnValue.Render(key);
            if (text == null) return;
            string known = CfnValue.KnownSuffix(text);
            bool awsManaged = CfnValue.HasUnknownParts(text)
                ? known.EndsWith(":" + AwsManagedAlias, StringComparison.Ordinal)
                : text == AwsManagedAlias || text.EndsWith(":" + AwsManagedAlias, StringComparison.Ordinal);
            if (awsManaged) context.Report(key, RepositorySettings.Label(repository), encryption + " with KmsKey " + AwsManagedAlias);
        }
    }
}
