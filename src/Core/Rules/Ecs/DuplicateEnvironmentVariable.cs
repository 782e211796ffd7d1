using System.Collections.Generic;
using Shipshape.Ecs;

namespace Shipshape.Rules.Ecs
{
    /// <summary>
    /// A container defines the same variable twice: twice in <c>environment</c>, twice in <c>secrets</c>, or in
    /// both. Only one value reaches the process. The finding lands on the later name (in <c>secrets</c> when the
    /// variable is in both). Names are case-sensitive, as in Linux.
    /// </summary>
    public sealed class DuplicateEnvironmentVariable : Rule<EcsTaskDefinition>
    {
        public override void Check(EcsTaskDefinition task, RuleContext context)
        {
            bool cfn = task.CloudFormationNames;
            string environment = cfn ? "Environment" : "environment", secrets = cfn ? "Secrets" : "secrets";
            foreach (var container in task.Containers)
            {
                string containerName = container.Name ?? "(unnamed)";
                var inEnvironment = new HashSet<string>(System.StringComparer.Ordinal);
                var inSecrets = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var variable in container.Environment)
                {
                    string? name = variable.NameText;
                    if (name == null) continue;
                    if (!inEnvironment.Add(name)) context.Report(variable.Name!, name, "twice in '" + environment + "'", containerName);
                }
                foreach (var secret in container.Secrets)
                {
                    string? name = secret.NameText;
                    if (name == null) continue;
                    if (inEnvironment.Contains(name)) context.Report(secret.Name!, name, "in both '" + environment + "' and '" + secrets + "'", containerName);
                    else if (!inSecrets.Add(name)) context.Report(secret.Name!, name, "twice in '" + secrets + "'", containerName);
                }
            }
        }
    }
}
