using System;
using System.Collections.Generic;
using System.Linq;
using Shipshape.Text;

namespace Shipshape.Configuration
{
    /// <summary>A problem in a configuration (or baseline) file, with the position of the offending key or value.</summary>
    public sealed class ConfigError
    {
        public ConfigError(string path, LinePosition position, string message)
        {
            Path = path;
            Position = position;
            Message = message;
        }

        public ConfigError(SourceSpan span, string message)
            : this(span.Source.Path, span.StartPosition, message)
        {
            Start = span.Start;
            Length = span.Length;
        }

        /// <summary>The file as shown to the user.</summary>
        public string Path { get; }

        /// <summary>1-based line and column.</summary>
        public LinePosition Position { get; }

        public string Message { get; }

        /// <summary>The offending key or value as an offset into the file's text (the analyzers underline it); -1 when only the position is known.</summary>
        public int Start { get; } = -1;

        public int Length { get; }

        /// <summary><c>file:line:col: message</c>, the form every surface prints.</summary>
        public override string ToString() => Path + ":" + Position.Line + ":" + Position.Column + ": " + Message;
    }

    /// <summary>A configuration (or baseline) that cannot be used; every surface stops on it (the CLI exits 2).</summary>
    public sealed class ConfigException : Exception
    {
        public ConfigException(IReadOnlyList<ConfigError> errors)
            : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
        {
            Errors = errors;
        }

        public IReadOnlyList<ConfigError> Errors { get; }
    }
}
