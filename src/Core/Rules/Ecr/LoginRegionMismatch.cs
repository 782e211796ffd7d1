using System;
using Shipshape.Ecr;
using Shipshape.Shell;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// <c>aws ecr get-login-password --region A | docker login … &lt;acct&gt;.dkr.ecr.B.amazonaws.com</c> with A ≠ B:
    /// tokens are regional, so the login or the push after it fails. Reported on the <c>--region</c> value, or on the
    /// registry when the region came from <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>. Unknown values are never reported.
    /// </summary>
    public sealed class LoginRegionMismatch : Rule<ShellScript>
    {
        public override void Check(ShellScript script, RuleContext context)
        {
            foreach (var command in script.Commands)
            {
                var login = RegistryLogin.TryRead(command);
                string? registryRegion = login?.EcrHost?.Region;
                if (login == null || registryRegion == null) continue;
                var token = login.TokenCommand();
                if (token == null) continue;
                string? tokenRegion = token.Region(out string source);
                if (tokenRegion == null || string.Equals(tokenRegion, registryRegion, StringComparison.Ordinal)) continue;

                string host = login.EcrHost!.Host;
                if (token.RegionValue != null)
                    context.Report(script.Span(token.RegionValue), tokenRegion, host, registryRegion, "change --region to " + registryRegion);
                else
                    context.Report(script.Span(login.Server!), tokenRegion + " (from " + source + ")", host, registryRegion, "pass --region " + registryRegion + " to get-login-password");
            }
        }
    }
}
