using System;
using System.Linq;
using Shipshape.Configuration;
using Shipshape.Detection;
using Shipshape.Model;
using Shipshape.Policies;
using Shipshape.Rules.Iam;

namespace Shipshape.Rules.Ecr
{
    /// <summary>ECR rejects a repository policy with <c>Resource</c>: the repository itself is the resource.</summary>
    public sealed class ResourceInRepositoryPolicy : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            if (policy.Kind != PolicyKind.EcrRepositoryPolicy) return;
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                var resource = statement.GetEntry("Resource") ?? statement.GetEntry("NotResource");
                if (resource != null) context.Report(resource.Key, resource.Name);
            }
        }
    }

    /// <summary>Actions that mean nothing in a repository policy: registry-level ECR actions and other services' actions.</summary>
    public sealed class ActionUnusableInRepositoryPolicy : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            if (policy.Kind != PolicyKind.EcrRepositoryPolicy) return;
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                foreach (var action in PolicyReader.Strings(statement.Get("Action")))
                {
                    string value = action.Value;
                    if (value == "*" || MalformedAction.Problem(value) != null) continue;
                    string service = value.Substring(0, value.IndexOf(':')).ToLowerInvariant();
                    if (service != "ecr")
                    {
                        context.Report(action, value, "it belongs to " + service + ", not to ECR; grant it in the caller's IAM policy or the other service's resource policy");
                        continue;
                    }
                    if (value.IndexOf('*') >= 0 || value.IndexOf('?') >= 0) continue;
                    var known = ActionCatalogue.Match(value).FirstOrDefault();
                    if (known == null || known.RepositoryScoped) continue;
                    string detail = string.Equals(known.Name, "ecr:GetAuthorizationToken", StringComparison.OrdinalIgnoreCase)
                        ? "it is a registry-level action: the puller needs it in its own IAM policy, with \"Resource\": \"*\" (a repository policy cannot grant it)"
                        : "it is a registry-level action that no repository policy can grant; grant it in an IAM policy";
                    context.Report(action, value, detail);
                }
            }
        }
    }

    /// <summary>A registry policy may only grant replication, pull-through cache import and repository creation.</summary>
    public sealed class InvalidRegistryPolicyAction : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            if (policy.Kind != PolicyKind.EcrRegistryPolicy) return;
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                foreach (var action in PolicyReader.Strings(statement.Get("Action")))
                {
                    string value = action.Value;
                    // The ECR User Guide tolerates "ecr:*" in registry policies (discouraged, not rejected).
                    if (value == "*" || string.Equals(value, "ecr:*", StringComparison.OrdinalIgnoreCase) || MalformedAction.Problem(value) != null) continue;
                    var matched = ActionCatalogue.Match(value);
                    if (matched.Count == 0 && !value.StartsWith("ecr:", StringComparison.OrdinalIgnoreCase))
                        context.Report(action, value);
                    else if (matched.Any(a => !a.AllowedInRegistryPolicy))
                        context.Report(action, value);
                }
            }
        }
    }

    /// <summary>
    /// Push, delete or permission changes granted to another account. A note, not an error: it is sometimes
    /// intended (a CI account pushing), but it should be a decision, visible in review.
    /// </summary>
    public sealed class CrossAccountWriteAccess : PolicyRule
    {
        public override void Check(PolicyDocument policy, RuleContext context)
        {
            if (policy.Kind != PolicyKind.EcrRepositoryPolicy) return;
            foreach (var statement in PolicyReader.Statements(policy.Root))
            {
                if (PolicyReader.Effect(statement) != "Allow") continue;
                if (!(statement.Get("Principal") is MappingNode principal)) continue;
                // Option trusted-accounts: accounts the configuration says are ours are not "another account".
                var ours = context.Options.GetStrings(RuleOptionSpecs.TrustedAccounts);
                var accounts = PolicyReader.Strings(principal.Get("AWS")).Select(p => AccountOf(p.Value)).Where(a => a != null && !ours.Contains(a)).Distinct().ToList();
                if (accounts.Count == 0) continue;
                var actionNode = statement.Get("Action");
                if (actionNode == null || actionNode.IsUnknown) continue;
                var writes = PolicyReader.Strings(actionNode)
                    .SelectMany(a => ActionCatalogue.Match(a.Value))
                    .Where(a => a.IsWriteOrPermissions && a.RepositoryScoped)
                    .Select(a => a.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
                if (writes.Count == 0) continue;
                string accountList = (accounts.Count == 1 ? "account " : "accounts ") + string.Join(", ", accounts);
                string actionList = writes.Count <= 6 ? string.Join(", ", writes) : string.Join(", ", writes.Take(6)) + " and " + (writes.Count - 6) + " more";
                context.Report(actionNode, PolicyReader.Describe(statement), accountList, actionList);
            }
        }

        /// <summary>The account of a literal principal (12-digit ID or IAM/STS ARN); null for "*", services and anything unknown.</summary>
        private static string? AccountOf(string principal)
        {
            if (principal.Length == 12 && principal.All(char.IsDigit)) return principal;
            var parts = principal.Split(':');
            if (parts.Length >= 6 && parts[0] == "arn" && (parts[2] == "iam" || parts[2] == "sts") && parts[4].Length == 12 && parts[4].All(char.IsDigit))
                return parts[4];
            return null;
        }
    }
}
