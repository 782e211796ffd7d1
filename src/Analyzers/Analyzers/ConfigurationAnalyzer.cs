using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Shipshape.Analyzers.Cdk;
using Shipshape.Analyzers.Configuration;
using Shipshape.Analyzers.Diagnostics;
using Shipshape.Catalogue;
using Shipshape.Configuration;
using Shipshape.Parsing;

namespace Shipshape.Analyzers
{
    /// <summary>
    /// A <c>.shipshape.yaml</c> (or the baseline it names) that cannot be read is LINT001 at the offending key or
    /// value in that file, as the MSBuild task reports it; never an exception in the host. The other analyzers report
    /// nothing in the C# files that configuration governs (the CLI stops with exit 2). Only in compilations that
    /// reference the CDK, where the C# analyzers read the configuration.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor InvalidConfiguration =
            RuleDescriptors.For(RuleCatalogue.Embedded[EngineRuleIds.SyntaxError], RuleCatalogue.Embedded);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(InvalidConfiguration);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (CdkTypes.Get(start.Compilation) == null) return;
                var config = CompilationConfig.For(start.Compilation, start.Options);
                start.RegisterAdditionalFileAction(c =>
                {
                    foreach (var error in config.Errors(c.CancellationToken))
                    {
                        if (config.FileOf(error) is AdditionalText file && string.Equals(file.Path, c.AdditionalFile.Path, StringComparison.Ordinal))
                            c.ReportDiagnostic(Create(error, file));
                    }
                });
                // A file that is not among the additional files (a missing $(ShipshapeConfigFile)): the compilation's.
                start.RegisterCompilationEndAction(c =>
                {
                    foreach (var error in config.Errors(c.CancellationToken))
                        if (config.FileOf(error) == null) c.ReportDiagnostic(Diagnostic.Create(InvalidConfiguration, Location.None, Message(error)));
                });
            });
        }

        private static Diagnostic Create(ConfigError error, AdditionalText file)
        {
            var text = file.GetText();
            Location location = Location.None;
            if (text != null)
            {
                var span = error.Start >= 0 && error.Start + error.Length <= text.Length
                    ? new TextSpan(error.Start, error.Length)
                    : new TextSpan(PositionOf(text, error), 0);
                location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
            }
            return Diagnostic.Create(InvalidConfiguration, location, "Invalid Shipshape configuration: " + error.Message);
        }

        private static string Message(ConfigError error) => "Invalid Shipshape configuration: " + error;

        private static int PositionOf(SourceText text, ConfigError error)
        {
            int line = Math.Min(Math.Max(error.Position.Line - 1, 0), text.Lines.Count - 1);
            var textLine = text.Lines[line];
            return Math.Min(textLine.Start + Math.Max(error.Position.Column - 1, 0), textLine.End);
        }
    }
}
