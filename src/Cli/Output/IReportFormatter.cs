using System.IO;

namespace Shipshape.Cli.Output
{
    /// <summary>Writes a check report in one output format.</summary>
    internal interface IReportFormatter
    {
        void Write(CheckReport report, TextWriter writer);
    }
}
