using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Baselines;
using Shipshape.Configuration;
using Shipshape.Engine;
using Shipshape.Findings;

namespace Shipshape.Analyzers.Configuration
{
    /// <summary>
    /// What the configuration says about the C# in one syntax tree: whether it is checked at all, the rule options,
    /// the severity each finding gets, and which findings a baseline accepts.
    /// <para>
    /// Precedence for a C# finding, last word first: Roslyn's own settings (<c>.editorconfig</c>/<c>.globalconfig</c>
    /// <c>dotnet_diagnostic.ID.severity</c>, <c>NoWarn</c>, <c>WarningsAsErrors</c>, <c>#pragma</c>,
    /// <c>[SuppressMessage]</c>), then <c>.shipshape.yaml</c>, then the catalogue. The analyzer reports with the
    /// configured severity as the effective one, which the compiler replaces when Roslyn's settings name the rule;
    /// a rule that <c>.shipshape.yaml</c> turns off is still reported where <c>.editorconfig</c>/<c>.globalconfig</c>
    /// sets its severity explicitly (to anything but <c>none</c>).
    /// </para>
    /// </summary>
    internal sealed class TreeSettings
    {
        /// <summary>No configuration: everything at the catalogue's severities.</summary>
        public static readonly TreeSettings Defaults = new TreeSettings(null, null, null);

        /// <summary>The file is not checked (<c>include</c>/<c>exclude</c>).</summary>
        public static readonly TreeSettings Excluded = new TreeSettings(null, null, null, skip: true);

        private readonly FileConfiguration? _configuration;
        private readonly Baseline? _baseline;
        private readonly SyntaxTreeOptionsProvider? _roslynOptions;

        public TreeSettings(FileConfiguration? configuration, Baseline? baseline, SyntaxTreeOptionsProvider? roslynOptions)
            : this(configuration, baseline, roslynOptions, skip: false)
        {
        }

        private TreeSettings(FileConfiguration? configuration, Baseline? baseline, SyntaxTreeOptionsProvider? roslynOptions, bool skip, IReadOnlyList<ConfigError>? errors = null)
        {
            _configuration = configuration;
            _baseline = baseline;
            _roslynOptions = roslynOptions;
            Skip = skip;
            Errors = errors ?? Array.Empty<ConfigError>();
            LintSettings = configuration == null ? LintSettings.Default : new LintSettings(null, null, configuration.OptionsFor);
        }

        /// <summary>A configuration or baseline that cannot be read: nothing is reported in the tree but LINT001 at the problem (as the CLI stops with exit 2).</summary>
        public static TreeSettings Broken(IReadOnlyList<ConfigError> errors) => new TreeSettings(null, null, null, skip: true, errors);

        /// <summary>True: report nothing in this tree (excluded, or its configuration is broken).</summary>
        public bool Skip { get; }

        public IReadOnlyList<ConfigError> Errors { get; }

        /// <summary>The rule options for the engine.</summary>
        public LintSettings LintSettings { get; }

        /// <summary>The severity a finding is reported with; false when it is not reported (off, or excluded for this file).</summary>
        public bool TryGetSeverity(Finding finding, SyntaxTree tree, CancellationToken cancellationToken, out DiagnosticSeverity severity)
        {
            severity = RuleDescriptors.ToRoslyn(finding.Severity);
            if (_configuration == null) return true;
            var configured = _configuration.SeverityFor(finding.RuleId, finding.Severity);
            if (configured.HasValue)
            {
                severity = RuleDescriptors.ToRoslyn(configured.Value);
                return true;
            }
            return RoslynSetsSeverity(finding.RuleId, tree, cancellationToken);
        }

        /// <summary>
        /// Each finding as a baseline entry of the configured baseline, or null when there is none. Feed one
        /// construct's findings in sorted order, so equal keys are counted the same way every time.
        /// </summary>
        public IReadOnlyList<BaselineEntry>? BaselineEntries(IReadOnlyList<Finding> findings, SyntaxTree tree, CancellationToken cancellationToken)
            => _baseline == null ? null : CSharpFingerprints.Compute(findings, tree, _baseline.RelativePath(_configuration!.FullPath), cancellationToken);

        /// <summary>True when the configured baseline records the entry.</summary>
        public bool IsBaselined(BaselineEntry entry) => _baseline != null && _baseline.Records(entry.Fingerprint);

        /// <summary>An explicit <c>dotnet_diagnostic.ID.severity</c> in .editorconfig or .globalconfig (other than none).</summary>
        private bool RoslynSetsSeverity(string ruleId, SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (_roslynOptions == null) return false;
            if (_roslynOptions.TryGetDiagnosticValue(tree, ruleId, cancellationToken, out var report)
                || _roslynOptions.TryGetGlobalDiagnosticValue(ruleId, cancellationToken, out report))
                return report != ReportDiagnostic.Suppress;
            return false;
        }
    }
}
