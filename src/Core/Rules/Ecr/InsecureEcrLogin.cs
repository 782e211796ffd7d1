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
                var flag = login.PasswordFlag;
                context.Report(script.Span(flag.Start, flag.Parts[0].Offsets[login.PasswordFlagLength - 1] + 1),
                    "The ECR token is passed with " + flag.Parts[0].Text.Substring(0, login.PasswordFlagLength),
                    "pipe it to --password-stdin instead: on the command line it shows in the process list and in shell history");
            }
        }
    }
}
