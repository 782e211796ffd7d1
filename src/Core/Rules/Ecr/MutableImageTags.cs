using Shipshape.Ecr;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// Tags can be moved to other images: <c>ImageTagMutability</c> absent (default MUTABLE), <c>MUTABLE</c>
    /// or <c>MUTABLE_WITH_EXCLUSION</c>. <c>IMMUTABLE</c> and <c>IMMUTABLE_WITH_EXCLUSION</c> comply.
    /// </summary>
    public sealed class MutableImageTags : Rule<EcrRepository>
    {
        public override void Check(EcrRepository repository, RuleContext context)
        {
            if (RepositorySettings.AreUnknown(repository)) return;
            var mutability = repository.Get("ImageTagMutability");
            if (mutability == null)
            {
                context.Report(repository.Anchor, RepositorySettings.Label(repository), "does not set ImageTagMutability (default MUTABLE)");
                return;
            }
            if (mutability.IsUnknown) return;
            switch (CfnValue.Text(mutability))
            {
                case "MUTABLE":
                    context.Report(mutability, RepositorySettings.Label(repository), "has ImageTagMutability MUTABLE");
                    break;
                case "MUTABLE_WITH_EXCLUSION":
                    context.Report(mutability, RepositorySettings.Label(repository), "has ImageTagMutability MUTABLE_WITH_EXCLUSION (only tags matching its exclusion filters are immutable)");
                    break;
            }
        }
    }
}
