using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Shipshape.Configuration;
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
            // Options from .shipshape.yaml: names never reported, and extra secret-name patterns.
            var allowed = new HashSet<string>(context.Options.GetStrings(RuleOptionSpecs.AllowedNames), StringComparer.OrdinalIgnoreCase);
            var extraPatterns = context.Options.GetStrings(RuleOptionSpecs.SecretNamePatterns)
                .Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
            foreach (var container in task.Containers)
            {
                foreach (var variable in container.Environment)
                {
                    if (!(variable.Value is ScalarNode value) || !value.IsString) continue;
                    string text = value.Value;
                    if (text.Trim().Length == 0 || TemplateText.HasPlaceholder(text) || text.StartsWith("arn:", StringComparison.Ordinal)) continue;
                    string name = variable.NameText ?? "(unnamed)";
                    if (allowed.Contains(name)) continue;
                    bool secretName = variable.NameText != null && (SecretNames.IsSecretLike(variable.NameText) || extraPatterns.Any(r => r.IsMatch(variable.NameText)));
                    string? format = SecretValues.KnownSecretFormat(text);
                    if (format != null)
                        context.Report(value, name, format + " in plaintext", secretsField);
                    else if (secretName && SecretValues.MayBeSecret(text))
                        context.Report(value, name, "a plaintext value under a secret-like name", secretsField);
                }
            }
        }
    }
}
