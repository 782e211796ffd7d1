using Shipshape.Ecr;
using Shipshape.Shell;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// <c>aws ecr get-login</c> (removed in AWS CLI v2), or an ECR token given to <c>docker login</c> with
    /// <c>-p</c>/<c>--password</c>, where it shows in the process list and shell history, instead of <c>--password-stdin</c>.
    /// </summary>
    public sealed class InsecureEcrLogin : Rule<ShellScript>
    {
        public override void Check(ShellScript script, RuleContext context)
        {
            foreach (var command in script.Commands)
            {
                var aws = AwsEcrCommand.TryRead(command);
                if (aws != null && aws.Operation == "get-login")
                {
                    context.Report(script.Span(aws.OperationWord),
                        "'aws ecr get-login' was removed in AWS CLI v2",
                        "use 'aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <registry>'");
                    continue;
                }
                var login = RegistryLogin.TryRead(command);
                if (login?.PasswordFlag == null || (login.EcrHost == null && login.TokenCommand() == null)) continue;
                // On the flag itself: "--password" of "--password=$TOKEN".
                var flag = login.PasswordFlag;
                int[] offsets = flag.Parts[0].Offsets;
                int end = offsets.Length >= login.PasswordFlagLength ? offsets[login.PasswordFlagLength - 1] + 1 : flag.End;
                context.Report(script.Span(flag.Start, end),
                    "The ECR token is passed with " + (login.PasswordFlagLength == 2 ? "-p" : "--password"),
                    "pipe it to --password-stdin instead: on the command line it shows in the process list and in shell history");
            }
        }
    }
}
