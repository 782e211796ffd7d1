using Shipshape.Ecs;

namespace Shipshape.Rules.Ecs
{
    /// <summary>
    /// An image whose registry host is meant as a private ECR registry (it has <c>dkr.ecr</c>) but does not match
    /// ECR's host pattern: an account that is not 12 digits, no Region, an unknown domain.
    /// </summary>
    public sealed class MalformedEcrImageHost : Rule<EcsTaskDefinition>
    {
        public override void Check(EcsTaskDefinition task, RuleContext context)
        {
            foreach (var container in task.Containers)
            {
                var image = ImageReference.FromNode(container.Get("image"));
                if (image == null) continue;
                var (token, reference) = image.Value;
                if (reference.Host == null) continue;
                string? problem = EcrRegistry.HostProblem(reference.Host);
                if (problem != null) context.Report(token, token.Value, problem);
            }
        }
    }
}
