using Shipshape.Findings;

namespace Shipshape.Cli.Output
{
    /// <summary>
    /// The source line of a finding, remembered between calls: findings arrive sorted by file and line,
    /// and a minified template is one multi-megabyte line that must not be copied once per finding.
    /// </summary>
    internal sealed class LastLine
    {
        private string? _path;
        private int _line;
        private string _text = string.Empty;

        /// <summary>True when the finding is on a different line from the previous call.</summary>
        public bool MoveTo(Finding finding)
        {
            if (finding.Path == _path && finding.Start.Line == _line) return false;
            _path = finding.Path;
            _line = finding.Start.Line;
            _text = finding.StartLineText;
            return true;
        }

        public string Text => _text;
    }
}
