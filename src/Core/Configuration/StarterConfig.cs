namespace Shipshape.Configuration
{
    /// <summary>The commented configuration <c>shipshape init</c> writes. It must stay valid (a test reads it both ways).</summary>
    public static class StarterConfig
    {
        public const string Text =
@"# Shipshape configuration. Shipshape reads the .shipshape.yaml nearest to each checked file and the
# ones in folders above it (nearer files win, setting by setting); 'root: true' stops the search here.
# Globs and paths are relative to this file's folder. Schema: schemas/shipshape-config.schema.json
# yaml-language-server: $schema=https://github.com/shipshape-lint/shipshape/blob/main/schemas/shipshape-config.schema.json
root: true

# Only check files matching these globs (files named on the command line are always checked).
# include:
#   - ""infra/**""

# Never check files matching these globs.
# (.git, node_modules, bin, obj and .terraform are always skipped.)
exclude: []
#   - ""test/fixtures/**""
#   - ""cdk.out/asset.*/**""

# Read files as a given kind when neither their name nor their content says it. Kinds:
# cloudformation, iam-policy, ecr-repository-policy, ecr-registry-policy, kms-key-policy,
# identity-policy, trust-policy, ecr-lifecycle-policy, ecr-registry-scanning, ecs-task-definition,
# eksctl-cluster-config.
kinds: {}
#   ""deploy/*.json"": ecs-task-definition

# Per-rule settings: a severity (error, warning, note, off), or severity / exclude / options.
# 'shipshape rules' lists the rules; 'shipshape explain ID' explains one.
rules: {}
#   IAM003: off
#   ECR002:
#     severity: warning
#     exclude: [""sandbox/**""]
#     options:
#       trusted-accounts: [""111122223333""]   # accounts considered ours
#   ECS001:
#     options:
#       allowed-names: [""PASSWORD_POLICY_URL""]  # never reported, even when they look like secrets
#       secret-name-patterns: [""^PARCEL_SIGNING$""]  # extra names that hold secrets
#   EKS002:
#     options:
#       required-log-types: [api, audit, authenticator]  # default: all five

# Suppress one finding in YAML with a comment on the line before (or at the end of) it:
#   # shipshape-ignore ECR002 -- the CI account pushes here
# a whole file with '# shipshape-ignore-file ID -- reason', and a CloudFormation resource (JSON or YAML) with
#   Metadata: { shipshape: { ignore: [ { id: ECR002, reason: ""the CI account pushes here"" } ] } }
# Set this to false (or pass --no-inline-suppressions) to make CI ignore all of those.
inline-suppressions: true

# Findings recorded by 'shipshape check --write-baseline shipshape-baseline.json' are not reported.
# baseline: shipshape-baseline.json
";
    }
}
