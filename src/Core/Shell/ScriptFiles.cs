using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Shipshape.Detection;
using Shipshape.Text;

namespace Shipshape.Shell
{
    /// <summary>
    /// Files that hold shell: shell scripts, Makefiles and Dockerfiles. Recognises them by name (or a sh/bash
    /// shebang) and turns each into the <see cref="ShellScript"/>s the shell actually runs: the whole script,
    /// each recipe line of a Makefile (make runs each in its own shell), each <c>RUN</c> of a Dockerfile.
    /// </summary>
    public static class ScriptFiles
    {
        /// <summary>The kind a file's name (or, for a name without extension, its shebang) says it is; Unknown for other files.</summary>
        public static DocumentKind KindOf(string path, string? text)
        {
            var kind = KindFromName(path);
            if (kind != DocumentKind.Unknown) return kind;
            return text != null && HasShellShebang(text) ? DocumentKind.ShellScript : DocumentKind.Unknown;
        }

        public static DocumentKind KindFromName(string path)
        {
            string name = Path.GetFileName(path).ToLowerInvariant();
            if (name.EndsWith(".sh", StringComparison.Ordinal) || name.EndsWith(".bash", StringComparison.Ordinal)) return DocumentKind.ShellScript;
            if (name == "makefile" || name == "gnumakefile" || name.EndsWith(".mk", StringComparison.Ordinal)) return DocumentKind.Makefile;
            if (name == "dockerfile" || name == "containerfile" || name.StartsWith("dockerfile.", StringComparison.Ordinal) || name.EndsWith(".dockerfile", StringComparison.Ordinal)) return DocumentKind.Dockerfile;
            return DocumentKind.Unknown;
        }

        /// <summary>True for a first line such as <c>#!/bin/sh</c>, <c>#!/bin/bash -e</c> or <c>#!/usr/bin/env bash</c>.</summary>
        public static bool HasShellShebang(string text)
        {
            if (!text.StartsWith("#!", StringComparison.Ordinal)) return false;
            int end = text.IndexOfAny(new[] { '\n', '\r' });
            var words = text.Substring(2, (end < 0 ? text.Length : end) - 2).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < words.Length; i++)
            {
                string program = words[i].Substring(words[i].LastIndexOf('/') + 1);
                if (i == 0 && program == "env") continue;
                if (i > 0 && words[i].StartsWith("-", StringComparison.Ordinal)) continue;
                return program == "sh" || program == "bash" || program == "dash";
            }
            return false;
        }

        /// <summary>
        /// The cheap look before parsing: only text that mentions ECR (<c>aws ecr</c>, <c>.dkr.ecr.</c>, <c>ECR_REGISTRY</c>,
        /// <c>amazon-ecr-login</c>; not "secret" or "decrypt") or <c>get-login</c> can hold an ECR login.
        /// </summary>
        public static bool MentionsEcr(string text)
        {
            if (text.IndexOf("get-login", StringComparison.Ordinal) >= 0) return true;
            for (int i = text.IndexOf("ecr", StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf("ecr", i + 1, StringComparison.OrdinalIgnoreCase))
            {
                bool letterBefore = i > 0 && char.IsLetter(text[i - 1]);
                bool letterAfter = i + 3 < text.Length && char.IsLetter(text[i + 3]);
                if (!letterBefore && !letterAfter) return true;
            }
            return false;
        }

        public static IEnumerable<ShellScript> Read(SourceText source, DocumentKind kind)
        {
            switch (kind)
            {
                case DocumentKind.Makefile: return FromMakefile(source);
                case DocumentKind.Dockerfile: return FromDockerfile(source);
                default: return new[] { ShellScript.FromFile(source) };
            }
        }

        // NAME = value, NAME := value, NAME ?= value, NAME += value, optionally after export/override.
        private static readonly Regex MakeAssignment = new Regex(@"^(?:(?:export|override)\s+)*([A-Za-z_][A-Za-z0-9_]*)\s*(\?=|:::=|::=|:=|\+=|!=|=)\s*(.*)$", RegexOptions.CultureInvariant);
        private static readonly Regex MakeReference = new Regex(@"\$(?:\(([A-Za-z_][A-Za-z0-9_]*)\)|\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_]))|\$\$|\$[({][^)}]*[)}]", RegexOptions.CultureInvariant);

        /// <summary>
        /// Each logical recipe line (tab-indented, <c>\</c>-continued) is one shell. Make variables assigned at the top
        /// level (in file order) are its presets; <c>$(NAME)</c> in a recipe becomes <c>${NAME}</c> and <c>$$</c> becomes <c>$</c>
        /// with every character still mapped to the file.
        /// </summary>
        private static IEnumerable<ShellScript> FromMakefile(SourceText source)
        {
            string text = source.Text;
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            bool inDefine = false;
            int conditionals = 0;
            int pos = 0;
            while (pos < text.Length)
            {
                int start = pos;
                int end = LogicalLineEnd(text, pos, out pos);
                string line = text.Substring(start, end - start);
                if (inDefine)
                {
                    if (line.Trim() == "endef") inDefine = false;
                    continue;
                }
                if (line.StartsWith("\t", StringComparison.Ordinal))
                {
                    yield return Recipe(source, start + 1, end, variables);
                    continue;
                }
                string trimmed = line.Trim();
                string directive = trimmed.Split(' ', '\t')[0];
                if (directive == "define") { inDefine = true; continue; }
                if (directive == "ifeq" || directive == "ifneq" || directive == "ifdef" || directive == "ifndef") { conditionals++; continue; }
                if (directive == "endif") { conditionals = Math.Max(0, conditionals - 1); continue; }
                if (directive == "include" || directive == "-include" || directive == "sinclude")
                {
                    // The included file may set anything.
                    foreach (string known in new List<string>(variables.Keys)) variables[known] = ShellScript.Unknown.ToString();
                    continue;
                }
                var match = MakeAssignment.Match(trimmed);
                if (!match.Success) continue;
                string name = match.Groups[1].Value;
                string op = match.Groups[2].Value;
                string value = ExpandMake(match.Groups[3].Value.Replace("\\\n", " "), variables);
                // Inside ifeq/ifdef the assignment may not happen; != runs a shell command.
                if (op == "!=" || conditionals > 0) value = ShellScript.Unknown.ToString();
                else if (op == "+=") value = variables.TryGetValue(name, out var before) ? before + " " + value : ShellScript.Unknown + " " + value;
                else if (op == "?=" && variables.ContainsKey(name)) continue;
                variables[name] = value;
            }
        }

        private static ShellScript Recipe(SourceText source, int start, int end, Dictionary<string, string> variables)
        {
            string text = source.Text;
            // Recipe prefixes: @ (silent), - (ignore errors), + (always run).
            while (start < end && (text[start] == '@' || text[start] == '-' || text[start] == '+' || text[start] == ' ')) start++;
            var builder = new ScriptBuilder();
            int i = start;
            while (i < end)
            {
                if (text[i] == '$' && i + 1 < end)
                {
                    var match = MakeReference.Match(text, i, end - i);
                    if (match.Success && match.Index == i)
                    {
                        if (match.Value == "$$")
                        {
                            builder.Append('$', i);
                        }
                        else if (match.Groups[1].Success || match.Groups[2].Success || match.Groups[3].Success)
                        {
                            // $(NAME) → ${NAME}: same length, so each character keeps its place.
                            var group = match.Groups[1].Success ? match.Groups[1] : match.Groups[2].Success ? match.Groups[2] : match.Groups[3];
                            builder.Append('$', i);
                            builder.Append('{', i + 1);
                            for (int k = 0; k < group.Length; k++) builder.Append(text[group.Index + k], group.Index + k);
                            builder.Append('}', match.Index + match.Length - 1);
                        }
                        else
                        {
                            // A make function ($(shell …), $(call …)): known only when make runs.
                            builder.Append('$', i);
                            builder.Append('{', i + 1);
                            builder.Append('?', i + 1);
                            builder.Append('}', match.Index + match.Length - 1);
                        }
                        i = match.Index + match.Length;
                        continue;
                    }
                }
                // A continued recipe line's next line starts with the recipe tab, which make removes.
                if (text[i] == '\t' && i > 0 && text[i - 1] == '\n') { i++; continue; }
                builder.Append(text[i], i);
                i++;
            }
            return builder.Build(source, end, variables);
        }

        private static string ExpandMake(string value, Dictionary<string, string> variables)
            => MakeReference.Replace(value, m =>
            {
                if (m.Value == "$$") return "$";
                string name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : string.Empty;
                return name.Length > 0 && variables.TryGetValue(name, out var known) ? known : ShellScript.Unknown.ToString();
            }).Trim();

        /// <summary>
        /// Each shell-form <c>RUN</c> is one shell; <c>ENV</c> and <c>ARG</c> with a value (<c>NAME=value</c>, read with the shell
        /// tokenizer) set the presets of the <c>RUN</c>s after them, and <c>FROM</c> starts a stage with none.
        /// </summary>
        private static IEnumerable<ShellScript> FromDockerfile(SourceText source)
        {
            string text = source.Text;
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            int pos = 0;
            while (pos < text.Length)
            {
                int start = pos;
                int end = LogicalLineEnd(text, pos, out pos);
                int i = start;
                while (i < end && (text[i] == ' ' || text[i] == '\t')) i++;
                int keywordStart = i;
                while (i < end && char.IsLetter(text[i])) i++;
                string keyword = text.Substring(keywordStart, i - keywordStart).ToUpperInvariant();
                while (i < end && (text[i] == ' ' || text[i] == '\t')) i++;
                switch (keyword)
                {
                    case "FROM":
                        variables = new Dictionary<string, string>(StringComparer.Ordinal);
                        break;
                    case "ENV":
                    case "ARG":
                        SetVariables(ShellScript.Slice(source, i, end, variables), legacyForm: keyword == "ENV", variables);
                        break;
                    case "RUN":
                        // Flags (--mount=…, --network=…) come first; the exec form (RUN ["…"]) and heredocs are not shell lines we read.
                        while (i + 1 < end && text[i] == '-' && text[i + 1] == '-')
                        {
                            while (i < end && text[i] != ' ' && text[i] != '\t') i++;
                            while (i < end && (text[i] == ' ' || text[i] == '\t')) i++;
                        }
                        if (i < end && text[i] != '[' && text[i] != '<')
                            yield return ShellScript.Slice(source, i, end, new Dictionary<string, string>(variables, StringComparer.Ordinal));
                        break;
                }
            }
        }

        /// <summary>
        /// <c>ENV A=1 B="x y"</c> and <c>ARG A=1</c> are shell assignments (read with the shell tokenizer); <c>ENV A value</c>
        /// is the legacy form. <c>ARG A</c> without a value changes nothing known.
        /// </summary>
        private static void SetVariables(ShellScript instruction, bool legacyForm, Dictionary<string, string> variables)
        {
            if (instruction.Commands.Count != 1) return;
            var context = instruction.Commands[0];
            var command = context.Command;
            foreach (var word in command.Assignments) variables[word.AssignmentName!] = context.Expand(word.After(word.AssignmentName!.Length + 1));
            if (legacyForm && command.Assignments.Count == 0 && command.Arguments.Count >= 2 && command.Arguments[0].Literal is string name)
                variables[name] = context.Expand(command.Arguments[1]);
        }

        /// <summary>The end of the line at <paramref name="pos"/>, following <c>\</c> continuations; <paramref name="next"/> is where the next line starts.</summary>
        private static int LogicalLineEnd(string text, int pos, out int next)
        {
            int i = pos;
            while (true)
            {
                int lineEnd = text.IndexOf('\n', i);
                if (lineEnd < 0) { next = text.Length; return text.Length; }
                int contentEnd = lineEnd > pos && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                if (contentEnd > i && text[contentEnd - 1] == '\\')
                {
                    i = lineEnd + 1;
                    continue;
                }
                next = lineEnd + 1;
                return contentEnd;
            }
        }
    }

    /// <summary>Shell text assembled from pieces of a file, each character remembering its file offset.</summary>
    internal sealed class ScriptBuilder
    {
        private readonly StringBuilder _text = new StringBuilder();
        private readonly List<int> _map = new List<int>();

        public int Length => _text.Length;

        public void Append(char c, int fileOffset)
        {
            _text.Append(c);
            _map.Add(fileOffset);
        }

        /// <summary>Appends a decoded value and its offsets (<c>value.Length + 1</c> of them, see <c>ScalarSourceMap</c>).</summary>
        public void Append(string value, int[] map)
        {
            for (int i = 0; i < value.Length; i++) Append(value[i], map[i]);
        }

        public ShellScript Build(SourceText source, int endOffset, IReadOnlyDictionary<string, string> presets)
        {
            var map = new int[_map.Count + 1];
            _map.CopyTo(map);
            map[_map.Count] = endOffset;
            var copy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var preset in presets) copy[preset.Key] = preset.Value;
            return new ShellScript(source, _text.ToString(), map, copy);
        }
    }
}
