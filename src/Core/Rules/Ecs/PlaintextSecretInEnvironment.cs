using System;
using Shipshape.Ecs;
using Shipshape.Model;

namespace Shipshape.Rules.Ecs
{
    /// <summary>
    /// A secret written into a container's <c>environment</c>: a literal under a secret-like name
    /// (<c>DB_PASSWORD</c>, <c>apiKey</c>…), or a value that is a secret whatever its name (an AWS access key,
    /// a PEM private key, a URL with a password, a GitHub/Slack/Stripe token, a JWT). Empty and unknown values,
    /// ARNs, SSM parameter names and paths, numbers and booleans are never reported. The message names the
    /// variable, never the value.
    /// </summary>
    public sealed class PlaintextSecretInEnvironment : Rule<EcsTaskDefinition>
    {
        public override void Check(EcsTaskDefinition task, RuleContext context)
        {
            string secretsField = task.CloudFormationNames ? "Secrets" : "secrets";
            foreach (var container in task.Containers)
            {
                foreach (var variable in container.Environment)
                {
                    if (!(variable.Value is ScalarNode value) || !value.IsString) continue;
                    string text = value.Value;
                    if (text.Trim().Length == 0 || TemplateText.HasPlaceholder(text) || text.StartsWith("arn:", StringComparison.Ordinal)) continue;
                    string name = variable.NameText ?? "(unnamed)";
                    string? format = SecretValues.KnownSecretFormat(text);
                    if (format != null)
                        context.Report(value, name, format + " in plaintext", secretsField);
                    else if (variable.NameText != null && SecretNames.IsSecretLike(variable.NameText) && SecretValues.MayBeSecret(text))
                        context.Report(value, name, "a plaintext value under a secret-like name", secretsField);
                }
            }
        }
    }
}
