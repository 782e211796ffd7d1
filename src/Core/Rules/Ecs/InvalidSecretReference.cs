using Shipshape.Ecs;
using Shipshape.Model;

namespace Shipshape.Rules.Ecs
{
    /// <summary>
    /// A <c>secrets</c> (or <c>logConfiguration.secretOptions</c>) entry ECS cannot resolve: a <c>valueFrom</c>
    /// that is neither an SSM parameter name, an SSM parameter ARN nor a Secrets Manager ARN (with its
    /// optional <c>:json-key:version-stage:version-id</c>), or an entry without a <c>name</c> or <c>valueFrom</c>.
    /// Placeholders and intrinsics are unknown; an entry whose name and valueFrom are both empty is an unfilled
    /// skeleton (generate-cli-skeleton) and is left alone.
    /// </summary>
    public sealed class InvalidSecretReference : Rule<EcsTaskDefinition>
    {
        public override void Check(EcsTaskDefinition task, RuleContext context)
        {
            bool cfn = task.CloudFormationNames;
            string nameField = cfn ? "Name" : "name", valueField = cfn ? "ValueFrom" : "valueFrom";
            foreach (var container in task.Containers)
            {
                foreach (var secret in container.Secrets) Check(secret, nameField, valueField, context);
                foreach (var option in container.LogSecretOptions) Check(option, nameField, valueField, context);
            }
        }

        private static void Check(NameValueEntry secret, string nameField, string valueField, RuleContext context)
        {
            if (IsEmpty(secret.Name) && IsEmpty(secret.Value)) return;
            string label = secret.NameText != null ? "Secret '" + secret.NameText + "'" : "A secret";
            if (secret.Name == null)
                context.Report(secret.Entry.Head, label, "it has no '" + nameField + "'");
            else if (IsEmpty(secret.Name))
                context.Report(secret.Name, label, "its '" + nameField + "' is empty");

            if (secret.Value == null)
            {
                context.Report(secret.Entry.Head, label, "it has no '" + valueField + "'");
                return;
            }
            if (!(secret.Value is ScalarNode value) || secret.Value.IsUnknown) return;
            if (!value.IsString)
            {
                context.Report(value, label, "'" + valueField + "' must be a string");
                return;
            }
            if (TemplateText.HasPlaceholder(value.Value)) return;
            string? problem = SecretReference.Problem(value.Value);
            if (problem != null) context.Report(value, label, "'" + valueField + "' " + Quote(value.Value) + " is invalid: " + problem);
        }

        private static string Quote(string value) => value.Length == 0 ? "(empty)" : "'" + value + "'";

        private static bool IsEmpty(Node? node) => node is ScalarNode s && (s.Kind == ScalarKind.Null || (s.IsString && s.Value.Trim().Length == 0));
    }
}
