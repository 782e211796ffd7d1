using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Rules.Iam
{
    /// <summary>An action must be <c>service:ActionName</c> (wildcards allowed), or <c>*</c>.</summary>
    public sealed class MalformedAction : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                foreach (var element in new[] { statement.Get("Action"), statement.Get("NotAction") })
                {
                    foreach (var action in PolicyReader.Strings(element)) CheckAction(action, context);
                    if (!(element is SequenceNode list)) continue;
                    foreach (var item in list.Items)
                    {
                        string? split = PolicyReader.SplitYamlAction(item);
                        if (split != null)
                            context.Report(item, split, "YAML reads the space after ':' as a key and a value; write " + split.Replace(": ", ":").TrimEnd());
                    }
                }
            }
        }

        private static void CheckAction(ScalarNode action, RuleContext context)
        {
            string? problem = Problem(action.Value);
            if (problem != null) context.Report(action, action.Value, problem);
        }

        /// <summary>What is wrong with an action string, or null when it is well formed.</summary>
        public static string? Problem(string action)
        {
            if (action == "*") return null;
            if (action.Length == 0) return "it is empty";
            foreach (char c in action)
                if (char.IsWhiteSpace(c)) return "it contains whitespace";
            int colon = action.IndexOf(':');
            if (colon < 0) return "the service prefix is missing (expected service:ActionName)";
            if (action.IndexOf(':', colon + 1) >= 0) return "it contains more than one ':'";
            string service = action.Substring(0, colon);
            string name = action.Substring(colon + 1);
            if (service.Length == 0) return "the service prefix is empty";
            if (name.Length == 0) return "the action name is empty";
            // IAM compares service prefixes and action names case-insensitively, so case is not checked here. Checked
            // character by character: this runs for every action, and a fresh compiler process need not build regular expressions for it.
            if (!All(service, '-', '-')) return "the service prefix '" + service + "' has characters other than letters, digits and '-'";
            if (!All(name, '*', '?')) return "the action name '" + name + "' has characters other than letters, digits and the wildcards '*' and '?'";
            return null;
        }

        /// <summary>Every character is an ASCII letter or digit, <paramref name="also"/> or <paramref name="orAlso"/>.</summary>
        private static bool All(string text, char also, char orAlso)
        {
            foreach (char c in text)
            {
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == also || c == orAlso;
                if (!ok) return false;
            }
            return true;
        }
    }
}
