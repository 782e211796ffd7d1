using System;
using System.Text.RegularExpressions;
using Shipshape.Model;

namespace Shipshape.Ecs
{
    /// <summary>
    /// A container image reference, <c>[host[:port]/]repository[:tag][@digest]</c>, split as Docker does: the
    /// first path component is a registry host when it has a '.' or a ':' or is <c>localhost</c>.
    /// </summary>
    public sealed class ImageReference
    {
        private ImageReference(string? host, string repository, string? tag, string? digest)
        {
            Host = host;
            Repository = repository;
            Tag = tag;
            Digest = digest;
        }

        /// <summary>The registry host without a port, or null for Docker Hub's implied registry.</summary>
        public string? Host { get; }
        public string Repository { get; }
        public string? Tag { get; }
        public string? Digest { get; }

        /// <summary>
        /// The image string of a container's <c>image</c>: a literal, or the template of a <c>Fn::Sub</c> with the
        /// pseudo parameters filled in (<c>${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/app:1.2</c>).
        /// Other variables may stand anywhere in the repository name; in the host, tag or digest they make the
        /// reference unknown (null). The scalar is where findings land.
        /// </summary>
        public static (ScalarNode Token, ImageReference Reference)? FromNode(Node? image)
        {
            if (image is ScalarNode literal && literal.IsString)
            {
                if (literal.Value.IndexOf("${", StringComparison.Ordinal) >= 0 || literal.Value.IndexOf("{{", StringComparison.Ordinal) >= 0) return null;
                var parsed = Parse(literal.Value);
                return parsed == null ? ((ScalarNode, ImageReference)?)null : (literal, parsed);
            }
            if (image is MappingNode sub && sub.IntrinsicFunction == "Fn::Sub" && sub.Entries[0].Value is ScalarNode template && template.IsString)
            {
                const char Unknown = '\u0001';
                string text = template.Value
                    .Replace("${AWS::AccountId}", "123456789012")
                    .Replace("${AWS::Region}", "us-east-1")
                    .Replace("${AWS::URLSuffix}", "amazonaws.com")
                    .Replace("${AWS::Partition}", "aws");
                text = Regex.Replace(text, @"\$\{[^}]*\}", Unknown.ToString());
                var parsed = Parse(text);
                if (parsed == null || (parsed.Host ?? string.Empty).IndexOf(Unknown) >= 0 || (parsed.Tag ?? string.Empty).IndexOf(Unknown) >= 0 || (parsed.Digest ?? string.Empty).IndexOf(Unknown) >= 0)
                    return null;
                // A variable before the first '/' may be the whole host: then there is no telling.
                int slash = text.IndexOf('/');
                if (parsed.Host == null && slash >= 0 && text.Substring(0, slash).IndexOf(Unknown) >= 0) return null;
                return (template, parsed);
            }
            return null;
        }

        /// <summary>The reference, or null when it is empty or has whitespace.</summary>
        public static ImageReference? Parse(string image)
        {
            if (image.Length == 0) return null;
            foreach (char c in image)
                if (char.IsWhiteSpace(c)) return null;
            string rest = image;
            string? digest = null;
            int at = rest.IndexOf('@');
            if (at >= 0)
            {
                digest = rest.Substring(at + 1);
                rest = rest.Substring(0, at);
            }
            string? host = null;
            int slash = rest.IndexOf('/');
            if (slash > 0)
            {
                string first = rest.Substring(0, slash);
                if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost")
                {
                    int colon = first.IndexOf(':');
                    host = colon >= 0 ? first.Substring(0, colon) : first;
                    rest = rest.Substring(slash + 1);
                }
            }
            string? tag = null;
            int tagColon = rest.LastIndexOf(':');
            if (tagColon >= 0 && rest.IndexOf('/', tagColon) < 0)
            {
                tag = rest.Substring(tagColon + 1);
                rest = rest.Substring(0, tagColon);
            }
            return new ImageReference(host, rest, tag, digest);
        }
    }

    /// <summary>ECR registry hosts: private (<c>ACCOUNT.dkr.ecr.REGION.amazonaws.com</c> and its FIPS, dual-stack, China and ISO forms) and ECR Public.</summary>
    public static class EcrRegistry
    {
        /// <summary>The private registry host pattern of the ECR credential helper (every partition, FIPS and dual-stack).</summary>
        private static readonly Regex PrivateHost = new Regex(
            @"^(\d{12})\.dkr[.-]ecr(-fips)?\.([a-zA-Z0-9][a-zA-Z0-9-_]*)\.(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$",
            RegexOptions.CultureInvariant);

        private static readonly Regex DnsSuffix = new Regex(
            @"^(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$",
            RegexOptions.CultureInvariant);

        private static readonly Regex RegistryMarker = new Regex(@"dkr[.-]ecr(-fips)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static bool IsPrivateHost(string host) => PrivateHost.IsMatch(host);

        public static bool IsPublicHost(string host)
            => string.Equals(host, "public.ecr.aws", StringComparison.OrdinalIgnoreCase) || string.Equals(host, "ecr-public.aws.com", StringComparison.OrdinalIgnoreCase);

        /// <summary>What is wrong with a host meant as a private ECR registry (it has <c>dkr.ecr</c>), or null when it is valid or not meant as one.</summary>
        public static string? HostProblem(string host)
        {
            if (IsPrivateHost(host)) return null;
            var marker = RegistryMarker.Match(host);
            if (!marker.Success) return null;
            if (host != host.ToLowerInvariant() && IsPrivateHost(host.ToLowerInvariant())) return null;
            string account = marker.Index > 0 ? host.Substring(0, marker.Index - 1) : string.Empty;
            if (marker.Index > 0 && host[marker.Index - 1] != '.') return "the registry host is ACCOUNT.dkr.ecr.REGION.amazonaws.com; '" + host + "' does not have that form";
            if (account.Length == 0) return "the account ID is missing before '.dkr.ecr'";
            if (!Regex.IsMatch(account, @"^\d{12}$", RegexOptions.CultureInvariant))
                return "the account '" + account + "' is not a 12-digit account ID";
            string after = host.Substring(marker.Index + marker.Length);
            if (after.Length == 0 || after[0] != '.') return "the Region and domain are missing after '" + marker.Value + "'";
            after = after.Substring(1);
            if (DnsSuffix.IsMatch(after)) return "the Region is missing (ACCOUNT.dkr.ecr.REGION.amazonaws.com)";
            int dot = after.IndexOf('.');
            string region = dot < 0 ? after : after.Substring(0, dot);
            string suffix = dot < 0 ? string.Empty : after.Substring(dot + 1);
            if (!Regex.IsMatch(region, @"^[a-zA-Z0-9][a-zA-Z0-9-_]*$", RegexOptions.CultureInvariant))
                return "the Region '" + region + "' is not a Region code such as us-east-1";
            if (suffix.Length == 0) return "the domain is missing after the Region (….amazonaws.com)";
            return "'" + suffix + "' is not an ECR domain (amazonaws.com, amazonaws.com.cn, on.aws…)";
        }
    }
}
