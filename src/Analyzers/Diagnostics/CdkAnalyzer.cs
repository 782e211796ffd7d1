using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Shipshape.Analyzers.Cdk;
using Shipshape.Analyzers.Configuration;
using Shipshape.Analyzers.Translation;
using Shipshape.Catalogue;
using Shipshape.Engine;
using Shipshape.Findings;

namespace Shipshape.Analyzers.Diagnostics
{
    /// <summary>
    /// The shape every Shipshape CDK analyzer shares: resolve the CDK types once per compilation (and stop at once
    /// when there is no CDK), translate constructs into engine subjects, run the engine's rules, and report the
    /// findings of the rules this analyzer owns at the C# spans the subject's nodes carry.
    /// </summary>
    public abstract class CdkAnalyzer : DiagnosticAnalyzer
    {
        private static readonly Lazy<LintEngine> SharedEngine = new Lazy<LintEngine>(() => new LintEngine());

        private readonly Lazy<LintEngine> _engine;

        /// <summary>The engine with every rule, shared by all analyzers (rules are stateless).</summary>
        internal static LintEngine DefaultEngine => SharedEngine.Value;
        private readonly ImmutableDictionary<string, DiagnosticDescriptor> _descriptors;

        /// <param name="name">
        /// The analyzer's class name. Its rules are the catalogue entries naming it under <c>csharp-analyzers:</c>: those
        /// whose facts its translation provides completely (so rule IDs live only in the catalogue).
        /// </param>
        /// <param name="engine">Tests pass an engine with their own rules; the default is the engine with every rule.</param>
        /// <param name="catalogue">The catalogue of <paramref name="engine"/>; the embedded one by default.</param>
        private protected CdkAnalyzer(string name, LintEngine? engine, RuleCatalogue? catalogue)
        {
            _engine = engine != null ? new Lazy<LintEngine>(() => engine) : SharedEngine;
            catalogue ??= RuleCatalogue.Embedded;
            _descriptors = RuleDescriptors.ForIds(catalogue.IdsReportedBy(name), catalogue);
            SupportedDiagnostics = _descriptors.Values.ToImmutableArray();
        }

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            if (_descriptors.Count == 0) return;
            context.RegisterCompilationStartAction(start =>
            {
                var cdk = CdkTypes.Get(start.Compilation);
                if (cdk == null || !AppliesTo(cdk)) return;
                CompilationConfig.For(start.Compilation, start.Options);
                // Per operation block: a finding in a local's initializer (var props = new RepositoryProps { … }) is reported
                // from the construct that reads the local, outside that construct's operation. Roslyn counts such a diagnostic
                // as local only when the action was registered for the block (the member) it is in; then editors show it
                // while typing in that file and code fixes apply to it (LocalityTests).
                start.RegisterOperationBlockStartAction(block => Register(block, cdk));
            });
        }

        /// <summary>True when the compilation has the CDK types this analyzer looks for.</summary>
        private protected abstract bool AppliesTo(CdkTypes cdk);

        /// <summary>Registers the operation actions of one operation block (called only in compilations that reference the CDK).</summary>
        private protected abstract void Register(OperationBlockStartAnalysisContext context, CdkTypes cdk);

        /// <summary>Runs the engine's rules over subjects built from <paramref name="document"/> and reports this analyzer's findings.</summary>
        /// <param name="fix">Code-fix data for a finding beyond literal replacements (the repository settings' fixes).</param>
        /// <param name="keep">False for findings another operation reports (code shared by several constructs); all are kept by default.</param>
        private protected void Report(CSharpDocument document, object subject, Action<Diagnostic> report, CancellationToken cancellationToken,
            Func<Finding, ImmutableDictionary<string, string?>>? fix = null, Func<Finding, bool>? keep = null)
        {
            // .shipshape.yaml (see TreeSettings): excluded files, rule options, severities, baseline.
            var settings = CompilationConfig.SettingsFor(document.Model.Compilation, document.Tree, cancellationToken);
            if (settings.Skip) return;
            var findings = new List<Finding>();
            _engine.Value.RunRules(new[] { subject }, findings, settings.LintSettings, _descriptors.ContainsKey);
            if (findings.Count == 0) return;
            findings.Sort();
            var kept = new List<(Finding Finding, DiagnosticDescriptor Descriptor, DiagnosticSeverity Severity)>();
            Finding? previous = null;
            foreach (var finding in findings)
            {
                if (!_descriptors.TryGetValue(finding.RuleId, out var descriptor)) continue;
                if (!ReferenceEquals(finding.Span.Source, document.Source)) continue;
                if (keep != null && !keep(finding)) continue;
                if (previous != null && previous.CompareTo(finding) == 0 && previous.Span.End == finding.Span.End) continue;
                previous = finding;
                if (settings.TryGetSeverity(finding, document.Tree, cancellationToken, out DiagnosticSeverity severity)) kept.Add((finding, descriptor, severity));
            }
            var entries = settings.BaselineEntries(kept.ConvertAll(k => k.Finding), document.Tree, cancellationToken);
            for (int i = 0; i < kept.Count; i++)
            {
                var (finding, descriptor, severity) = kept[i];
                if (entries != null && settings.IsBaselined(entries[i])) continue;
                var span = TextSpan.FromBounds(finding.Span.Start, Math.Min(finding.Span.End, document.Source.Length));
                var properties = FixProperties.For(finding.RuleId, document.Tree, span, cancellationToken);
                if (fix != null) properties = properties.SetItems(fix(finding));
                // With a baseline: the entry that would accept this finding (the compiler's SARIF log carries it).
                if (entries != null) properties = properties.SetItems(BaselineProperties(entries[i]));
                report(Diagnostic.Create(descriptor, Location.Create(document.Tree, span), severity, null, properties, finding.Message));
            }
        }

        internal const string FingerprintProperty = "ShipshapeFingerprint";
        internal const string BaselineLocationProperty = "ShipshapeBaselineLocation";

        private static IEnumerable<KeyValuePair<string, string?>> BaselineProperties(Shipshape.Baselines.BaselineEntry entry)
        {
            yield return new KeyValuePair<string, string?>(FingerprintProperty, entry.Fingerprint);
            yield return new KeyValuePair<string, string?>(BaselineLocationProperty, entry.Path + ":" + entry.Location);
        }
    }
}
