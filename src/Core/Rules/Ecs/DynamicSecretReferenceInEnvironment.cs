using System;
using System.Collections.Generic;
using Shipshape.Ecs;
using Shipshape.Model;

namespace Shipshape.Rules.Ecs
{
    /// <summary>
    /// An <c>Environment</c> value of an <c>AWS::ECS::TaskDefinition</c> built from a CloudFormation dynamic
    /// reference to a secret (<c>{{resolve:secretsmanager:…}}</c>, <c>{{resolve:ssm-secure:…}}</c>): CloudFormation
    /// resolves it at deploy time and the task definition stores the secret in plaintext. The finding lands on
    /// the string holding the reference (inside <c>Fn::Sub</c> or <c>Fn::Join</c> when it is built).
    /// </summary>
    public sealed class DynamicSecretReferenceInEnvironment : Rule<EcsTaskDefinition>
    {
        private static readonly string[] SecretReferences = { "{{resolve:secretsmanager:", "{{resolve:ssm-secure:" };

        public override void Check(EcsTaskDefinition task, RuleContext context)
        {
            if (!task.CloudFormationNames) return;
            foreach (var container in task.Containers)
            {
                foreach (var variable in container.Environment)
                {
                    if (variable.Value == null) continue;
                    foreach (var (token, kind) in References(variable.Value))
                        context.Report(token, variable.NameText ?? "(unnamed)", kind);
                }
            }
        }

        private static IEnumerable<(ScalarNode Token, string Kind)> References(Node node)
        {
            if (node is ScalarNode scalar)
            {
                if (!scalar.IsString) yield break;
                foreach (string marker in SecretReferences)
                {
                    if (scalar.Value.IndexOf(marker, StringComparison.Ordinal) >= 0)
                    {
                        yield return (scalar, marker.Substring(2, marker.Length - 3));
                        yield break;
                    }
                }
            }
            else if (node is SequenceNode list)
            {
                foreach (var item in list.Items)
                    foreach (var found in References(item)) yield return found;
            }
            else if (node is MappingNode map)
            {
                foreach (var entry in map.Entries)
                    foreach (var found in References(entry.Value)) yield return found;
            }
        }
    }
}
