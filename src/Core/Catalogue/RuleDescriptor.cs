using System.Collections.Generic;
using Shipshape.Findings;

namespace Shipshape.Catalogue
{
    /// <summary>A rule as the catalogue (<c>rules/ID.yaml</c>) describes it.</summary>
    public sealed class RuleDescriptor
    {
        public RuleDescriptor(string id, string title, string messageFormat, string category, Severity defaultSeverity,
            IReadOnlyList<string> tags, string summary, string rationale, string remediation, string implementation,
            double? securitySeverity, IReadOnlyList<RuleExample> examples, bool sensitive = false)
        {
            Sensitive = sensitive;
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            Category = category;
            DefaultSeverity = defaultSeverity;
            Tags = tags;
            Summary = summary;
            Rationale = rationale;
            Remediation = remediation;
            Implementation = implementation;
            SecuritySeverity = securitySeverity;
            Examples = examples;
        }

        public string Id { get; }
        public string Title { get; }

        /// <summary>A <see cref="string.Format(string, object[])"/> pattern filled by the rule.</summary>
        public string MessageFormat { get; }

        public string Category { get; }
        public Severity DefaultSeverity { get; }
        public IReadOnlyList<string> Tags { get; }
        public string Summary { get; }
        public string Rationale { get; }
        public string Remediation { get; }

        /// <summary>The name of the class that implements the rule, or <c>engine</c> for findings the engine itself reports.</summary>
        public string Implementation { get; }

        /// <summary>GitHub code scanning's 0.0–10.0 score, for security rules.</summary>
        public double? SecuritySeverity { get; }

        public IReadOnlyList<RuleExample> Examples { get; }

        /// <summary>The offending token is a secret: outputs that show source text must mask it.</summary>
        public bool Sensitive { get; }

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
