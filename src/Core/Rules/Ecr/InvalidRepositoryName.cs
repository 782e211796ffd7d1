using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>A <c>RepositoryName</c> ECR rejects: not 2–256 characters of lowercase letters, digits and single separators.</summary>
    public sealed class InvalidRepositoryName : Rule<EcrRepository>
    {
        public override void Check(EcrRepository repository, RuleContext context)
        {
            if (RepositorySettings.AreUnknown(repository)) return;
            var name = repository.Get("RepositoryName");
            if (name == null || name.IsUnknown || !(name is ScalarNode scalar) || scalar.Kind == ScalarKind.Null) return;
            string? problem = RepositoryNames.Problem(scalar.Value);
            if (problem != null) context.Report(scalar, RepositorySettings.Label(repository), scalar.Value, problem);
        }
    }
}
