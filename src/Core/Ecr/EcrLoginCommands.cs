using System;
using System.Collections.Generic;
using Shipshape.Shell;

namespace Shipshape.Ecr
{
    /// <summary>An <c>aws … ecr &lt;operation&gt;</c> command: the operation word and the region the CLI will use.</summary>
    public sealed class AwsEcrCommand
    {
        // Global options of the AWS CLI that take a value (they may stand before the service name).
        private static readonly HashSet<string> ValueOptions = new HashSet<string>(StringComparer.Ordinal)
        {
            "--region", "--profile", "--output", "--endpoint-url", "--query", "--color", "--ca-bundle",
            "--cli-read-timeout", "--cli-connect-timeout", "--cli-binary-format",
        };

        private AwsEcrCommand(ShellCommandContext context, string operation, ShellWord operationWord, ShellWord? regionValue)
        {
            Context = context;
            Operation = operation;
            OperationWord = operationWord;
            RegionValue = regionValue;
        }

        public ShellCommandContext Context { get; }
        public string Operation { get; }
        public ShellWord OperationWord { get; }

        /// <summary>The value of <c>--region</c> (the word, or the part after <c>--region=</c>), or null when absent.</summary>
        public ShellWord? RegionValue { get; }

        public static AwsEcrCommand? TryRead(ShellCommandContext context)
        {
            var argv = context.Argv;
            if (argv.Count < 3 || !IsProgram(context.Arg(0), "aws")) return null;
            ShellWord? region = null;
            var positional = new List<(string Text, ShellWord Word)>();
            for (int i = 1; i < argv.Count; i++)
            {
                string? arg = context.Arg(i);
                if (arg == "--region") { if (i + 1 < argv.Count) region = argv[++i]; }
                else if (StartsWithLiteral(argv[i], "--region=")) region = argv[i].After("--region=".Length);
                else if (arg != null && ValueOptions.Contains(arg)) i++;
                else if (arg == null || !arg.StartsWith("-", StringComparison.Ordinal)) positional.Add((arg ?? string.Empty, argv[i]));
            }
            if (positional.Count < 2 || positional[0].Text != "ecr") return null;
            return new AwsEcrCommand(context, positional[1].Text, positional[1].Word, region);
        }

        /// <summary>
        /// The region the token is for: <c>--region</c>, else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c> (the CLI's
        /// order). Null when the deciding value is not known (the profile's region is never known).
        /// </summary>
        public string? Region(out string source)
        {
            if (RegionValue != null)
            {
                source = "--region";
                return Context.Resolve(RegionValue)?.ToLowerInvariant();
            }
            foreach (string variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
            {
                string? value = Context.Lookup(variable);
                if (value == null) continue;
                source = variable;
                return value.IndexOf(ShellScript.Unknown) < 0 && value.Length > 0 ? value.ToLowerInvariant() : null;
            }
            source = string.Empty;
            return null;
        }

        /// <summary>True when the word starts with <paramref name="prefix"/> written as plain text (<c>--region=$REGION</c>).</summary>
        internal static bool StartsWithLiteral(ShellWord word, string prefix)
            => word.Parts.Count > 0 && word.Parts[0].Kind == WordPartKind.Literal && word.Parts[0].Text.StartsWith(prefix, StringComparison.Ordinal);

        internal static bool IsProgram(string? arg, string name)
            => arg != null && (arg == name || arg.EndsWith("/" + name, StringComparison.Ordinal));
    }

    /// <summary>A registry login (<c>docker login</c>, <c>podman login</c>, <c>helm registry login</c>…): how the password is given and to which server.</summary>
    public sealed class RegistryLogin
    {
        private static readonly HashSet<string> Tools = new HashSet<string>(StringComparer.Ordinal) { "docker", "podman", "buildah", "skopeo", "nerdctl", "finch", "oras" };
        private static readonly HashSet<string> ValueOptions = new HashSet<string>(StringComparer.Ordinal) { "-u", "--username", "--authfile", "--cert-dir" };

        private RegistryLogin(ShellCommandContext context, ShellWord? server, bool passwordStdin, ShellWord? passwordFlag, int passwordFlagLength, ShellWord? password)
        {
            Context = context;
            Server = server;
            PasswordStdin = passwordStdin;
            PasswordFlag = passwordFlag;
            PasswordFlagLength = passwordFlagLength;
            Password = password;
        }

        public ShellCommandContext Context { get; }

        /// <summary>The registry argument, or null (Docker Hub).</summary>
        public ShellWord? Server { get; }

        public bool PasswordStdin { get; }

        /// <summary>The <c>-p</c>/<c>--password</c> word, or null.</summary>
        public ShellWord? PasswordFlag { get; }

        /// <summary>How many characters of <see cref="PasswordFlag"/> are the flag (<c>--password=…</c> holds the value too).</summary>
        public int PasswordFlagLength { get; }

        /// <summary>The password's value word, or null.</summary>
        public ShellWord? Password { get; }

        /// <summary>The registry host, when the server is an ECR host (parts may be unknown).</summary>
        public EcrRegistryHost? EcrHost => Server == null ? null : EcrRegistryHost.TryParse(Context.Expand(Server));

        public static RegistryLogin? TryRead(ShellCommandContext context)
        {
            var argv = context.Argv;
            string? tool = context.Arg(0);
            int first;
            if (tool != null && Tools.Contains(tool.Substring(tool.LastIndexOf('/') + 1)) && context.Arg(1) == "login") first = 2;
            else if (AwsEcrCommand.IsProgram(tool, "helm") && context.Arg(1) == "registry" && context.Arg(2) == "login") first = 3;
            else return null;

            ShellWord? server = null, flag = null, password = null;
            bool stdin = false;
            int flagLength = 0;
            for (int i = first; i < argv.Count; i++)
            {
                string? arg = context.Arg(i);
                if (arg == "--password-stdin") stdin = true;
                else if (arg == "-p" || arg == "--password")
                {
                    flag = argv[i];
                    flagLength = arg.Length;
                    if (i + 1 < argv.Count) password = argv[++i];
                }
                else if (AwsEcrCommand.StartsWithLiteral(argv[i], "--password="))
                {
                    flag = argv[i];
                    flagLength = "--password".Length;
                    password = argv[i].After("--password=".Length);
                }
                else if (arg != null && ValueOptions.Contains(arg)) i++;
                else if (arg != null && arg.StartsWith("-", StringComparison.Ordinal)) continue;
                else if (server == null) server = argv[i];
            }
            return new RegistryLogin(context, server, stdin, flag, flagLength, password);
        }

        /// <summary>The <c>aws ecr get-login-password</c> whose output this login reads: earlier in the same pipeline, or inside the password argument.</summary>
        public AwsEcrCommand? TokenCommand()
        {
            foreach (var other in Context.Script.Commands)
            {
                bool feedsStdin = PasswordStdin && other.Pipeline == Context.Pipeline && other.Index < Context.Index;
                bool inPassword = Password != null && other.Argv.Count > 0 && Password.Start <= other.Argv[0].Start && other.Argv[other.Argv.Count - 1].End <= Password.End;
                if (!feedsStdin && !inPassword) continue;
                var aws = AwsEcrCommand.TryRead(other);
                if (aws != null && aws.Operation == "get-login-password") return aws;
            }
            return null;
        }
    }
}
