using System;
using System.Text.RegularExpressions;
using Shipshape.Shell;

namespace Shipshape.Ecr
{
    /// <summary>
    /// A private ECR registry host, <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com</c>, in every partition
    /// and in its FIPS (<c>dkr.ecr-fips</c>) and dual-stack (<c>dkr-ecr.&lt;region&gt;.on.aws</c>) forms.
    /// </summary>
    public sealed class EcrRegistryHost
    {
        // The pattern of awslabs/amazon-ecr-credential-helper (ecr-login/api/client.go, ecrPattern), with the account
        // (and, for IsEcrHost, the region) also allowed to be a value known only at run time.
        private const string Suffixes = @"amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov";
        private static readonly Regex Pattern = new Regex(
            @"^(\d{12}|\x00)\.dkr([.-])ecr(-fips)?\.([a-zA-Z0-9][a-zA-Z0-9-_]*|\x00)\.(" + Suffixes + ")$",
            RegexOptions.CultureInvariant);

        private EcrRegistryHost(string host, string? account, string? region, bool fips, bool dualStack)
        {
            Host = host;
            Account = account;
            Region = region;
            Fips = fips;
            DualStack = dualStack;
        }

        public string Host { get; }

        /// <summary>The 12-digit registry ID, or null when it is only known at run time.</summary>
        public string? Account { get; }

        /// <summary>The region, or null when it is only known at run time.</summary>
        public string? Region { get; }

        public bool Fips { get; }
        public bool DualStack { get; }

        /// <summary>
        /// Reads a registry as written to <c>docker login</c> or as a <c>config.json</c> key: a host, optionally with
        /// <c>https://</c> and a path. Parts known only at run time are <see cref="ShellScript.Unknown"/>.
        /// </summary>
        public static EcrRegistryHost? TryParse(string? server)
        {
            if (string.IsNullOrEmpty(server)) return null;
            string host = server!.Trim();
            int scheme = host.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0) host = host.Substring(scheme + 3);
            int slash = host.IndexOf('/');
            if (slash >= 0) host = host.Substring(0, slash);
            if (host.EndsWith(":443", StringComparison.Ordinal)) host = host.Substring(0, host.Length - 4);
            var match = Pattern.Match(host);
            if (!match.Success) return null;
            string? account = match.Groups[1].Value == "\0" ? null : match.Groups[1].Value;
            string? region = match.Groups[4].Value == "\0" ? null : match.Groups[4].Value.ToLowerInvariant();
            bool dualStack = match.Groups[2].Value == "-" || match.Groups[5].Value.StartsWith("on.", StringComparison.Ordinal);
            return new EcrRegistryHost(host, account, region, match.Groups[3].Success, dualStack);
        }

        public override string ToString() => Host;
    }
}
