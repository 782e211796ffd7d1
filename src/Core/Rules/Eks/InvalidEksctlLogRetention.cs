using System.Globalization;
using Shipshape.Eks;
using Shipshape.Model;

namespace Shipshape.Rules.Eks
{
    /// <summary>
    /// eksctl's <c>logRetentionInDays</c> is not one of the values it accepts (a subset of CloudWatch Logs'
    /// retention values). <c>0</c> and null mean "not set"; strings (quoted numbers, placeholders) are not judged.
    /// </summary>
    public sealed class InvalidEksctlLogRetention : Rule<EksCluster>
    {
        public override void Check(EksCluster cluster, RuleContext context)
        {
            if (cluster.Format != EksClusterFormat.Eksctl || cluster.LoggingUnknown) return;
            if (!(cluster.Retention?.Value is ScalarNode value) || value.Kind != ScalarKind.Number) return;
            if (!double.TryParse(value.Value.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out double days))
                return; // hex, octal, .inf: not worth guessing
            if (days != System.Math.Floor(days) || System.Math.Abs(days) > int.MaxValue)
            {
                context.Report(value, value.Value, "it must be a whole number of days, one of " + string.Join(", ", EksctlLogRetention.Allowed));
                return;
            }
            long whole = (long)days;
            if (whole == 0 || EksctlLogRetention.IsAllowed(whole)) return;
            context.Report(value, value.Value, EksctlLogRetention.Explain(whole));
        }
    }
}
