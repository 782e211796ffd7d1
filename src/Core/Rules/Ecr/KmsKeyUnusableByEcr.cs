using System.Collections.Generic;
using System.Linq;
using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// The repository's <c>KmsKey</c> references a key declared in the same template whose key policy
    /// neither delegates to the account nor allows the calls ECR makes with it.
    /// </summary>
    public sealed class KmsKeyUnusableByEcr : Rule<EcrRepository>
    {
        public override void Check(EcrRepository repository, RuleContext context)
        {
            if (RepositorySettings.AreUnknown(repository)) return;
            if (!(repository.Get("EncryptionConfiguration") is MappingNode settings) || settings.IsUnknown) return;
            var type = settings.Get("EncryptionType");
            if (type == null || (!type.IsUnknown && CfnValue.Text(type) != "KMS" && CfnValue.Text(type) != "KMS_DSSE")) return;
            var reference = settings.Get("KmsKey");
            var key = EcrKeyAccess.ResolveKey(repository.Template, reference);
            if (key == null || reference == null) return;
            // Properties only known at deploy time (an intrinsic): the key policy cannot be read.
            if (key.Properties == null && key.Definition.Get("Properties") is Node given && !(given is ScalarNode)) return;
            var missing = EcrKeyAccess.MissingActions(key.Properties?.Get("KeyPolicy"));
            if (missing == null) return;
            context.Report(reference, RepositorySettings.Label(repository), key.LogicalId, Join(missing));
        }

        /// <summary>"a", "a and b", "a, b and c".</summary>
        private static string Join(IReadOnlyList<string> items)
            => items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
    }
}
