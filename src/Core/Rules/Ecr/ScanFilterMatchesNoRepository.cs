using System;
using System.Collections.Generic;
using System.Linq;
using Shipshape.CloudFormation;
using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// A scan filter of an <c>AWS::ECR::RegistryScanningConfiguration</c> that matches none of the repositories the same
    /// template declares: usually a typo or a renamed repository, leaving the intended repositories unscanned. Only
    /// reported when every repository name in the template is known; a generated name (no <c>RepositoryName</c>) or an
    /// intrinsic could match anything.
    /// </summary>
    public sealed class ScanFilterMatchesNoRepository : Rule<RegistryScanningConfiguration>
    {
        private const int NamesInMessage = 5;

        private static readonly string[] CreateRepositoriesElsewhere =
        {
            "AWS::ECR::PullThroughCacheRule", "AWS::ECR::RepositoryCreationTemplate", "AWS::CloudFormation::Stack", "AWS::Serverless::Application",
        };

        public override void Check(RegistryScanningConfiguration configuration, RuleContext context)
        {
            if (configuration.Template == null || configuration.Root.IsUnknown) return;
            var names = RepositoryNames(configuration.Template);
            if (names == null || names.Count == 0) return;
            bool cfn = configuration.CloudFormationNames;
            if (!(RegistryScanningConfiguration.Field(configuration.Root, "rules", cfn) is SequenceNode rules)) return;

            foreach (var rule in rules.Items.OfType<MappingNode>())
            {
                if (rule.IsUnknown || !(RegistryScanningConfiguration.Field(rule, "repositoryFilters", cfn) is SequenceNode filters)) continue;
                foreach (var filter in filters.Items.OfType<MappingNode>())
                {
                    if (filter.IsUnknown) continue;
                    if (LifecyclePolicyReader.Text(RegistryScanningConfiguration.Field(filter, "filterType", cfn)) != "WILDCARD") continue;
                    if (!(RegistryScanningConfiguration.Field(filter, "filter", cfn) is ScalarNode value) || !value.IsString) continue;
                    if (ScanFilter.Problem(value.Value) != null) continue;
                    if (names.Any(name => ScanFilter.Matches(value.Value, name))) continue;
                    context.Report(value, value.Value, Describe(names));
                }
            }
        }

        /// <summary>The names of the template's private repositories; null when any of them is unknown (generated, an intrinsic…).</summary>
        private static List<string>? RepositoryNames(CloudFormationTemplate template)
        {
            // Pull-through cache rules and creation templates create repositories on the fly, and nested stacks declare
            // their own: the names of those are not in this template.
            if (template.Resources.Any(r => Array.IndexOf(CreateRepositoriesElsewhere, r.TypeName) >= 0)) return null;
            var names = new List<string>();
            foreach (var repository in template.OfType("AWS::ECR::Repository"))
            {
                if (repository.Properties == null) return null;
                if (!(repository.Properties.Get("RepositoryName") is ScalarNode name) || !name.IsString) return null;
                names.Add(name.Value);
            }
            return names;
        }

        private static string Describe(List<string> names)
        {
            var shown = names.Take(NamesInMessage).Select(n => "'" + n + "'");
            return string.Join(", ", shown) + (names.Count > NamesInMessage ? " and " + (names.Count - NamesInMessage) + " more" : string.Empty);
        }
    }
}
