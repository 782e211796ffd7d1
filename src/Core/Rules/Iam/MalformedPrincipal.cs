using System;
using System.Text.RegularExpressions;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Rules.Iam
{
    /// <summary>Principals must follow the IAM grammar: <c>"*"</c>, or a mapping of AWS/Service/Federated/CanonicalUser to well-formed values.</summary>
    public sealed class MalformedPrincipal : PolicyRule
    {
        private const string Partition = "aws(?:-cn|-us-gov|-iso|-iso-[a-z]|-eusc)?";
        private static readonly Regex AccountId = new Regex(@"^\d{12}$", RegexOptions.CultureInvariant);
        private static readonly Regex IamArn = new Regex("^arn:" + Partition + @":iam::(\d{12}):(root|user/.+|role/.+|group/.+|federated-user/.+)$", RegexOptions.CultureInvariant);
        private static readonly Regex StsArn = new Regex("^arn:" + Partition + @":sts::(\d{12}):(assumed-role/[^/]+/.+|federated-user/.+)$", RegexOptions.CultureInvariant);
        private static readonly Regex CloudFrontOai = new Regex("^arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity [A-Z0-9]+$", RegexOptions.CultureInvariant);
        private static readonly Regex AnyArn = new Regex(@"^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$", RegexOptions.CultureInvariant);
        private static readonly Regex ServiceName = new Regex(@"^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com|amazonaws\.com\.cn|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov|amazonaws\.eu)$", RegexOptions.CultureInvariant);
        private static readonly Regex FederatedProviderArn = new Regex("^arn:" + Partition + @":iam::\d{12}:(oidc-provider|saml-provider)/\S+$", RegexOptions.CultureInvariant);
        private static readonly Regex FederatedDomain = new Regex(@"^[a-z0-9.-]+\.[a-z]{2,}$", RegexOptions.CultureInvariant);
        private static readonly Regex CanonicalUser = new Regex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant);

        public override void Check(PolicyDocument policy, RuleContext context)
        {
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                CheckPrincipal(statement.Get("Principal"), context);
                CheckPrincipal(statement.Get("NotPrincipal"), context);
            }
        }

        private static void CheckPrincipal(Node? principal, RuleContext context)
        {
            if (principal == null || principal.IsUnknown) return;
            if (principal is ScalarNode scalar)
            {
                if (scalar.IsString && scalar.Value != "*")
                    context.Report(scalar, scalar.Value, "a principal given as a string must be \"*\"; use {\"AWS\": \"" + scalar.Value + "\"} for an account or ARN");
                return;
            }
            if (!(principal is MappingNode map)) return;
            foreach (var entry in map.Entries)
            {
                Func<string, string?>? check;
                switch (entry.Name)
                {
                    case "AWS": check = AwsProblem; break;
                    case "Service": check = ServiceProblem; break;
                    case "Federated": check = FederatedProblem; break;
                    case "CanonicalUser": check = v => CanonicalUser.IsMatch(v) ? null : "a canonical user ID is 64 lowercase hexadecimal characters"; break;
                    default: check = null; break;
                }
                if (check == null)
                {
                    context.Report(entry.Key, entry.Name, "the principal type must be AWS, Service, Federated or CanonicalUser");
                    continue;
                }
                foreach (var value in PolicyReader.Strings(entry.Value))
                {
                    string? problem = check(value.Value);
                    if (problem != null) context.Report(value, value.Value, problem);
                }
            }
        }

        /// <summary>What is wrong with an <c>AWS</c> principal value, or null when it is well formed.</summary>
        public static string? AwsProblem(string value)
        {
            if (CloudFrontOai.IsMatch(value)) return null;
            foreach (char c in value)
                if (char.IsWhiteSpace(c)) return "it contains whitespace";
            if (value == "*" || AccountId.IsMatch(value) || IamArn.IsMatch(value) || StsArn.IsMatch(value)) return null;
            if (value.IndexOf('*') >= 0 || value.IndexOf('?') >= 0) return "wildcards are not allowed in a principal, except \"*\" alone (use a condition such as aws:PrincipalArn with ArnLike instead)";
            if (!value.StartsWith("arn:", StringComparison.Ordinal))
                return value.Length > 0 && IsDigits(value) ? "an account ID is exactly 12 digits" : "expected a 12-digit account ID or an IAM principal ARN";
            Match m = AnyArn.Match(value);
            if (!m.Success) return "an ARN has the form arn:partition:service:region:account:resource";
            if (!Regex.IsMatch(m.Groups[1].Value, "^" + Partition + "$")) return "unknown partition '" + m.Groups[1].Value + "'";
            string service = m.Groups[2].Value;
            if (service != "iam" && service != "sts") return "a principal ARN belongs to iam or sts, not '" + service + "'";
            if (m.Groups[3].Value.Length != 0) return "IAM principal ARNs have no region";
            if (!AccountId.IsMatch(m.Groups[4].Value)) return "the account ID '" + m.Groups[4].Value + "' is not 12 digits";
            return service == "iam"
                ? "the resource must be root, user/NAME, role/NAME or group/NAME"
                : "the resource must be assumed-role/ROLE/SESSION or federated-user/NAME";
        }

        private static string? ServiceProblem(string value)
        {
            if (ServiceName.IsMatch(value)) return null;
            foreach (char c in value)
                if (char.IsWhiteSpace(c)) return "it contains whitespace";
            return "a service principal is the service's DNS name, such as ecs-tasks.amazonaws.com";
        }

        private static string? FederatedProblem(string value)
        {
            if (FederatedProviderArn.IsMatch(value) || FederatedDomain.IsMatch(value)) return null;
            foreach (char c in value)
                if (char.IsWhiteSpace(c)) return "it contains whitespace";
            return "a federated principal is an OIDC or SAML provider ARN, or an identity provider such as cognito-identity.amazonaws.com";
        }

        private static bool IsDigits(string value)
        {
            foreach (char c in value)
                if (c < '0' || c > '9') return false;
            return true;
        }
    }
}
