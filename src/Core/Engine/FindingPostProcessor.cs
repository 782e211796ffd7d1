using System;
using System.Collections.Generic;
using System.Globalization;
using Shipshape.Catalogue;
using Shipshape.Configuration;
using Shipshape.Findings;
using Shipshape.Parsing;
using Shipshape.Suppressions;

namespace Shipshape.Engine
{
    /// <summary>A finding a suppression silenced, and which one.</summary>
    public sealed class SuppressedFinding
    {
        public SuppressedFinding(Finding finding, Suppression suppression)
        {
            Finding = finding;
            Suppression = suppression;
        }

        public Finding Finding { get; }
        public Suppression Suppression { get; }
    }

    /// <summary>One file after configuration and suppressions: the findings to report, and the ones suppressed.</summary>
    public sealed class ProcessedFile
    {
        public ProcessedFile(FileReport report, IReadOnlyList<Finding> findings, IReadOnlyList<SuppressedFinding> suppressed)
        {
            Report = report;
            Findings = findings;
            Suppressed = suppressed;
        }

        /// <summary>What the engine reported (all findings, source, documents).</summary>
        public FileReport Report { get; }

        /// <summary>The findings to show, LINT003/LINT004 included, sorted.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        public IReadOnlyList<SuppressedFinding> Suppressed { get; }
    }

    /// <summary>
    /// The stage after the rules, shared by every surface (CLI, MSBuild task, analyzers): configured
    /// severities (<c>off</c> drops a finding), then suppressions (inline comments and CloudFormation
    /// Metadata) with LINT003 for a suppression without a reason and LINT004 for one that matches nothing.
    /// The baseline comes after this, over a whole run (<c>Baselines/Baseline</c>). Stateless and thread-safe.
    /// </summary>
    public sealed class FindingPostProcessor
    {
        public static readonly FindingPostProcessor Default = new FindingPostProcessor();

        private readonly RuleCatalogue _catalogue;

        public FindingPostProcessor(RuleCatalogue? catalogue = null) => _catalogue = catalogue ?? RuleCatalogue.Embedded;

        /// <param name="config">The file's configuration; null for the defaults.</param>
        /// <param name="ignoreInlineSuppressions">True (<c>--no-inline-suppressions</c>): comments and Metadata suppress nothing, whatever the config says.</param>
        public ProcessedFile Process(FileReport report, FileConfiguration? config = null, bool ignoreInlineSuppressions = false)
        {
            var kept = new List<Finding>(report.Findings.Count);
            foreach (var finding in report.Findings)
            {
                var adjusted = Adjust(finding, config);
                if (adjusted != null) kept.Add(adjusted);
            }

            bool suppressionsOn = !ignoreInlineSuppressions && (config?.InlineSuppressions ?? true);
            var suppressed = new List<SuppressedFinding>();
            if (!suppressionsOn || report.Source == null) return new ProcessedFile(report, kept, suppressed);

            var problems = new List<SuppressionProblem>();
            var suppressions = SuppressionReader.Read(report.Source, report.Documents, HasHashComments(report.Source), _catalogue, problems);
            if (suppressions.Count == 0 && problems.Count == 0) return new ProcessedFile(report, kept, suppressed);

            var result = new List<Finding>(kept.Count + problems.Count);
            foreach (var finding in kept)
            {
                Suppression? by = null;
                foreach (var suppression in suppressions)
                {
                    if (suppression.RuleId != finding.RuleId || !suppression.Covers(finding.Span)) continue;
                    suppression.Used = true;
                    by ??= suppression;
                }
                if (by != null) suppressed.Add(new SuppressedFinding(finding, by));
                else result.Add(finding);
            }
            foreach (var problem in problems) AddEngineFinding(result, problem.RuleId, problem.Span, problem.Detail, config);
            foreach (var suppression in suppressions)
            {
                if (suppression.Used) continue;
                string where = suppression.Scope == SuppressionScope.Line ? "on this line or the next" : suppression.Scope == SuppressionScope.Resource ? "in this resource" : "in this file";
                AddEngineFinding(result, EngineRuleIds.UnusedSuppression, suppression.IdSpan,
                    "the suppression of " + suppression.RuleId + " matches no " + suppression.RuleId + " finding " + where + "; remove it", config);
            }
            result.Sort();
            return new ProcessedFile(report, result, suppressed);
        }

        /// <summary>
        /// YAML and other <c>#</c>-comment text take <c># shipshape-ignore</c>; JSON has no comments, and C# (the
        /// analyzers) uses <c>#pragma</c> / <c>[SuppressMessage]</c> through Roslyn instead.
        /// </summary>
        private static bool HasHashComments(Text.SourceText source)
            => !source.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && LintEngine.IsYaml(source);

        private Finding? Adjust(Finding finding, FileConfiguration? config)
        {
            if (config == null || config.Chain.Count == 0) return finding;
            // A rule's own finding keeps the severity the rule chose unless the config sets one.
            Severity? configured = config.SeverityFor(finding.RuleId, finding.Severity);
            if (configured == null) return null;
            if (configured.Value == finding.Severity) return finding;
            return new Finding(finding.RuleId, configured.Value, finding.Message, finding.Span);
        }

        private void AddEngineFinding(List<Finding> sink, string ruleId, Text.SourceSpan span, string detail, FileConfiguration? config)
        {
            var descriptor = _catalogue[ruleId];
            Severity? severity = config == null ? descriptor.DefaultSeverity : config.SeverityFor(ruleId, descriptor.DefaultSeverity);
            if (severity == null) return;
            sink.Add(new Finding(ruleId, severity.Value, string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, detail), span));
        }
    }
}
