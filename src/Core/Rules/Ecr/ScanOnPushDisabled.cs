using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// Images are not scanned when pushed: <c>ImageScanningConfiguration.ScanOnPush</c> is absent or false,
    /// and no registry scanning rule (<c>AWS::ECR::RegistryScanningConfiguration</c>) in the same template
    /// covers the repository. When the repository's name is unknown, registry coverage is unknown too.
    /// </summary>
    public sealed class ScanOnPushDisabled : Rule<EcrRepository>
    {
        public override void Check(EcrRepository repository, RuleContext context)
        {
            if (RepositorySettings.AreUnknown(repository)) return;
            Node at;
            string state;
            var scanning = repository.Get("ImageScanningConfiguration");
            if (scanning == null)
            {
                at = repository.Anchor;
                state = "has no ImageScanningConfiguration";
            }
            else
            {
                if (!(scanning is MappingNode settings) || settings.IsUnknown) return;
                var scanOnPush = settings.Get("ScanOnPush");
                if (scanOnPush == null)
                {
                    at = RepositorySettings.KeyOrAnchor(repository, "ImageScanningConfiguration");
                    state = "does not set ScanOnPush (default false)";
                }
                else
                {
                    if (CfnValue.Boolean(scanOnPush) != false) return;
                    at = scanOnPush;
                    state = "has ScanOnPush false";
                }
            }
            var name = repository.Get("RepositoryName");
            string? knownName = name == null || name.IsUnknown ? null : CfnValue.Text(name);
            if (RegistryScanning.Covers(repository.Template, knownName) != Coverage.NotCovered) return;
            context.Report(at, RepositorySettings.Label(repository), state);
        }
    }
}
