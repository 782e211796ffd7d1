using Shipshape.Ecs;

namespace Shipshape.Rules.Ecs
{
    /// <summary>
    /// A container image in ECR (private or ECR Public) referenced by the mutable <c>latest</c> tag, or by no tag
    /// at all (which means <c>latest</c>). Digests and other tags comply.
    /// </summary>
    public sealed class MutableEcrImageTag : Rule<EcsTaskDefinition>
    {
        public override void Check(EcsTaskDefinition task, RuleContext context)
        {
            foreach (var container in task.Containers)
            {
                var image = ImageReference.FromNode(container.Get("image"));
                if (image == null) continue;
                var (token, reference) = image.Value;
                if (reference.Host == null || reference.Digest != null) continue;
                string host = reference.Host.ToLowerInvariant();
                if (!EcrRegistry.IsPrivateHost(host) && !EcrRegistry.IsPublicHost(host)) continue;
                if (reference.Tag == null) context.Report(token, token.Value, "no tag, which means 'latest'");
                else if (reference.Tag == "latest") context.Report(token, token.Value, "the tag 'latest'");
            }
        }
    }
}
