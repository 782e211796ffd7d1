using System;
using System.Collections.Generic;
using System.Globalization;
using Shipshape.Catalogue;
using Shipshape.Configuration;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Policies;
using Shipshape.Text;

namespace Shipshape.Rules
{
    /// <summary>
    /// A rule: one small class named for what it checks. Its ID, severity and message live in the
    /// catalogue entry whose <c>implementation</c> names the class.
    /// </summary>
    public abstract class Rule
    {
        public string Name => GetType().Name;

        /// <summary>The kind of subject (policy, repository…) this rule checks.</summary>
        public abstract Type SubjectType { get; }

        internal abstract void CheckSubject(object subject, RuleContext context);
    }

    /// <summary>A rule over one kind of subject, wherever the subject was found (a file, a template, C# code).</summary>
    public abstract class Rule<TSubject> : Rule where TSubject : class
    {
        public sealed override Type SubjectType => typeof(TSubject);

        public abstract void Check(TSubject subject, RuleContext context);

        internal sealed override void CheckSubject(object subject, RuleContext context) => Check((TSubject)subject, context);
    }

    /// <summary>A rule over IAM policy documents, wherever they were found.</summary>
    public abstract class PolicyRule : Rule<PolicyDocument>
    {
    }

    /// <summary>What a rule reports through: it fills in the catalogue's message and severity.</summary>
    public sealed class RuleContext
    {
        private readonly List<Finding> _sink;

        public RuleContext(RuleDescriptor descriptor, Severity severity, List<Finding> sink)
            : this(descriptor, severity, sink, RuleOptions.Empty)
        {
        }

        public RuleContext(RuleDescriptor descriptor, Severity severity, List<Finding> sink, RuleOptions options)
        {
            Descriptor = descriptor;
            Severity = severity;
            _sink = sink;
            Options = options;
        }

        public RuleDescriptor Descriptor { get; }
        public Severity Severity { get; }

        /// <summary>The options the configuration gives this rule (<c>rules: { ID: { options: … } }</c>); empty when none.</summary>
        public RuleOptions Options { get; }

        public void Report(Node at, params object[] args) => Report(at.Span, args);

        public void Report(SourceSpan at, params object[] args)
        {
            string message = args.Length == 0
                ? Descriptor.MessageFormat
                : string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat, args);
            _sink.Add(new Finding(Descriptor.Id, Severity, message, at));
        }
    }

    /// <summary>Every rule the engine runs. New rules are added here and described in <c>rules/</c>.</summary>
    public static class RuleSet
    {
        public static IReadOnlyList<Rule> CreateAll() => new Rule[]
        {
            new Iam.MalformedPolicyStructure(),
            new Iam.InvalidPolicyVersion(),
            new Iam.OutdatedPolicyVersion(),
            new Iam.InvalidEffect(),
            new Iam.MalformedAction(),
            new Iam.UnknownAction(),
            new Iam.MalformedPrincipal(),
            new Iam.MalformedResourceArn(),
            new Iam.DuplicateSid(),
            new Iam.MalformedCondition(),
            new Iam.AllowWithNotPrincipalOrNotAction(),
            new Ecr.PublicEcrPolicy(),
            new Ecr.CrossAccountWriteAccess(),
            new Ecr.ResourceInRepositoryPolicy(),
            new Ecr.ActionUnusableInRepositoryPolicy(),
            new Ecr.InvalidRegistryPolicyAction(),
            new Ecr.RepositoryNotEncryptedWithKms(),
            new Ecr.RepositoryUsesAwsManagedKey(),
            new Ecr.KmsKeyUnusableByEcr(),
            new Ecr.ScanOnPushDisabled(),
            new Ecr.MutableImageTags(),
            new Ecr.NoLifecyclePolicy(),
            new Ecr.InvalidRepositoryName(),
            new Ecr.MalformedLifecyclePolicy(),
            new Ecr.DuplicateLifecycleRulePriority(),
            new Ecr.AnyTagRuleNotLast(),
            new Ecr.MalformedScanningConfiguration(),
            new Ecr.ScanFilterMatchesNoRepository(),
            new Eks.NoControlPlaneLogging(),
            new Eks.MissingControlPlaneLogTypes(),
            new Eks.UnknownControlPlaneLogType(),
            new Eks.InvalidEksctlLogRetention(),
            new Eks.EksctlLogRetentionNotSet(),
            new Ecs.PlaintextSecretInEnvironment(),
            new Ecs.DynamicSecretReferenceInEnvironment(),
            new Ecs.SecretsWithoutExecutionRole(),
            new Ecs.InvalidSecretReference(),
            new Ecs.ExecutionRoleCannotReadSecret(),
            new Ecs.DuplicateEnvironmentVariable(),
            new Ecs.MutableEcrImageTag(),
            new Ecs.MalformedEcrImageHost(),
            new Ecr.LoginRegionMismatch(),
            new Ecr.InsecureEcrLogin(),
            new Ecr.StaticEcrCredentials(),
        };
    }
}
