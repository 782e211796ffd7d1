using System;
using System.Collections.Generic;
using System.Globalization;
using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// A registry scanning configuration ECR or CloudFormation rejects: a scan type other than BASIC or ENHANCED, a scan
    /// frequency the scan type does not support (CONTINUOUS_SCAN needs ENHANCED), a filter type other than WILDCARD,
    /// filters that are not valid repository-name patterns, missing or unknown fields, too many rules or filters.
    /// Reads both the API's camelCase JSON and the PascalCase properties of <c>AWS::ECR::RegistryScanningConfiguration</c>.
    /// </summary>
    public sealed class MalformedScanningConfiguration : Rule<RegistryScanningConfiguration>
    {
        private static readonly string[] ScanTypes = { "BASIC", "ENHANCED" };
        private static readonly string[] ApiFrequencies = { "SCAN_ON_PUSH", "CONTINUOUS_SCAN", "MANUAL" };
        private static readonly string[] TemplateFrequencies = { "SCAN_ON_PUSH", "CONTINUOUS_SCAN" };
        private static readonly string[] FilterTypes = { "WILDCARD" };
        private const int MaxRules = 2;
        private const int MaxFilters = 100;

        public override void Check(RegistryScanningConfiguration configuration, RuleContext context)
        {
            var root = configuration.Root;
            bool cfn = configuration.CloudFormationNames;
            if (root.IsUnknown || IsReplicationConfiguration(root, cfn)) return;
            var names = new Names(cfn);

            var rootFields = cfn ? new[] { "ScanType", "Rules", "RegistryId" } : new[] { "scanType", "rules", "registryId" };
            foreach (var (key, detail) in FieldNames.Unknown(root, rootFields, cfn ? "the resource's properties" : "the scanning configuration"))
                context.Report(key, detail);

            var scanTypeNode = Field(root, "scanType", cfn);
            string? scanType = null;
            bool scanTypeKnown = true;
            bool scanTypeDefaulted = false;
            if (scanTypeNode == null)
            {
                if (cfn)
                {
                    scanTypeKnown = false;
                    if (!FieldNames.HasOrMisspelled(root, "ScanType"))
                        context.Report(configuration.Anchor, "'ScanType' is required; add ScanType: BASIC or ENHANCED");
                }
                else
                {
                    scanType = "BASIC"; // the API's default
                    scanTypeDefaulted = true;
                }
            }
            else if (scanTypeNode.IsUnknown)
            {
                scanTypeKnown = false;
            }
            else
            {
                scanType = LifecyclePolicyReader.Text(scanTypeNode);
                if (scanType == null || Array.IndexOf(ScanTypes, scanType) < 0)
                {
                    context.Report(scanTypeNode, "'" + names.ScanType + "' must be 'BASIC' or 'ENHANCED'" + FieldNames.CaseHint(scanType, ScanTypes));
                    scanType = null;
                    scanTypeKnown = false;
                }
            }

            var rulesNode = Field(root, "rules", cfn);
            if (rulesNode == null)
            {
                if (cfn && !FieldNames.HasOrMisspelled(root, "Rules"))
                    context.Report(configuration.Anchor, "'Rules' is required; add at least an empty list (Rules: []) or the rules with their RepositoryFilters");
                return;
            }
            if (rulesNode.IsUnknown) return;
            if (!(rulesNode is SequenceNode rules))
            {
                context.Report(rulesNode, "'" + names.Rules + "' must be a list of rules, each with '" + names.ScanFrequency + "' and '" + names.RepositoryFilters + "'");
                return;
            }
            int known = 0; // an unknown item may be AWS::NoValue, so only known items count towards the limit
            foreach (var item in rules.Items)
            {
                if (item.IsUnknown) continue;
                if (known++ == MaxRules)
                    context.Report(item, "'" + names.Rules + "' has more than " + MaxRules + " rules; ECR allows one rule per scan frequency, at most " + MaxRules + ": merge the filters of rules with the same frequency");
                if (item is MappingNode rule) CheckRule(rule, scanType, scanTypeKnown, scanTypeDefaulted, cfn, names, context);
                else context.Report(item, "each rule must be an object with '" + names.ScanFrequency + "' and '" + names.RepositoryFilters + "'");
            }
        }

        private static void CheckRule(MappingNode rule, string? scanType, bool scanTypeKnown, bool scanTypeDefaulted, bool cfn, Names names, RuleContext context)
        {
            foreach (var (key, detail) in FieldNames.Unknown(rule, new[] { names.ScanFrequency, names.RepositoryFilters }, "a scanning rule",
                name => name.Equals(names.Filter, StringComparison.OrdinalIgnoreCase) || name.Equals(names.FilterType, StringComparison.OrdinalIgnoreCase) ? "an entry of '" + names.RepositoryFilters + "'" : null))
                context.Report(key, detail);

            var frequency = Field(rule, "scanFrequency", cfn);
            if (frequency == null)
            {
                if (!FieldNames.HasOrMisspelled(rule, names.ScanFrequency))
                    context.Report(rule, "the rule has no '" + names.ScanFrequency + "'; add " + (scanType == "ENHANCED" ? "SCAN_ON_PUSH or CONTINUOUS_SCAN" : "SCAN_ON_PUSH"));
            }
            else if (!frequency.IsUnknown)
            {
                string[] allowed = cfn ? TemplateFrequencies : ApiFrequencies;
                string? value = LifecyclePolicyReader.Text(frequency);
                if (value == null || Array.IndexOf(allowed, value) < 0)
                {
                    string extra = cfn && value == "MANUAL" ? " (CloudFormation has no MANUAL: with BASIC scanning, repositories that no SCAN_ON_PUSH filter matches are scanned manually anyway; remove the rule)" : FieldNames.CaseHint(value, allowed);
                    context.Report(frequency, "'" + names.ScanFrequency + "' must be one of '" + string.Join("', '", allowed) + "'" + extra);
                }
                else if (value == "CONTINUOUS_SCAN" && scanTypeKnown && scanType != "ENHANCED")
                {
                    context.Report(frequency, "'" + names.ScanFrequency + "' CONTINUOUS_SCAN needs enhanced scanning, but '" + names.ScanType + "' is "
                        + (scanTypeDefaulted ? "absent (so BASIC)" : "BASIC") + "; set " + names.ScanType + " to ENHANCED or use SCAN_ON_PUSH");
                }
                else if (value == "MANUAL" && scanType == "ENHANCED")
                {
                    context.Report(frequency, "'" + names.ScanFrequency + "' MANUAL is not supported with ENHANCED scanning (repositories that match no filter are simply not scanned); use SCAN_ON_PUSH or CONTINUOUS_SCAN, or remove the rule");
                }
            }

            var filtersNode = Field(rule, "repositoryFilters", cfn);
            if (filtersNode == null)
            {
                if (!FieldNames.HasOrMisspelled(rule, names.RepositoryFilters))
                    context.Report(rule, "the rule has no '" + names.RepositoryFilters + "'; add the repositories it applies to, e.g. [{" + names.Filter + ": '*', " + names.FilterType + ": WILDCARD}]");
                return;
            }
            if (filtersNode.IsUnknown) return;
            if (!(filtersNode is SequenceNode filters))
            {
                context.Report(filtersNode, "'" + names.RepositoryFilters + "' must be a list of {" + names.Filter + ", " + names.FilterType + "} objects");
                return;
            }
            int known = 0;
            foreach (var item in filters.Items)
            {
                if (item.IsUnknown) continue;
                if (known++ == MaxFilters)
                    context.Report(item, "'" + names.RepositoryFilters + "' has more than " + MaxFilters.ToString(CultureInfo.InvariantCulture) + " filters, the most ECR allows; use wildcards to cover several repositories with one filter");
                if (item is MappingNode filter) CheckFilter(filter, cfn, names, context);
                else context.Report(item, "each repository filter must be an object with '" + names.Filter + "' and '" + names.FilterType + "'");
            }
        }

        private static void CheckFilter(MappingNode filter, bool cfn, Names names, RuleContext context)
        {
            foreach (var (key, detail) in FieldNames.Unknown(filter, new[] { names.Filter, names.FilterType }, "a repository filter"))
                context.Report(key, detail);

            var type = Field(filter, "filterType", cfn);
            if (type == null)
            {
                if (!FieldNames.HasOrMisspelled(filter, names.FilterType))
                    context.Report(filter, "the filter has no '" + names.FilterType + "'; add " + names.FilterType + ": WILDCARD");
            }
            else if (!type.IsUnknown && LifecyclePolicyReader.Text(type) != "WILDCARD")
            {
                string? value = LifecyclePolicyReader.Text(type);
                string hint = value == "PREFIX_MATCH" ? " (PREFIX_MATCH is for replication rules; for a prefix write the filter as 'prefix*')" : FieldNames.CaseHint(value, FilterTypes);
                context.Report(type, "'" + names.FilterType + "' must be WILDCARD" + hint);
            }

            var filterValue = Field(filter, "filter", cfn);
            if (filterValue == null)
            {
                if (!FieldNames.HasOrMisspelled(filter, names.Filter))
                    context.Report(filter, "the filter has no '" + names.Filter + "'; add a repository name or pattern such as 'prod-*'");
                return;
            }
            if (filterValue.IsUnknown) return;
            if (!(filterValue is ScalarNode s) || !s.IsString)
            {
                context.Report(filterValue, "'" + names.Filter + "' must be a string: a repository name or a pattern such as 'prod-*'");
                return;
            }
            string? problem = ScanFilter.Problem(s.Value);
            if (problem != null) context.Report(s, "'" + names.Filter + "' '" + s.Value + "' is not a valid filter: " + problem);
        }

        /// <summary>
        /// A replication configuration (rules with <c>destinations</c>) also has <c>rules[].repositoryFilters</c>, with
        /// PREFIX_MATCH filters; it is not a scanning configuration, whatever the content detection guessed.
        /// </summary>
        private static bool IsReplicationConfiguration(MappingNode root, bool cfn)
        {
            if (!(Field(root, "rules", cfn) is SequenceNode rules)) return false;
            foreach (var item in rules.Items)
                if (item is MappingNode rule && Field(rule, "destinations", cfn) != null) return true;
            return false;
        }

        private static Node? Field(MappingNode map, string apiName, bool cfn) => RegistryScanningConfiguration.Field(map, apiName, cfn);


        /// <summary>Field names as this configuration spells them.</summary>
        private sealed class Names
        {
            public Names(bool cfn)
            {
                ScanType = cfn ? "ScanType" : "scanType";
                Rules = cfn ? "Rules" : "rules";
                ScanFrequency = cfn ? "ScanFrequency" : "scanFrequency";
                RepositoryFilters = cfn ? "RepositoryFilters" : "repositoryFilters";
                Filter = cfn ? "Filter" : "filter";
                FilterType = cfn ? "FilterType" : "filterType";
            }

            public string ScanType { get; }
            public string Rules { get; }
            public string ScanFrequency { get; }
            public string RepositoryFilters { get; }
            public string Filter { get; }
            public string FilterType { get; }
        }
    }
}
