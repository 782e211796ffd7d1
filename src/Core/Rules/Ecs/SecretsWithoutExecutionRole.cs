using Shipshape.Ecs;
using Shipshape.Model;

namespace Shipshape.Rules.Ecs
{
    /// <summary>
    /// A container reads <c>secrets</c> (or log driver <c>secretOptions</c>, or private registry
    /// <c>repositoryCredentials</c>) but the task definition has no <c>executionRoleArn</c>: ECS fetches them with
    /// the execution role, so the task cannot start. Reported once, on the task definition's head (the
    /// resource's logical ID in a template). API documents without <c>family</c> are fragments (documentation
    /// excerpts, partial snippets), not task definitions anyone registers, and are left alone.
    /// </summary>
    public sealed class SecretsWithoutExecutionRole : Rule<EcsTaskDefinition>
    {
        public override void Check(EcsTaskDefinition task, RuleContext context)
        {
            if (!task.CloudFormationNames && !task.Root.Has("family")) return;
            var role = task.Get("executionRoleArn");
            if (role != null && (role.IsUnknown || !(role is ScalarNode text) || (text.Kind != ScalarKind.Null && text.Value.Trim().Length > 0))) return;
            string roleField = task.CloudFormationNames ? "ExecutionRoleArn" : "executionRoleArn";
            foreach (var container in task.Containers)
            {
                string? need = Need(container);
                if (need == null) continue;
                context.Report(task.Anchor, container.Name ?? "(unnamed)", need, roleField);
                return;
            }
        }

        /// <summary>What in the container needs the execution role, or null.</summary>
        private static string? Need(EcsContainer container)
        {
            bool cfn = container.CloudFormationNames;
            foreach (var secret in container.Secrets)
                if (IsGiven(secret.Value)) return cfn ? "Secrets" : "secrets";
            foreach (var option in container.LogSecretOptions)
                if (IsGiven(option.Value)) return cfn ? "LogConfiguration.SecretOptions" : "logConfiguration.secretOptions";
            if (IsGiven(container.CredentialsParameter)) return cfn ? "RepositoryCredentials" : "repositoryCredentials";
            return null;
        }

        /// <summary>A reference that is there: a non-empty string or an intrinsic (empty strings are unfilled skeletons).</summary>
        private static bool IsGiven(Node? value)
            => value != null && (value.IsUnknown || (value is ScalarNode s && s.IsString && s.Value.Trim().Length > 0));
    }
}
