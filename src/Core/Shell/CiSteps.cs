using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Shipshape.Model;
using Shipshape.Parsing;

namespace Shipshape.Shell
{
    public enum CiFlavor
    {
        None,

        /// <summary><c>.github/workflows/*.yml</c>: <c>jobs.*.steps[].run</c>, with workflow, job and step <c>env:</c>.</summary>
        GitHubActions,

        /// <summary><c>.gitlab-ci.yml</c>: each job's <c>before_script</c> + <c>script</c> (one shell) and <c>after_script</c>, with <c>variables:</c>.</summary>
        GitLabCi,

        /// <summary>CodeBuild <c>buildspec*.yml</c>: every phase's <c>commands</c> (one shell in version 0.2), with <c>env.variables</c>.</summary>
        CodeBuild,
    }

    /// <summary>
    /// The shell steps of CI pipelines. Each step is a YAML scalar whose characters are mapped back to the file with
    /// <see cref="ScalarSourceMap"/>, so a finding lands inside the block scalar; the step's variables become presets.
    /// </summary>
    public static class CiSteps
    {
        private static readonly HashSet<string> GitLabKeywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "spec",
        };

        private static readonly Regex GitHubExpression = new Regex(@"\$\{\{\s*(.*?)\s*\}\}", RegexOptions.CultureInvariant);
        private static readonly Regex EnvReference = new Regex(@"^env\.([A-Za-z_][A-Za-z0-9_]*)$", RegexOptions.CultureInvariant);
        private static readonly Regex GitLabReference = new Regex(@"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

        /// <summary>Which CI system a path belongs to, by the names those systems read.</summary>
        public static CiFlavor FlavorOf(string path)
        {
            string normalized = "/" + path.Replace('\\', '/').ToLowerInvariant();
            string name = normalized.Substring(normalized.LastIndexOf('/') + 1);
            bool yaml = name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal);
            if (!yaml) return CiFlavor.None;
            if (normalized.Contains("/.github/workflows/")) return CiFlavor.GitHubActions;
            if (name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml") return CiFlavor.GitLabCi;
            if (name.StartsWith("buildspec", StringComparison.Ordinal)) return CiFlavor.CodeBuild;
            return CiFlavor.None;
        }

        public static IEnumerable<ShellScript> Read(MappingNode root)
        {
            switch (FlavorOf(root.Span.Source.Path))
            {
                case CiFlavor.GitHubActions: return GitHub(root);
                case CiFlavor.GitLabCi: return GitLab(root);
                case CiFlavor.CodeBuild: return CodeBuild(root);
                default: return Array.Empty<ShellScript>();
            }
        }

        private static IEnumerable<ShellScript> GitHub(MappingNode root)
        {
            var workflowEnv = Variables(root.Get("env"), new Dictionary<string, string>(StringComparer.Ordinal), CiFlavor.GitHubActions);
            if (!(root.Get("jobs") is MappingNode jobs)) yield break;
            foreach (var jobEntry in jobs.Entries)
            {
                if (!(jobEntry.Value is MappingNode job) || !(job.Get("steps") is SequenceNode steps)) continue;
                var jobEnv = Variables(job.Get("env"), workflowEnv, CiFlavor.GitHubActions);
                string? jobShell = DefaultShell(job) ?? DefaultShell(root);
                if (jobShell == null && job.Get("runs-on") is ScalarNode runsOn && runsOn.Value.IndexOf("windows", StringComparison.OrdinalIgnoreCase) >= 0) jobShell = "pwsh";
                foreach (var item in steps.Items)
                {
                    if (!(item is MappingNode step)) continue;
                    // configure-aws-credentials exports AWS_REGION and AWS_DEFAULT_REGION for the steps after it.
                    if (step.Get("uses") is ScalarNode uses && uses.Value.StartsWith("aws-actions/configure-aws-credentials", StringComparison.Ordinal)
                        && (step.Get("with") as MappingNode)?.Get("aws-region") is ScalarNode region)
                    {
                        string value = Value(region, jobEnv, CiFlavor.GitHubActions);
                        jobEnv = new Dictionary<string, string>(jobEnv, StringComparer.Ordinal) { ["AWS_REGION"] = value, ["AWS_DEFAULT_REGION"] = value };
                    }
                    if (!(step.Get("run") is ScalarNode run) || !run.IsString) continue;
                    string? shell = (step.Get("shell") as ScalarNode)?.Value ?? jobShell;
                    if (shell != null && !IsPosixShell(shell)) continue;
                    var builder = new ScriptBuilder();
                    Append(builder, run);
                    yield return builder.Build(run.Span.Source, run.Span.End, Variables(step.Get("env"), jobEnv, CiFlavor.GitHubActions));
                }
            }
        }

        private static IEnumerable<ShellScript> GitLab(MappingNode root)
        {
            var globalVariables = Variables(root.Get("variables"), new Dictionary<string, string>(StringComparer.Ordinal), CiFlavor.GitLabCi);
            Node? defaultBefore = (root.Get("default") as MappingNode)?.Get("before_script") ?? root.Get("before_script");
            Node? defaultAfter = (root.Get("default") as MappingNode)?.Get("after_script") ?? root.Get("after_script");
            foreach (var entry in root.Entries)
            {
                if (GitLabKeywords.Contains(entry.Name) || !(entry.Value is MappingNode job) || !job.Has("script")) continue;
                var variables = Variables(job.Get("variables"), globalVariables, CiFlavor.GitLabCi);
                var main = Build(variables, job.Get("before_script") ?? defaultBefore, job.Get("script"));
                if (main != null) yield return main;
                var after = Build(variables, job.Get("after_script") ?? defaultAfter);
                if (after != null) yield return after;
            }
        }

        private static IEnumerable<ShellScript> CodeBuild(MappingNode root)
        {
            // CodeBuild sets AWS_REGION and AWS_DEFAULT_REGION to the build's region, which is not in the file.
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_REGION"] = ShellScript.Unknown.ToString(),
                ["AWS_DEFAULT_REGION"] = ShellScript.Unknown.ToString(),
            };
            var variables = Variables((root.Get("env") as MappingNode)?.Get("variables"), environment, CiFlavor.CodeBuild);
            if (!(root.Get("phases") is MappingNode phases)) yield break;
            var lists = new List<Node?>();
            foreach (var phase in phases.Entries)
            {
                if (!(phase.Value is MappingNode body)) continue;
                lists.Add(body.Get("commands"));
                lists.Add(body.Get("finally"));
            }
            var script = Build(variables, lists.ToArray());
            if (script != null) yield return script;
        }

        /// <summary>One shell from the string scalars of several lists (or single strings), one line each.</summary>
        private static ShellScript? Build(IReadOnlyDictionary<string, string> variables, params Node?[] lists)
        {
            var scalars = new List<ScalarNode>();
            foreach (var list in lists) CollectStrings(list, scalars);
            if (scalars.Count == 0) return null;
            var builder = new ScriptBuilder();
            for (int i = 0; i < scalars.Count; i++)
            {
                if (i > 0) builder.Append('\n', scalars[i - 1].Span.End);
                Append(builder, scalars[i]);
            }
            return builder.Build(scalars[0].Span.Source, scalars[scalars.Count - 1].Span.End, variables);
        }

        private static void CollectStrings(Node? node, List<ScalarNode> into)
        {
            if (node is ScalarNode scalar && scalar.IsString) into.Add(scalar);
            else if (node is SequenceNode sequence) foreach (var item in sequence.Items) CollectStrings(item, into);
        }

        /// <summary>Appends a scalar's value with each character mapped to the file (or, when it cannot be aligned, to the scalar's start).</summary>
        private static void Append(ScriptBuilder builder, ScalarNode scalar)
        {
            int[]? map = ScalarSourceMap.Build(scalar);
            for (int i = 0; i < scalar.Value.Length; i++) builder.Append(scalar.Value[i], map?[i] ?? scalar.Span.Start);
        }

        /// <summary>A step's variables on top of the inherited ones; values written in the CI system's own syntax are resolved or unknown.</summary>
        private static Dictionary<string, string> Variables(Node? node, Dictionary<string, string> inherited, CiFlavor flavor)
        {
            var result = new Dictionary<string, string>(inherited, StringComparer.Ordinal);
            if (node is MappingNode map)
            {
                foreach (var entry in map.Entries)
                {
                    // GitLab also allows {value: …, description: …}.
                    var scalar = entry.Value as ScalarNode ?? (entry.Value as MappingNode)?.Get("value") as ScalarNode;
                    if (scalar != null && scalar.Kind != ScalarKind.Null) result[entry.Name] = Value(scalar, result, flavor);
                    else result.Remove(entry.Name);
                }
            }
            else if (node != null)
            {
                // An expression (${{ fromJSON(…) }}) or a reference: nothing is known, nothing inherited can be trusted.
                foreach (string key in new List<string>(result.Keys)) result[key] = ShellScript.Unknown.ToString();
            }
            return result;
        }

        private static string Value(ScalarNode scalar, IReadOnlyDictionary<string, string> known, CiFlavor flavor)
        {
            string unknown = ShellScript.Unknown.ToString();
            switch (flavor)
            {
                case CiFlavor.GitHubActions:
                    // ${{ env.NAME }} is the variable; every other expression (secrets, step outputs…) is unknown.
                    return GitHubExpression.Replace(scalar.Value, m =>
                    {
                        var reference = EnvReference.Match(m.Groups[1].Value);
                        return reference.Success && known.TryGetValue(reference.Groups[1].Value, out var value) ? value : unknown;
                    });
                case CiFlavor.GitLabCi:
                case CiFlavor.CodeBuild:
                    return GitLabReference.Replace(scalar.Value, m =>
                    {
                        if (m.Value == "$$") return "$";
                        string name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                        return known.TryGetValue(name, out var value) ? value : unknown;
                    });
                default:
                    return scalar.Value;
            }
        }

        private static string? DefaultShell(MappingNode map)
            => ((map.Get("defaults") as MappingNode)?.Get("run") as MappingNode)?.Get("shell") is ScalarNode shell ? shell.Value : null;

        private static bool IsPosixShell(string shell)
        {
            string program = shell.Trim().Split(' ')[0];
            program = program.Substring(program.LastIndexOf('/') + 1);
            return program == "bash" || program == "sh";
        }
    }
}
