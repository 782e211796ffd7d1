using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Shipshape.Catalogue;
using Shipshape.Findings;

namespace Shipshape.Analyzers.Diagnostics
{
    /// <summary>
    /// Roslyn descriptors made from the engine's embedded catalogue: the same IDs, titles, severities, categories
    /// and help links as the CLI. One catalogue, one truth.
    /// </summary>
    internal static class RuleDescriptors
    {
        private static readonly ConcurrentDictionary<(RuleCatalogue, string), DiagnosticDescriptor> Cache = new ConcurrentDictionary<(RuleCatalogue, string), DiagnosticDescriptor>();

        public static DiagnosticDescriptor For(RuleDescriptor rule, RuleCatalogue catalogue)
            => Cache.GetOrAdd((catalogue, rule.Id), _ => Create(rule));

        /// <summary>The descriptors of the rules in <paramref name="ids"/> that the catalogue has (others are skipped: not written yet).</summary>
        public static ImmutableDictionary<string, DiagnosticDescriptor> ForIds(IEnumerable<string> ids, RuleCatalogue catalogue)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, DiagnosticDescriptor>(StringComparer.Ordinal);
            foreach (string id in ids)
                if (catalogue.TryGet(id, out var rule)) builder[id] = For(rule, catalogue);
            return builder.ToImmutable();
        }

        public static DiagnosticSeverity ToRoslyn(Severity severity)
        {
            switch (severity)
            {
                case Severity.Error: return DiagnosticSeverity.Error;
                case Severity.Warning: return DiagnosticSeverity.Warning;
                default: return DiagnosticSeverity.Info;
            }
        }

        private static DiagnosticDescriptor Create(RuleDescriptor rule)
        {
            var tags = new List<string> { "Shipshape" };
            tags.AddRange(rule.Tags);
            // The message is the catalogue's, filled by the engine's rule: the descriptor passes it through.
#pragma warning disable RS1017 // DiagnosticId must be a constant: IDs come from the embedded catalogue (rules/*.yaml), the one list the CLI uses too.
            return new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                "{0}",
                rule.Category,
                ToRoslyn(rule.DefaultSeverity),
                isEnabledByDefault: true,
                description: rule.Summary,
                helpLinkUri: rule.HelpUri,
                customTags: tags.ToArray());
#pragma warning restore RS1017
        }
    }
}
