using System;
using System.Collections.Generic;
using System.Text;
using Shipshape.Text;

namespace Shipshape.Shell
{
    /// <summary>
    /// Shell text to check, wherever it was found: a whole <c>*.sh</c> file, one recipe line of a Makefile,
    /// one <c>RUN</c> of a Dockerfile, or the <c>run:</c>/<c>script:</c>/<c>commands:</c> of a CI step.
    /// <see cref="Map"/> takes each offset of <see cref="Text"/> to its offset in the file, so findings land
    /// on the exact token inside a YAML block scalar; <see cref="Presets"/> are the variables the host
    /// format defines before the shell starts (a step's <c>env:</c>, Makefile variables, Dockerfile
    /// <c>ENV</c>/<c>ARG</c>).
    /// </summary>
    public sealed class ShellScript
    {
        /// <summary>Stands for a part of a value known only when the script runs.</summary>
        public const char Unknown = '\0';

        private ShellProgram? _program;
        private IReadOnlyList<ShellCommandContext>? _commands;

        /// <param name="map"><c>text.Length + 1</c> file offsets (the last one is where the text ends).</param>
        /// <param name="presets">Variables set before the script runs; a value may contain <see cref="Unknown"/>.</param>
        public ShellScript(SourceText source, string text, int[] map, IReadOnlyDictionary<string, string>? presets = null)
        {
            if (map.Length != text.Length + 1) throw new ArgumentException("the map needs one offset per character and one for the end", nameof(map));
            Source = source;
            Text = text;
            Map = map;
            Presets = presets ?? new Dictionary<string, string>();
        }

        /// <summary>A whole file of shell.</summary>
        public static ShellScript FromFile(SourceText source) => Slice(source, 0, source.Length, null);

        /// <summary>The text between two offsets of a file, as it stands.</summary>
        public static ShellScript Slice(SourceText source, int start, int end, IReadOnlyDictionary<string, string>? presets)
        {
            var map = new int[end - start + 1];
            for (int i = 0; i < map.Length; i++) map[i] = start + i;
            return new ShellScript(source, source.Text.Substring(start, end - start), map, presets);
        }

        public SourceText Source { get; }
        public string Text { get; }
        public int[] Map { get; }
        public IReadOnlyDictionary<string, string> Presets { get; }

        public ShellProgram Program => _program ??= ShellParser.Parse(Text);

        /// <summary>Every simple command in order (those inside command substitutions too), each with the variables known where it runs.</summary>
        public IReadOnlyList<ShellCommandContext> Commands => _commands ??= new VariableTracker(this).Walk();

        /// <summary>The file span of script offsets [start, end): from the first character to just after the last one.</summary>
        public SourceSpan Span(int start, int end)
        {
            int fileStart = Map[start];
            int fileEnd = end > start ? Map[end - 1] + 1 : fileStart;
            return new SourceSpan(Source, fileStart, Math.Max(fileStart, fileEnd));
        }

        public SourceSpan Span(ShellWord word) => Span(word.Start, word.End);
    }

    /// <summary>A command with the variables known where it runs.</summary>
    public sealed class ShellCommandContext
    {
        private readonly Dictionary<string, string?> _scope;

        internal ShellCommandContext(ShellScript script, ShellPipeline pipeline, int index, ShellCommand command, IReadOnlyList<ShellWord> argv, Dictionary<string, string?> scope)
        {
            Script = script;
            Pipeline = pipeline;
            Index = index;
            Command = command;
            Argv = argv;
            _scope = scope;
        }

        public ShellScript Script { get; }
        public ShellPipeline Pipeline { get; }

        /// <summary>The command's position in its pipeline.</summary>
        public int Index { get; }

        public ShellCommand Command { get; }

        /// <summary>The arguments with wrappers (<c>sudo</c>, <c>env NAME=value</c>, <c>command</c>, <c>exec</c>, <c>time</c>) removed.</summary>
        public IReadOnlyList<ShellWord> Argv { get; }

        /// <summary>The value of a variable (may contain <see cref="ShellScript.Unknown"/>), or null when it is not known.</summary>
        public string? Lookup(string name) => Lookup(_scope, name);

        /// <summary>The word's value; parts known only at run time are <see cref="ShellScript.Unknown"/>.</summary>
        public string Expand(ShellWord word) => Expand(_scope, word);

        /// <summary>The word's value when it is fully known, else null.</summary>
        public string? Resolve(ShellWord word)
        {
            string value = Expand(word);
            return value.IndexOf(ShellScript.Unknown) < 0 ? value : null;
        }

        /// <summary>The fully known value of argument <paramref name="index"/>, or null.</summary>
        public string? Arg(int index) => index < Argv.Count ? Resolve(Argv[index]) : null;

        internal static string? Lookup(Dictionary<string, string?> scope, string name) => scope.TryGetValue(name, out var value) ? value : null;

        internal static string Expand(Dictionary<string, string?> scope, ShellWord word)
        {
            var text = new StringBuilder();
            foreach (var part in word.Parts)
            {
                switch (part.Kind)
                {
                    case WordPartKind.Literal:
                        text.Append(part.Text);
                        break;
                    case WordPartKind.Variable:
                        string? value = Lookup(scope, part.Text);
                        if (part.Default != null && value != null && (value.Length == 0 && part.DefaultIfEmpty)) value = Expand(scope, part.Default);
                        text.Append(value ?? ShellScript.Unknown.ToString());
                        break;
                    default:
                        text.Append(ShellScript.Unknown);
                        break;
                }
            }
            return text.ToString();
        }
    }

    /// <summary>
    /// Walks a script in order, tracking simple assignments (<c>NAME=value</c>, <c>export NAME=value</c>). What it
    /// cannot follow becomes unknown: variables assigned inside <c>if</c>/<c>case</c>/loops/groups once the
    /// block ends or switches branch, everything after <c>source</c>/<c>eval</c>, names given to <c>read</c>.
    /// A variable never assigned is unknown too (the environment may set it).
    /// </summary>
    internal sealed class VariableTracker
    {
        private static readonly HashSet<string> Openers = new HashSet<string> { "if", "case", "for", "while", "until", "select", "{", "(" };

        // What each closer ends; a closer that does not end the innermost block (a case pattern's ')') is ignored.
        private static readonly Dictionary<string, string[]> Closers = new Dictionary<string, string[]>
        {
            ["fi"] = new[] { "if" },
            ["esac"] = new[] { "case" },
            ["done"] = new[] { "for", "while", "until", "select" },
            ["}"] = new[] { "{" },
            [")"] = new[] { "(" },
        };
        private static readonly HashSet<string> Switches = new HashSet<string> { "else", "elif", ";;" };
        private static readonly HashSet<string> Declarations = new HashSet<string> { "export", "declare", "typeset", "local", "readonly" };
        private static readonly HashSet<string> Readers = new HashSet<string> { "read", "mapfile", "readarray", "getopts" };
        private static readonly HashSet<string> Wrappers = new HashSet<string> { "sudo", "command", "exec", "time", "nohup", "env" };

        private readonly ShellScript _script;
        private readonly List<ShellCommandContext> _result = new List<ShellCommandContext>();

        public VariableTracker(ShellScript script) => _script = script;

        public IReadOnlyList<ShellCommandContext> Walk()
        {
            var scope = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var preset in _script.Presets) scope[preset.Key] = preset.Value;
            Walk(_script.Program, scope, new List<Frame>());
            return _result;
        }

        /// <summary>An open block: the reserved word that opened it and the names assigned inside it.</summary>
        private sealed class Frame
        {
            public Frame(string opener) => Opener = opener;

            public string Opener { get; }
            public HashSet<string> Assigned { get; } = new HashSet<string>(StringComparer.Ordinal);
        }

        private void Walk(ShellProgram program, Dictionary<string, string?> scope, List<Frame> frames)
        {
            foreach (var pipeline in program.Pipelines)
            {
                for (int index = 0; index < pipeline.Commands.Count; index++)
                {
                    var command = pipeline.Commands[index];
                    foreach (string keyword in command.Keywords) Keyword(keyword, scope, frames);

                    var commandScope = new Dictionary<string, string?>(scope, StringComparer.Ordinal);
                    var argv = Unwrap(command, scope, commandScope);
                    foreach (var word in Concat(command.Assignments, command.Arguments))
                        foreach (var part in word.Parts)
                            if (part.Nested != null) Walk(part.Nested, new Dictionary<string, string?>(commandScope, StringComparer.Ordinal), new List<Frame>());
                    _result.Add(new ShellCommandContext(_script, pipeline, index, command, argv, commandScope));

                    if (command.Arguments.Count == 0)
                    {
                        foreach (var assignment in command.Assignments) Assign(assignment, scope, frames);
                    }
                    else
                    {
                        Effects(command.Arguments, scope, frames);
                    }
                }
            }
        }

        /// <summary>Drops wrapper commands; <c>NAME=value</c> prefixes and <c>env NAME=value</c> go into the command's own scope.</summary>
        private static IReadOnlyList<ShellWord> Unwrap(ShellCommand command, Dictionary<string, string?> scope, Dictionary<string, string?> commandScope)
        {
            foreach (var assignment in command.Assignments)
                commandScope[assignment.AssignmentName!] = Value(assignment, scope);
            var argv = new List<ShellWord>(command.Arguments);
            while (argv.Count > 0 && argv[0].Literal is string name && Wrappers.Contains(name))
            {
                argv.RemoveAt(0);
                while (argv.Count > 0 && (argv[0].Literal?.StartsWith("-", StringComparison.Ordinal) == true || (name == "env" && argv[0].AssignmentName != null)))
                {
                    if (argv[0].AssignmentName != null) commandScope[argv[0].AssignmentName!] = Value(argv[0], scope);
                    argv.RemoveAt(0);
                }
            }
            return argv;
        }

        private static string Value(ShellWord assignment, Dictionary<string, string?> scope)
            => ShellCommandContext.Expand(scope, assignment.After(assignment.AssignmentName!.Length + 1));

        private static void Keyword(string keyword, Dictionary<string, string?> scope, List<Frame> frames)
        {
            if (Openers.Contains(keyword))
            {
                frames.Add(new Frame(keyword));
                return;
            }
            if (frames.Count == 0) return;
            var innermost = frames[frames.Count - 1];
            bool closes = Closers.TryGetValue(keyword, out var openers) && Array.IndexOf(openers, innermost.Opener) >= 0;
            if (!closes && !Switches.Contains(keyword)) return;
            // Another branch, or after the block: whether the assignments inside happened is not known.
            foreach (string name in innermost.Assigned) scope[name] = null;
            if (closes) frames.RemoveAt(frames.Count - 1);
        }

        private static void Set(string name, string? value, Dictionary<string, string?> scope, List<Frame> frames)
        {
            scope[name] = value;
            foreach (var frame in frames) frame.Assigned.Add(name);
        }

        private static void Assign(ShellWord assignment, Dictionary<string, string?> scope, List<Frame> frames)
            => Set(assignment.AssignmentName!, Value(assignment, scope), scope, frames);

        private static void Effects(IReadOnlyList<ShellWord> arguments, Dictionary<string, string?> scope, List<Frame> frames)
        {
            string? name = arguments[0].Literal;
            if (name == null) return;
            if (Declarations.Contains(name))
            {
                for (int i = 1; i < arguments.Count; i++)
                    if (arguments[i].AssignmentName != null) Assign(arguments[i], scope, frames);
            }
            else if (name == "unset" || Readers.Contains(name))
            {
                for (int i = 1; i < arguments.Count; i++)
                    if (arguments[i].Literal is string variable && !variable.StartsWith("-", StringComparison.Ordinal)) Set(variable, null, scope, frames);
            }
            else if (name == "source" || name == "." || name == "eval")
            {
                // Anything may have been set: forget what was known.
                foreach (string known in new List<string>(scope.Keys)) Set(known, null, scope, frames);
            }
        }

        private static IEnumerable<ShellWord> Concat(IReadOnlyList<ShellWord> a, IReadOnlyList<ShellWord> b)
        {
            foreach (var w in a) yield return w;
            foreach (var w in b) yield return w;
        }
    }
}
