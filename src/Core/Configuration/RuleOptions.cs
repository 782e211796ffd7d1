using System;
using System.Collections.Generic;
using System.Linq;

namespace Shipshape.Configuration
{
    /// <summary>
    /// The options a configuration gives one rule (<c>rules: { ECR002: { options: { trusted-accounts: [...] } } }</c>).
    /// Rules read them through <c>RuleContext.Options</c>; a rule declares the options it understands in
    /// <see cref="RuleOptionSpecs"/> (and <c>schemas/shipshape-config.schema.json</c>), so unknown names are errors.
    /// </summary>
    public sealed class RuleOptions
    {
        public static readonly RuleOptions Empty = new RuleOptions(new Dictionary<string, object>(StringComparer.Ordinal));

        private readonly IReadOnlyDictionary<string, object> _values;

        /// <param name="values">Option name → <c>string</c>, <c>bool</c>, <c>long</c> or <c>IReadOnlyList&lt;string&gt;</c>.</param>
        public RuleOptions(IReadOnlyDictionary<string, object> values) => _values = values;

        public IEnumerable<string> Names => _values.Keys;

        public bool Has(string name) => _values.ContainsKey(name);

        /// <summary>A list option; empty when not set.</summary>
        public IReadOnlyList<string> GetStrings(string name)
            => _values.TryGetValue(name, out var v) && v is IReadOnlyList<string> list ? list : Array.Empty<string>();

        public string? GetString(string name) => _values.TryGetValue(name, out var v) ? v as string : null;

        public bool GetBoolean(string name, bool defaultValue)
            => _values.TryGetValue(name, out var v) && v is bool b ? b : defaultValue;

        public long GetInteger(string name, long defaultValue)
            => _values.TryGetValue(name, out var v) && v is long l ? l : defaultValue;

        /// <summary>These options with <paramref name="fallback"/>'s for the names not set here (a nearer config over a farther one).</summary>
        public RuleOptions Over(RuleOptions fallback)
        {
            if (fallback._values.Count == 0) return this;
            if (_values.Count == 0) return fallback;
            var merged = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var pair in fallback._values) merged[pair.Key] = pair.Value;
            foreach (var pair in _values) merged[pair.Key] = pair.Value;
            return new RuleOptions(merged);
        }
    }

    /// <summary>What values an option takes.</summary>
    public enum RuleOptionType
    {
        StringList,
        /// <summary>12-digit AWS account IDs (quoted or not).</summary>
        AccountIdList,
        /// <summary>.NET regular expressions, checked when the config is read.</summary>
        RegexList,
        /// <summary>Values from <see cref="RuleOptionSpec.AllowedValues"/>.</summary>
        EnumList,
        Boolean,
        Integer,
        String,
    }

    /// <summary>One option a rule understands.</summary>
    public sealed class RuleOptionSpec
    {
        public RuleOptionSpec(string name, RuleOptionType type, string description, params string[] allowedValues)
        {
            Name = name;
            Type = type;
            Description = description;
            AllowedValues = allowedValues;
        }

        public string Name { get; }
        public RuleOptionType Type { get; }
        public string Description { get; }
        public IReadOnlyList<string> AllowedValues { get; }
    }

    /// <summary>
    /// The options each rule understands: declared in its catalogue entry (<c>options:</c> in <c>rules/ID.yaml</c>),
    /// so the config reader rejects any other name; the JSON Schema (<c>schemas/shipshape-config.schema.json</c>)
    /// lists the same options, and a test keeps the two in step. The names rules read are constants here.
    /// </summary>
    public static class RuleOptionSpecs
    {
        public const string TrustedAccounts = "trusted-accounts";
        public const string SecretNamePatterns = "secret-name-patterns";
        public const string AllowedNames = "allowed-names";
        public const string RequiredLogTypes = "required-log-types";

        /// <summary>The IDs of the embedded catalogue's rules that take options.</summary>
        public static IEnumerable<string> RuleIds => Catalogue.RuleCatalogue.Embedded.Rules.Where(r => r.Options.Count > 0).Select(r => r.Id);

        /// <summary>The options of a rule of the embedded catalogue; empty when it takes none.</summary>
        public static IReadOnlyList<RuleOptionSpec> For(string ruleId)
            => Catalogue.RuleCatalogue.Embedded.TryGet(ruleId, out var rule) ? rule.Options : Array.Empty<RuleOptionSpec>();
    }
}
