using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Shipshape.CloudFormation;
using Shipshape.Model;
using Shipshape.Policies;

namespace Shipshape.Ecs
{
    /// <summary>
    /// What an execution role declared in the same template may do: its inline <c>Policies</c>, the managed
    /// policies in <c>ManagedPolicyArns</c> (well-known AWS managed policies, or <c>AWS::IAM::ManagedPolicy</c>
    /// resources of the template) and the <c>AWS::IAM::Policy</c>/<c>ManagedPolicy</c>/<c>RolePolicy</c>
    /// resources attached to it. Built only when every one of them is known: anything unknown (an intrinsic,
    /// a customer managed policy ARN, an AWS managed policy not in <see cref="AwsManagedPolicies"/>) may grant
    /// access, so nothing can be concluded.
    /// </summary>
    public sealed class ExecutionRoleAccess
    {
        /// <summary>
        /// AWS managed policies whose grants of the two secret-reading actions are known: true allows, false does
        /// not, null unknown. <c>AmazonECSTaskExecutionRolePolicy</c> grants only ECR pulls and CloudWatch Logs.
        /// </summary>
        private static readonly Dictionary<string, (bool? Ssm, bool? SecretsManager)> AwsManagedPolicies = new Dictionary<string, (bool?, bool?)>(StringComparer.Ordinal)
        {
            ["AmazonECSTaskExecutionRolePolicy"] = (false, false),
            ["AmazonEC2ContainerRegistryReadOnly"] = (false, false),
            ["AmazonEC2ContainerRegistryPullOnly"] = (false, false),
            ["AmazonEC2ContainerRegistryPowerUser"] = (false, false),
            ["AmazonEC2ContainerRegistryFullAccess"] = (false, false),
            ["AdministratorAccess"] = (true, true),
            ["PowerUserAccess"] = (true, true),
            ["AmazonSSMReadOnlyAccess"] = (true, null),
            ["AmazonSSMFullAccess"] = (true, null),
            ["SecretsManagerReadWrite"] = (null, true),
        };

        private static readonly Regex AwsManagedPolicyArn = new Regex(@"^arn:aws[a-z-]*:iam::aws:policy/(?:[A-Za-z0-9_+=,.@-]+/)*([A-Za-z0-9_+=,.@-]+)$", RegexOptions.CultureInvariant);
        private static readonly Regex SubVariable = new Regex(@"\$\{[^}]*\}", RegexOptions.CultureInvariant);

        private readonly List<MappingNode> _documents;
        private readonly List<string> _managedPolicies;

        private ExecutionRoleAccess(TemplateResource role, List<MappingNode> documents, List<string> managedPolicies)
        {
            Role = role;
            _documents = documents;
            _managedPolicies = managedPolicies;
        }

        public TemplateResource Role { get; }

        /// <summary>The role's permissions, or null when the role is not in the template or any of its policies is unknown.</summary>
        public static ExecutionRoleAccess? Resolve(CloudFormationTemplate template, Node? executionRoleArn)
        {
            var role = ResolveResource(template, executionRoleArn);
            if (role == null || role.TypeName != "AWS::IAM::Role" || role.Properties == null) return null;
            var props = role.Properties;
            var documents = new List<MappingNode>();
            var managed = new List<string>();

            var inline = props.Get("Policies");
            if (inline != null)
            {
                if (!(inline is SequenceNode inlineList)) return null;
                foreach (var item in inlineList.Items)
                {
                    if (!(item is MappingNode policy) || policy.IsUnknown) return null;
                    if (!(policy.Get("PolicyDocument") is MappingNode document) || document.IsUnknown) return null;
                    documents.Add(document);
                }
            }

            var arns = props.Get("ManagedPolicyArns");
            if (arns != null)
            {
                if (!(arns is SequenceNode arnList)) return null;
                foreach (var item in arnList.Items)
                {
                    if (item is ScalarNode text && text.IsString)
                    {
                        var known = AwsManagedPolicyArn.Match(text.Value);
                        if (!known.Success || !AwsManagedPolicies.ContainsKey(known.Groups[1].Value)) return null;
                        managed.Add(known.Groups[1].Value);
                        continue;
                    }
                    if (item is MappingNode sub && sub.IntrinsicFunction == "Fn::Sub" && sub.Entries[0].Value is ScalarNode subText && subText.IsString)
                    {
                        // !Sub arn:${AWS::Partition}:iam::aws:policy/…
                        var known = AwsManagedPolicyArn.Match(subText.Value.Replace("${AWS::Partition}", "aws"));
                        if (!known.Success || SubVariable.IsMatch(known.Value) || !AwsManagedPolicies.ContainsKey(known.Groups[1].Value)) return null;
                        managed.Add(known.Groups[1].Value);
                        continue;
                    }
                    var resource = ResolveResource(template, item);
                    if (resource == null || resource.TypeName != "AWS::IAM::ManagedPolicy" || resource.Properties == null) return null;
                    if (!(resource.Properties.Get("PolicyDocument") is MappingNode managedDocument) || managedDocument.IsUnknown) return null;
                    documents.Add(managedDocument);
                }
            }

            var attachable = AttachablePolicies.Of(template);
            if (attachable.AnyUnknown) return null;
            foreach (var other in attachable.MayAttachTo(role))
            {
                bool? attached = other.TypeName == "AWS::IAM::RolePolicy"
                    ? RefersTo(template, other.Properties!.Get("RoleName"), role)
                    : AnyRefersTo(template, other.Properties!.Get("Roles"), role);
                if (attached == false) continue;
                if (attached == null) return null;
                if (!(other.Properties!.Get("PolicyDocument") is MappingNode attachedDocument) || attachedDocument.IsUnknown) return null;
                documents.Add(attachedDocument);
            }
            return new ExecutionRoleAccess(role, documents, managed);
        }

        /// <summary>The AWS managed policy among the role's that is named in messages (the execution role policy when attached).</summary>
        public IReadOnlyList<string> ManagedPolicies => _managedPolicies;

        /// <summary>
        /// False when no policy of the role can allow the action on the secret; true when one may (a statement
        /// with a condition or an unknown part may, so it counts as allowing).
        /// </summary>
        public bool MayAllow(SecretReference secret)
        {
            foreach (string name in _managedPolicies)
            {
                var grants = AwsManagedPolicies[name];
                bool? allows = secret.Store == SecretStore.SsmParameter ? grants.Ssm : grants.SecretsManager;
                if (allows != false) return true;
            }
            foreach (var document in _documents)
            {
                var statements = document.Get("Statement");
                if (statements == null) continue;
                if (statements.IsUnknown) return true;
                if (statements is SequenceNode list && list.Items.Any(i => i.IsUnknown)) return true;
                foreach (var statement in PolicyReader.Statements(document))
                    if (StatementMayAllow(statement, secret)) return true;
            }
            return false;
        }

        private static bool StatementMayAllow(MappingNode statement, SecretReference secret)
        {
            var effect = statement.Get("Effect");
            if (effect == null || !(effect is ScalarNode e) || e.Value != "Allow")
                return effect != null && effect.IsUnknown;
            string action = secret.RequiredAction;
            bool actionMatches;
            if (statement.Has("NotAction"))
            {
                var patterns = Patterns(statement.Get("NotAction"));
                actionMatches = patterns == null || patterns.Any(p => p == null) || !patterns.Any(p => Glob.Matches(p!, action, ignoreCase: true));
            }
            else
            {
                var patterns = Patterns(statement.Get("Action"));
                actionMatches = patterns == null || patterns.Any(p => p == null || Glob.Matches(p, action, ignoreCase: true));
            }
            if (!actionMatches) return false;

            if (statement.Has("NotResource"))
            {
                var patterns = Patterns(statement.Get("NotResource"));
                if (patterns == null || patterns.Any(p => p == null)) return true;
                // Only a NotResource that surely covers the secret excludes it.
                return !patterns.Any(p => SurelyMatches(p!, secret));
            }
            var resources = Patterns(statement.Get("Resource"));
            return resources == null || resources.Any(p => p == null || ResourceMayMatch(p, secret));
        }

        /// <summary>The strings of an element; null entries stand for unknown ones; null when the whole element is unknown.</summary>
        private static List<string?>? Patterns(Node? node)
        {
            if (node == null) return new List<string?>();
            if (node.IsUnknown) return Text(node) is string t ? new List<string?> { t } : null;
            if (node is ScalarNode s) return new List<string?> { s.Value };
            if (node is SequenceNode list) return list.Items.Select(Text).ToList();
            return null;
        }

        /// <summary>A string, or a <c>Fn::Sub</c> template with its variables turned into wildcards; null when unknown.</summary>
        private static string? Text(Node item)
        {
            if (item is ScalarNode s) return s.Value;
            if (item is MappingNode m && m.IntrinsicFunction == "Fn::Sub" && m.Entries[0].Value is ScalarNode sub && sub.IsString)
                return SubVariable.Replace(sub.Value, "*");
            return null;
        }

        private static bool ResourceMayMatch(string pattern, SecretReference secret)
        {
            if (pattern.IndexOf("${", StringComparison.Ordinal) >= 0) pattern = SubVariable.Replace(pattern, "*");
            if (pattern == "*") return true;
            var parts = pattern.Split(new[] { ':' }, 6);
            if (parts.Length < 6) return parts[parts.Length - 1].IndexOf('*') >= 0 && PartsMayMatch(parts, secret, parts.Length - 1);
            return PartsMayMatch(parts, secret, 5) && ResourcePartMayMatch(parts[5], secret);
        }

        private static bool PartsMayMatch(string[] parts, SecretReference secret, int count)
        {
            string service = secret.Store == SecretStore.SsmParameter ? "ssm" : "secretsmanager";
            string?[] target = { "arn", secret.Partition, service, secret.RegionCode, secret.AccountId };
            for (int i = 0; i < count && i < target.Length; i++)
                if (target[i] != null && !Glob.Matches(parts[i], target[i]!, ignoreCase: false)) return false;
            return true;
        }

        private static bool ResourcePartMayMatch(string pattern, SecretReference secret)
        {
            if (Glob.Matches(pattern, secret.Resource, ignoreCase: false)) return true;
            // A partial secret name: AWS appends "-" and six characters to the name in the ARN.
            return secret.Store == SecretStore.SecretsManager && Glob.MayMatchWithPrefix(pattern, secret.Resource + "-");
        }

        private static bool SurelyMatches(string pattern, SecretReference secret)
        {
            if (pattern == "*") return true;
            if (secret.Partition == null || secret.RegionCode == null || secret.AccountId == null) return false;
            string arn = "arn:" + secret.Partition + ":" + (secret.Store == SecretStore.SsmParameter ? "ssm" : "secretsmanager") + ":" + secret.RegionCode + ":" + secret.AccountId + ":" + secret.Resource;
            return Glob.Matches(pattern, arn, ignoreCase: false);
        }

        private static TemplateResource? ResolveResource(CloudFormationTemplate template, Node? reference)
        {
            if (reference is MappingNode map && map.Entries.Count == 1 && map.Entries[0].Name == "Fn::GetAtt" && map.Entries[0].Value is ScalarNode dotted)
            {
                int dot = dotted.Value.IndexOf('.');
                return template.Find(dot < 0 ? dotted.Value : dotted.Value.Substring(0, dot));
            }
            return template.Resolve(reference);
        }

        /// <summary>
        /// The template's policy resources (<c>AWS::IAM::Policy</c>, <c>ManagedPolicy</c>, <c>RolePolicy</c>), indexed once per
        /// template by the roles they name: scanning every resource for each task definition was quadratic in the template's size.
        /// </summary>
        private sealed class AttachablePolicies
        {
            private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CloudFormationTemplate, AttachablePolicies> Cache =
                new System.Runtime.CompilerServices.ConditionalWeakTable<CloudFormationTemplate, AttachablePolicies>();

            private readonly List<TemplateResource> _policies = new List<TemplateResource>();
            private readonly Dictionary<TemplateResource, List<int>> _byTarget = new Dictionary<TemplateResource, List<int>>();
            private readonly Dictionary<string, List<int>> _byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            private readonly List<int> _byAnyName = new List<int>();
            private readonly List<int> _always = new List<int>();

            private AttachablePolicies(CloudFormationTemplate template)
            {
                foreach (var other in template.Resources)
                {
                    if (other.TypeName != "AWS::IAM::Policy" && other.TypeName != "AWS::IAM::ManagedPolicy" && other.TypeName != "AWS::IAM::RolePolicy") continue;
                    // Unknown properties may attach the policy to any role.
                    if (other.Definition.Get("Properties") != null && other.Properties == null) { AnyUnknown = true; return; }
                    if (other.Properties == null) continue;
                    int index = _policies.Count;
                    _policies.Add(other);
                    if (other.TypeName == "AWS::IAM::RolePolicy") Index(template, other.Properties.Get("RoleName"), index);
                    else if (other.Properties.Get("Roles") is SequenceNode roles) foreach (var item in roles.Items) Index(template, item, index);
                    else if (other.Properties.Get("Roles") != null) _always.Add(index);
                }
            }

            /// <summary>True when a policy resource's properties are unknown: nothing can be concluded about any role.</summary>
            public bool AnyUnknown { get; }

            public static AttachablePolicies Of(CloudFormationTemplate template) => Cache.GetValue(template, t => new AttachablePolicies(t));

            /// <summary>
            /// The policies whose role reference may name <paramref name="role"/>, in template order; every other one surely
            /// names another role (<see cref="RefersTo"/> would be false).
            /// </summary>
            public IEnumerable<TemplateResource> MayAttachTo(TemplateResource role)
            {
                var indexes = new List<int>(_always);
                if (_byTarget.TryGetValue(role, out var targeted)) indexes.AddRange(targeted);
                var roleName = role.Properties?.Get("RoleName");
                if (roleName is ScalarNode literal) { if (_byName.TryGetValue(literal.Value, out var named)) indexes.AddRange(named); }
                else if (roleName != null) indexes.AddRange(_byAnyName);
                indexes.Sort();
                for (int i = 0; i < indexes.Count; i++)
                    if (i == 0 || indexes[i] != indexes[i - 1]) yield return _policies[indexes[i]];
            }

            private void Index(CloudFormationTemplate template, Node? reference, int index)
            {
                if (reference == null) return;
                if (reference is ScalarNode name)
                {
                    Add(_byName, name.Value, index);
                    _byAnyName.Add(index);
                    return;
                }
                var target = ResolveResource(template, reference);
                if (target != null) Add(_byTarget, target, index);
                else _always.Add(index);
            }

            private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int index)
            {
                if (!map.TryGetValue(key, out var list)) map[key] = list = new List<int>();
                list.Add(index);
            }
        }

        /// <summary>True when a role reference names this role, false when it surely names another, null when unknown.</summary>
        private static bool? RefersTo(CloudFormationTemplate template, Node? reference, TemplateResource role)
        {
            if (reference == null) return false;
            if (reference is ScalarNode name)
            {
                // A literal name matches the role's literal RoleName; a generated name cannot be written down.
                var roleName = role.Properties?.Get("RoleName");
                if (roleName == null) return false;
                if (roleName is ScalarNode literal) return literal.Value == name.Value;
                return null;
            }
            var target = ResolveResource(template, reference);
            if (target != null) return ReferenceEquals(target.LogicalIdKey, role.LogicalIdKey);
            return null;
        }

        private static bool? AnyRefersTo(CloudFormationTemplate template, Node? roles, TemplateResource role)
        {
            if (roles == null) return false;
            if (!(roles is SequenceNode list)) return null;
            bool? result = false;
            foreach (var item in list.Items)
            {
                bool? one = RefersTo(template, item, role);
                if (one == true) return true;
                if (one == null) result = null;
            }
            return result;
        }
    }

    /// <summary>IAM-style wildcards: <c>*</c> matches any run of characters, <c>?</c> any one character.</summary>
    public static class Glob
    {
        public static bool Matches(string pattern, string text, bool ignoreCase)
        {
            var states = Advance(pattern, text, ignoreCase);
            return states.Contains(pattern.Length);
        }

        /// <summary>True when some text starting with <paramref name="prefix"/> matches the pattern.</summary>
        public static bool MayMatchWithPrefix(string pattern, string prefix) => Advance(pattern, prefix, ignoreCase: false).Count > 0;

        /// <summary>The pattern positions reachable after reading the text (positions before a '*' also stand for having read into it).</summary>
        private static HashSet<int> Advance(string pattern, string text, bool ignoreCase)
        {
            var current = Close(new HashSet<int> { 0 }, pattern);
            foreach (char raw in text)
            {
                char c = ignoreCase ? char.ToLowerInvariant(raw) : raw;
                var next = new HashSet<int>();
                foreach (int i in current)
                {
                    if (i >= pattern.Length) continue;
                    char p = ignoreCase ? char.ToLowerInvariant(pattern[i]) : pattern[i];
                    if (p == '*') next.Add(i);
                    else if (p == '?' || p == c) next.Add(i + 1);
                }
                current = Close(next, pattern);
                if (current.Count == 0) break;
            }
            return current;
        }

        /// <summary>Adds the positions after each '*' (a star may match nothing).</summary>
        private static HashSet<int> Close(HashSet<int> states, string pattern)
        {
            var queue = new Queue<int>(states);
            while (queue.Count > 0)
            {
                int i = queue.Dequeue();
                if (i < pattern.Length && pattern[i] == '*' && states.Add(i + 1)) queue.Enqueue(i + 1);
            }
            return states;
        }
    }
}
