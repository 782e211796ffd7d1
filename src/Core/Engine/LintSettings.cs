using System;
using Shipshape.Configuration;
using Shipshape.Detection;

namespace Shipshape.Engine
{
    /// <summary>
    /// What configuration changes while one file is linted: a forced kind (<c>kinds:</c> globs) and the
    /// options rules read through <c>RuleContext.Options</c>. Severities and suppressions are applied
    /// afterwards by <see cref="FindingPostProcessor"/>.
    /// </summary>
    public sealed class LintSettings
    {
        public static readonly LintSettings Default = new LintSettings(null, null, null);

        private readonly Func<string, RuleOptions>? _options;

        public LintSettings(DocumentKind? kind, PolicyKind? policyKind, Func<string, RuleOptions>? options)
        {
            Kind = kind;
            PolicyKind = policyKind;
            _options = options;
        }

        /// <summary>Read the file as this kind, whatever its name or content says; null to detect it.</summary>
        public DocumentKind? Kind { get; }

        /// <summary>With <see cref="Kind"/> = PolicyDocument: the policy sub-kind, or null to detect it from the content.</summary>
        public PolicyKind? PolicyKind { get; }

        /// <summary>The options configured for a rule (empty when none).</summary>
        public RuleOptions OptionsFor(string ruleId) => _options?.Invoke(ruleId) ?? RuleOptions.Empty;
    }
}
