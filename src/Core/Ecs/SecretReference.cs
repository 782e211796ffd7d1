using System;
using System.Text.RegularExpressions;

namespace Shipshape.Ecs
{
    /// <summary>Where ECS fetches a secret from.</summary>
    public enum SecretStore
    {
        SsmParameter,
        SecretsManager,
    }

    /// <summary>
    /// A <c>secrets[].valueFrom</c> (or <c>secretOptions[].valueFrom</c>, <c>credentialsParameter</c>): an SSM
    /// parameter name (same Region), an SSM parameter ARN, or a Secrets Manager ARN with the optional
    /// <c>:json-key:version-stage:version-id</c> suffix. Parts that are not known (a Region in a parameter name)
    /// are null.
    /// </summary>
    public sealed class SecretReference
    {
        private static readonly Regex ParameterName = new Regex(@"^[A-Za-z0-9_.\-/]{1,2048}$", RegexOptions.CultureInvariant);
        private static readonly Regex PartitionPattern = new Regex(@"^aws(?:-[a-z]+)*$", RegexOptions.CultureInvariant);
        private static readonly Regex RegionPattern = new Regex(@"^[a-z0-9-]+$", RegexOptions.CultureInvariant);
        private static readonly Regex Account = new Regex(@"^\d{12}$", RegexOptions.CultureInvariant);
        private static readonly Regex SecretName = new Regex(@"^[A-Za-z0-9/_+=.@-]+$", RegexOptions.CultureInvariant);

        private SecretReference(SecretStore store, string? partition, string? region, string? account, string resource, bool partialSecretName)
        {
            Store = store;
            Partition = partition;
            RegionCode = region;
            AccountId = account;
            Resource = resource;
            MayBePartialSecretName = partialSecretName;
        }

        public SecretStore Store { get; }
        public string? Partition { get; }
        public string? RegionCode { get; }
        public string? AccountId { get; }

        /// <summary>The ARN's resource part as IAM sees it: <c>parameter/app/db</c>, <c>secret:app/db-AbCdEf</c> (no JSON key or version).</summary>
        public string Resource { get; }

        /// <summary>True when a Secrets Manager ARN may lack the six random characters AWS appends to the name.</summary>
        public bool MayBePartialSecretName { get; }

        /// <summary>The IAM action the execution role needs to read it.</summary>
        public string RequiredAction => Store == SecretStore.SsmParameter ? "ssm:GetParameters" : "secretsmanager:GetSecretValue";

        /// <summary>What is wrong with a valueFrom, or null when it is a valid reference.</summary>
        public static string? Problem(string valueFrom)
        {
            Read(valueFrom, out string? problem);
            return problem;
        }

        /// <summary>The reference, or null when it is malformed.</summary>
        public static SecretReference? Parse(string valueFrom) => Read(valueFrom, out _);

        private static SecretReference? Read(string value, out string? problem)
        {
            problem = null;
            if (value.Length == 0)
            {
                problem = "it is empty";
                return null;
            }
            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    problem = "it contains whitespace";
                    return null;
                }
            }
            if (!value.StartsWith("arn:", StringComparison.Ordinal))
            {
                if (!ParameterName.IsMatch(value))
                {
                    problem = value.Length > 2048
                        ? "an SSM parameter name is at most 2048 characters"
                        : "it is not an ARN, and an SSM parameter name has only letters, digits and _ . - /";
                    return null;
                }
                if (value.StartsWith("/aws/reference/secretsmanager/", StringComparison.Ordinal))
                    return new SecretReference(SecretStore.SecretsManager, null, null, null, "secret:" + value.Substring("/aws/reference/secretsmanager/".Length), partialSecretName: true);
                return new SecretReference(SecretStore.SsmParameter, null, null, null, "parameter/" + value.TrimStart('/'), partialSecretName: false);
            }

            var parts = value.Split(new[] { ':' }, 6);
            if (parts.Length < 6)
            {
                problem = "an ARN has six parts: arn:partition:service:region:account:resource";
                return null;
            }
            string partition = parts[1], service = parts[2], region = parts[3], account = parts[4], resource = parts[5];
            if (!PartitionPattern.IsMatch(partition)) problem = "unknown partition '" + partition + "'";
            else if (service != "ssm" && service != "secretsmanager")
                problem = "ECS reads secrets from SSM Parameter Store (arn:aws:ssm:…:parameter/NAME) or Secrets Manager (arn:aws:secretsmanager:…:secret:NAME), not from '" + service + "'";
            else if (region.Length == 0) problem = "the Region is missing";
            else if (!RegionPattern.IsMatch(region)) problem = "the Region '" + region + "' is not a Region code such as us-east-1";
            else if (!Account.IsMatch(account)) problem = account.Length == 0 ? "the account ID is missing" : "the account '" + account + "' is not a 12-digit account ID";
            if (problem != null) return null;

            if (service == "ssm")
            {
                const string prefix = "parameter/";
                if (!resource.StartsWith(prefix, StringComparison.Ordinal) || resource.Length == prefix.Length)
                {
                    problem = "an SSM parameter ARN ends in parameter/NAME";
                    return null;
                }
                if (!ParameterName.IsMatch(resource.Substring(prefix.Length)))
                {
                    problem = "the parameter name has characters other than letters, digits and _ . - /";
                    return null;
                }
                return new SecretReference(SecretStore.SsmParameter, partition, region, account, "parameter/" + resource.Substring(prefix.Length).TrimStart('/'), partialSecretName: false);
            }

            if (!resource.StartsWith("secret:", StringComparison.Ordinal))
            {
                problem = "a Secrets Manager ARN ends in secret:NAME";
                return null;
            }
            var pieces = resource.Substring("secret:".Length).Split(':');
            string name = pieces[0];
            if (name.Length == 0)
            {
                problem = "the secret name is missing";
                return null;
            }
            if (!SecretName.IsMatch(name))
            {
                problem = "the secret name '" + name + "' has characters other than letters, digits and / _ + = . @ -";
                return null;
            }
            if (pieces.Length != 1 && pieces.Length != 4)
            {
                problem = "after the secret name come json-key, version-stage and version-id, all three colons kept even when empty (secret:NAME:json-key:: or secret:NAME::AWSPREVIOUS:)";
                return null;
            }
            if (pieces.Length == 4 && pieces[2].Length > 0 && pieces[3].Length > 0)
            {
                problem = "version-stage and version-id cannot both be given";
                return null;
            }
            bool partial = !Regex.IsMatch(name, @"-[A-Za-z0-9]{6}$", RegexOptions.CultureInvariant);
            return new SecretReference(SecretStore.SecretsManager, partition, region, account, "secret:" + name, partial);
        }
    }
}
