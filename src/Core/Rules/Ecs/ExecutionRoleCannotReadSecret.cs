using System.Collections.Generic;
using System.Linq;
using Shipshape.Ecs;
using Shipshape.Model;

namespace Shipshape.Rules.Ecs
{
    /// <summary>
    /// In a template, the execution role the task definition names (by <c>Ref</c> or <c>Fn::GetAtt</c>) cannot
    /// read a secret a container references: none of its inline policies, attached policy resources or
    /// well-known AWS managed policies allows <c>ssm:GetParameters</c> or <c>secretsmanager:GetSecretValue</c>
    /// on it. Anything unknown (a customer managed policy, an intrinsic, a condition) may grant it: no finding.
    /// </summary>
    public sealed class ExecutionRoleCannotReadSecret : Rule<EcsTaskDefinition>
    {
        public override void Check(EcsTaskDefinition task, RuleContext context)
        {
            if (task.Template == null) return;
            var access = ExecutionRoleAccess.Resolve(task.Template, task.Get("executionRoleArn"));
            if (access == null) return;
            string note = access.ManagedPolicies.Contains("AmazonECSTaskExecutionRolePolicy") ? " (AmazonECSTaskExecutionRolePolicy does not include it)" : string.Empty;
            foreach (var container in task.Containers)
            {
                foreach (var token in References(container))
                {
                    if (TemplateText.HasPlaceholder(token.Value)) continue;
                    var secret = SecretReference.Parse(token.Value);
                    if (secret == null || access.MayAllow(secret)) continue;
                    context.Report(token, access.Role.LogicalId, secret.RequiredAction, note);
                }
            }
        }

        private static IEnumerable<ScalarNode> References(EcsContainer container)
        {
            foreach (var entry in container.Secrets.Concat(container.LogSecretOptions))
                if (entry.Value is ScalarNode value && value.IsString && value.Value.Length > 0) yield return value;
            if (container.CredentialsParameter is ScalarNode credentials && credentials.IsString && credentials.Value.Length > 0) yield return credentials;
        }
    }
}
