using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Rules.Iam
{
    /// <summary>An action of a service whose full action list we ship, that matches no action of that service.</summary>
    public sealed class UnknownAction : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                foreach (var action in PolicyReader.Strings(statement.Get("Action"))) CheckAction(action, context);
                foreach (var action in PolicyReader.Strings(statement.Get("NotAction"))) CheckAction(action, context);
            }
        }

        private static void CheckAction(ScalarNode action, RuleContext context)
        {
            string value = action.Value;
            // Malformed actions are IAM006's; only well-formed actions of known services are judged here.
            if (MalformedAction.Problem(value) != null || value == "*") return;
            string service = value.Substring(0, value.IndexOf(':'));
            if (!ActionCatalogue.Knows(service) || ActionCatalogue.Match(value).Count > 0) return;
            bool wildcard = value.IndexOf('*') >= 0 || value.IndexOf('?') >= 0;
            string? suggestion = wildcard ? null : ActionCatalogue.Suggest(value);
            string detail = wildcard
                ? "the pattern matches no " + service.ToLowerInvariant() + " action"
                : suggestion != null ? "did you mean '" + suggestion + "'?" : "it is not in the " + service.ToLowerInvariant() + " action list";
            context.Report(action, value, detail);
        }
    }
}
