using Shipshape.Model;

namespace Shipshape.Ecr
{
    /// <summary>
    /// A docker client configuration (<c>~/.docker/config.json</c>, podman's <c>auth.json</c>), standalone or held in a
    /// Kubernetes <c>kubernetes.io/dockerconfigjson</c> Secret.
    /// </summary>
    public sealed class DockerConfig
    {
        /// <param name="encodedIn">The base64 Secret value this configuration was decoded from; its nodes then have no place in the file.</param>
        public DockerConfig(MappingNode root, ScalarNode? encodedIn = null)
        {
            Root = root;
            EncodedIn = encodedIn;
        }

        public MappingNode Root { get; }

        /// <summary>The Secret's <c>data</c> value when the configuration was base64 inside it: findings land there.</summary>
        public ScalarNode? EncodedIn { get; }

        public MappingNode? Auths => Root.Get("auths") as MappingNode;

        /// <summary>True when a credential helper or store answers for <paramref name="registry"/>, so an <c>auths</c> entry is not used.</summary>
        public bool HasHelperFor(string registry)
            => (Root.Get("credHelpers") as MappingNode)?.Has(registry) == true
            || (Root.Get("credsStore") is ScalarNode store && store.Value.Length > 0);
    }
}
