using System.Text.RegularExpressions;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Rules.Iam
{
    /// <summary><c>Resource</c> entries are <c>"*"</c> or ARNs: <c>arn:partition:service:region:account:resource</c>.</summary>
    public sealed class MalformedResourceArn : PolicyRule
    {
        private static readonly Regex PolicyVariable = new Regex(@"\$\{[^}]*\}", RegexOptions.CultureInvariant);
        private static readonly Regex Partition = new Regex(@"^(aws(-cn|-us-gov|-iso|-iso-[a-z]|-eusc)?|[*?a-z-]*[*?][*?a-z-]*)$", RegexOptions.CultureInvariant);
        private static readonly Regex Service = new Regex(@"^[a-z0-9*?-]+$", RegexOptions.CultureInvariant);
        private static readonly Regex Region = new Regex(@"^([a-z0-9*?-]*)$", RegexOptions.CultureInvariant);
        private static readonly Regex Account = new Regex(@"^(\d{12}|aws|[0-9*?]*[*?][0-9*?]*|)$", RegexOptions.CultureInvariant);

        public override void Check(PolicyDocument policy, RuleContext context)
        {
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                foreach (var resource in PolicyReader.Strings(statement.Get("Resource"))) CheckResource(resource, context);
                foreach (var resource in PolicyReader.Strings(statement.Get("NotResource"))) CheckResource(resource, context);
            }
        }

        private static void CheckResource(ScalarNode resource, RuleContext context)
        {
            string? problem = Problem(resource.Value);
            if (problem != null) context.Report(resource, resource.Value, problem);
        }

        /// <summary>What is wrong with a resource entry, or null when it is well formed.</summary>
        public static string? Problem(string value)
        {
            if (value == "*") return null;
            foreach (char c in value)
                if (char.IsWhiteSpace(c)) return "it contains whitespace";
            if (!value.StartsWith("arn:", System.StringComparison.Ordinal)) return "a resource is \"*\" or an ARN starting with 'arn:'";
            // Policy variables such as ${aws:username} stand for text known at request time.
            string text = PolicyVariable.Replace(value, "*");
            var parts = text.Split(new[] { ':' }, 6);
            if (parts.Length < 6) return "an ARN has six parts: arn:partition:service:region:account:resource";
            if (!Partition.IsMatch(parts[1])) return "unknown partition '" + parts[1] + "'";
            if (parts[2].Length == 0) return "the service is empty";
            if (!Service.IsMatch(parts[2])) return "the service '" + parts[2] + "' has characters other than lowercase letters, digits and '-'";
            if (!Region.IsMatch(parts[3])) return "the region '" + parts[3] + "' is not a region code such as us-east-1";
            if (!Account.IsMatch(parts[4])) return "the account '" + parts[4] + "' is not a 12-digit account ID";
            if (parts[5].Length == 0) return "the resource part is empty";
            if ((parts[2] == "ecr" || parts[2] == "ecr-public") && parts[5] != "*" && !parts[5].StartsWith("repository/", System.StringComparison.Ordinal))
                return "ECR resources are repository/NAME (or \"*\")";
            return null;
        }
    }
}
