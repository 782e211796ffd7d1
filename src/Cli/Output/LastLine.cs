using Shipshape.Findings;
using Shipshape.Text;

namespace Shipshape.Cli.Output
{
    /// <summary>
    /// The source line of a finding, remembered between calls: findings arrive sorted by file and line,
    /// and a minified template is one multi-megabyte line that must not be copied once per finding.
    /// </summary>
    internal sealed class LastLine
    {
        private SourceText? _source;
        private int _line;
        private string _text = string.Empty;

        /// <summary>True when the finding is on a different line from the previous call.</summary>
        public bool MoveTo(Finding finding)
        {
            if (ReferenceEquals(finding.Span.Source, _source) && finding.Start.Line == _line) return false;
            _source = finding.Span.Source;
            _line = finding.Start.Line;
            _text = _source.GetLineText(_line);
            return true;
        }

        public string Text => _text;
    }
}
