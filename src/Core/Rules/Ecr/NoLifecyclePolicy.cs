using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>A repository without a lifecycle policy (<c>LifecyclePolicy.LifecyclePolicyText</c>): images are kept forever.</summary>
    public sealed class NoLifecyclePolicy : Rule<EcrRepository>
    {
        public override void Check(EcrRepository repository, RuleContext context)
        {
            if (RepositorySettings.AreUnknown(repository)) return;
            var lifecycle = repository.Get("LifecyclePolicy");
            if (lifecycle == null)
            {
                context.Report(repository.Anchor, RepositorySettings.Label(repository));
                return;
            }
            if (!(lifecycle is MappingNode settings) || settings.IsUnknown) return;
            var text = settings.Get("LifecyclePolicyText");
            if (text == null || (text is ScalarNode s && !text.IsUnknown && s.Value.Trim().Length == 0))
                context.Report(RepositorySettings.KeyOrAnchor(repository, "LifecyclePolicy"), RepositorySettings.Label(repository));
        }
    }
}
