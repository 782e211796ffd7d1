using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// A stored ECR credential: an <c>auths</c> entry for an ECR host with an <c>auth</c> (or <c>password</c>) value in a
    /// docker <c>config.json</c>, or in the <c>.dockerconfigjson</c> of a Kubernetes Secret. ECR tokens expire after 12
    /// hours, so the file works for half a day and then every pull fails.
    /// </summary>
    public sealed class StaticEcrCredentials : Rule<DockerConfig>
    {
        public override void Check(DockerConfig config, RuleContext context)
        {
            if (config.Auths == null) return;
            foreach (var entry in config.Auths.Entries)
            {
                var host = EcrRegistryHost.TryParse(entry.Name);
                if (host == null || host.Account == null || !(entry.Value is MappingNode credentials) || config.HasHelperFor(entry.Name)) continue;
                var secret = NonEmpty(credentials.Get("auth")) ?? NonEmpty(credentials.Get("password"));
                if (secret == null) continue;
                if (config.EncodedIn != null)
                {
                    context.Report(config.EncodedIn, "This Secret holds a docker login for " + host.Host,
                        "let the kubelet's ECR credential provider supply it (EKS nodes and Fargate pull with their IAM role), or refresh the Secret on a schedule");
                    return;
                }
                context.Report(secret, "This auth value is a docker login for " + host.Host,
                    "use the ecr-login credential helper instead (\"credHelpers\": {\"" + host.Host + "\": \"ecr-login\"})");
            }
        }

        private static ScalarNode? NonEmpty(Node? node) => node is ScalarNode s && s.IsString && s.Value.Length > 0 ? s : null;
    }
}
