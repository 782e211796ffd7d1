using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// A repository encrypted with AES256 (SSE-S3, also the default when <c>EncryptionConfiguration</c>
    /// is absent) rather than KMS or KMS_DSSE. Encryption is fixed when the repository is created.
    /// </summary>
    public sealed class RepositoryNotEncryptedWithKms : Rule<EcrRepository>
    {
        public override void Check(EcrRepository repository, RuleContext context)
        {
            if (RepositorySettings.AreUnknown(repository)) return;
            var encryption = repository.Get("EncryptionConfiguration");
            if (encryption == null)
            {
                context.Report(repository.Anchor, RepositorySettings.Label(repository), "has no EncryptionConfiguration, so it gets the default AES256");
                return;
            }
            if (!(encryption is MappingNode settings) || settings.IsUnknown) return;
            var type = settings.Get("EncryptionType");
            if (type != null && !type.IsUnknown && CfnValue.Text(type) == "AES256")
                context.Report(type, RepositorySettings.Label(repository), "is encrypted with AES256");
        }
    }
}
