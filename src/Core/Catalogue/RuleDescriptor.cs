using System;
using System.Collections.Generic;
using Shipshape.Configuration;
using Shipshape.Findings;

namespace Shipshape.Catalogue
{
    /// <summary>A rule as the catalogue (<c>rules/ID.yaml</c>) describes it.</summary>
    public sealed class RuleDescriptor
    {
        private readonly string? _title;
        private readonly string? _category;
        private readonly IReadOnlyList<string>? _tags;
        private readonly string? _summary;
        private readonly string? _rationale;
        private readonly string? _remediation;
        private readonly double? _securitySeverity;
        private readonly IReadOnlyList<RuleExample>? _examples;
        private readonly bool _sensitive;
        private readonly IReadOnlyList<RuleOptionSpec>? _options;
        private readonly IReadOnlyList<string> _csharpAnalyzers;

        // The embedded catalogue reads only what linting needs at start-up; the rest is read on first use.
        private readonly Lazy<RuleDescriptor>? _full;

        public RuleDescriptor(string id, string title, string messageFormat, string category, Severity defaultSeverity,
            IReadOnlyList<string> tags, string summary, string rationale, string remediation, string implementation,
            double? securitySeverity, IReadOnlyList<RuleExample> examples, bool sensitive = false, IReadOnlyList<RuleOptionSpec>? options = null,
            IReadOnlyList<string>? csharpAnalyzers = null)
        {
            _csharpAnalyzers = csharpAnalyzers ?? Array.Empty<string>();
            _sensitive = sensitive;
            _options = options ?? Array.Empty<RuleOptionSpec>();
            Id = id;
            _title = title;
            MessageFormat = messageFormat;
            _category = category;
            DefaultSeverity = defaultSeverity;
            _tags = tags;
            _summary = summary;
            _rationale = rationale;
            _remediation = remediation;
            Implementation = implementation;
            _securitySeverity = securitySeverity;
            _examples = examples;
        }

        internal RuleDescriptor(string id, string messageFormat, Severity defaultSeverity, string implementation,
            string title, string category, string summary, IReadOnlyList<string> tags, bool sensitive, IReadOnlyList<string> csharpAnalyzers,
            Lazy<RuleDescriptor> full)
        {
            Id = id;
            MessageFormat = messageFormat;
            DefaultSeverity = defaultSeverity;
            Implementation = implementation;
            // What the analyzers' descriptors need is read with the header: loading them parses no YAML.
            _title = title;
            _category = category;
            _summary = summary;
            _tags = tags;
            _sensitive = sensitive;
            _csharpAnalyzers = csharpAnalyzers;
            _full = full;
        }

        public string Id { get; }
        public string Title => _title ?? _full!.Value.Title;

        /// <summary>A <see cref="string.Format(string, object[])"/> pattern filled by the rule.</summary>
        public string MessageFormat { get; }

        public string Category => _category ?? _full!.Value.Category;
        public Severity DefaultSeverity { get; }
        public IReadOnlyList<string> Tags => _tags ?? _full!.Value.Tags;
        public string Summary => _summary ?? _full!.Value.Summary;
        public string Rationale => _full != null ? _full.Value.Rationale : _rationale!;
        public string Remediation => _full != null ? _full.Value.Remediation : _remediation!;

        /// <summary>The name of the class that implements the rule, or <c>engine</c> for findings the engine itself reports.</summary>
        public string Implementation { get; }

        /// <summary>GitHub code scanning's 0.0–10.0 score, for security rules.</summary>
        public double? SecuritySeverity => _full != null ? _full.Value.SecuritySeverity : _securitySeverity;

        public IReadOnlyList<RuleExample> Examples => _full != null ? _full.Value.Examples : _examples!;

        /// <summary>The offending token is a secret: outputs that show source text must mask it.</summary>
        public bool Sensitive => _sensitive;

        /// <summary>The options <c>.shipshape.yaml</c> may give the rule (the entry's <c>options:</c>); empty for most rules.</summary>
        public IReadOnlyList<RuleOptionSpec> Options => _full != null ? _full.Value.Options : _options!;

        /// <summary>
        /// The Roslyn analyzers (class names) that report the rule on C# CDK code (the entry's <c>csharp-analyzers:</c>):
        /// each analyzer's diagnostics are exactly the rules naming it. Empty for rules C# code cannot break.
        /// </summary>
        public IReadOnlyList<string> CSharpAnalyzers => _csharpAnalyzers;

        public string HelpUri => RuleCatalogue.HelpUriBase + Id + ".md";
    }

    /// <summary>A compliant or non-compliant snippet; markup <c>{|ID:text|}</c> marks where findings must land.</summary>
    public sealed class RuleExample
    {
        public RuleExample(string name, bool compliant, string file, string code)
        {
            Name = name;
            Compliant = compliant;
            File = file;
            Code = code;
        }

        public string Name { get; }
        public bool Compliant { get; }

        /// <summary>The file name the snippet is linted as (it decides format and, by convention, kind).</summary>
        public string File { get; }

        public string Code { get; }
    }
}
