using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace Shipshape.Cli
{
    /// <summary>
    /// A "checking 12/40 files" counter on stderr, redrawn at most ten times a second, and only when
    /// stderr is a terminal (CI logs get just the summary).
    /// </summary>
    internal sealed class ProgressReporter
    {
        private const long RedrawMilliseconds = 100;

        private readonly TextWriter _error;
        private readonly int _total;
        private readonly bool _enabled;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _gate = new object();
        private int _done;
        private long _lastDraw;
        private int _drawnWidth;

        public ProgressReporter(TextWriter error, int total, bool enabled)
        {
            _error = error;
            _total = total;
            _enabled = enabled;
        }

        public void Advance()
        {
            int done = Interlocked.Increment(ref _done);
            if (!_enabled || _clock.ElapsedMilliseconds - Interlocked.Read(ref _lastDraw) < RedrawMilliseconds) return;
            lock (_gate)
            {
                Interlocked.Exchange(ref _lastDraw, _clock.ElapsedMilliseconds);
                string text = string.Format(CultureInfo.InvariantCulture, "checking {0}/{1} files", done, _total);
                _drawnWidth = Math.Max(_drawnWidth, text.Length);
                _error.Write("\r" + text.PadRight(_drawnWidth));
                _error.Flush();
            }
        }

        /// <summary>Erases the counter so the summary starts on a clean line.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                if (_drawnWidth == 0) return;
                _error.Write("\r" + new string(' ', _drawnWidth) + "\r");
                _error.Flush();
            }
        }
    }
}
