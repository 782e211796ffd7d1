using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Shipshape.Catalogue;
using Shipshape.Detection;
using Shipshape.Findings;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Policies;
using Shipshape.Rules;
using Shipshape.Shell;
using Shipshape.Text;

namespace Shipshape.Engine
{
    /// <summary>What happened to one file.</summary>
    public sealed class FileReport
    {
        public FileReport(string path, DocumentKind kind, IReadOnlyList<Finding> findings, string? skipReason)
            : this(path, kind, findings, skipReason, null, Array.Empty<Node>())
        {
        }

        public FileReport(string path, DocumentKind kind, IReadOnlyList<Finding> findings, string? skipReason, SourceText? source, IReadOnlyList<Node> documents)
        {
            Path = path;
            Kind = kind;
            Findings = findings;
            SkipReason = skipReason;
            Source = source;
            Documents = documents;
        }

        public string Path { get; }

        /// <summary>The kind of the (first) document; Unknown for files that were not ours.</summary>
        public DocumentKind Kind { get; }

        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Why the file was not checked (binary, not a kind we know…), or null when it was.</summary>
        public string? SkipReason { get; }

        public bool Checked => SkipReason == null;

        /// <summary>The text that was linted (null when it could not be read): suppression comments are read from it.</summary>
        public SourceText? Source { get; }

        /// <summary>The parsed documents (empty when parsing failed): Metadata suppressions and baseline locations come from them.</summary>
        public IReadOnlyList<Node> Documents { get; }
    }

    /// <summary>
    /// The pipeline for one input: bytes → text → parse into the document model → detect kinds →
    /// extract subjects (policies…) → run rules → findings. Thread-safe: one engine serves all threads.
    /// </summary>
    public sealed class LintEngine
    {
        private readonly RuleCatalogue _catalogue;
        private readonly ParseLimits _limits;
        private readonly Dictionary<Type, List<(Rule Rule, RuleDescriptor Descriptor)>> _rulesBySubject = new Dictionary<Type, List<(Rule, RuleDescriptor)>>();

        public LintEngine(RuleCatalogue? catalogue = null, ParseLimits? limits = null, IEnumerable<Rule>? rules = null)
        {
            _catalogue = catalogue ?? RuleCatalogue.Embedded;
            _limits = limits ?? ParseLimits.Default;
            foreach (var rule in rules ?? RuleSet.CreateAll())
            {
                var descriptor = _catalogue.Rules.FirstOrDefault(d => d.Implementation == rule.Name)
                    ?? throw new InvalidOperationException("Rule " + rule.Name + " has no entry in rules/ (implementation: " + rule.Name + ").");
                if (!_rulesBySubject.TryGetValue(rule.SubjectType, out var list)) _rulesBySubject[rule.SubjectType] = list = new List<(Rule, RuleDescriptor)>();
                list.Add((rule, descriptor));
            }
        }

        public RuleCatalogue Catalogue => _catalogue;

        public ParseLimits Limits => _limits;

        /// <summary>Lints a file on disk. <paramref name="displayPath"/> is the path findings carry.</summary>
        /// <param name="explicitlyNamed">True when the user named this file (not found by walking a folder): then unreadable content is always reported.</param>
        /// <param name="settings">Configuration for this file (kind override, rule options); null for the defaults.</param>
        public FileReport LintFile(string fullPath, string displayPath, bool explicitlyNamed, LintSettings? settings = null)
        {
            var empty = new SourceText(displayPath, string.Empty);
            byte[] bytes;
            try
            {
                var info = new FileInfo(fullPath);
                if (info.Length > _limits.MaxFileBytes)
                {
                    return Report(displayPath, DocumentKind.Unknown, new[]
                    {
                        Create(EngineRuleIds.LimitExceeded, new SourceSpan(empty, 0, 0),
                            "the file is " + FormatBytes(info.Length) + ", over the " + FormatBytes(_limits.MaxFileBytes) + " limit; it was not checked"),
                    });
                }
                bytes = File.ReadAllBytes(fullPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                return Report(displayPath, DocumentKind.Unknown, new[] { Create(EngineRuleIds.SyntaxError, new SourceSpan(empty, 0, 0), "the file cannot be read: " + ex.Message) });
            }
            return LintBytes(displayPath, bytes, explicitlyNamed, settings);
        }

        public FileReport LintBytes(string displayPath, byte[] bytes, bool explicitlyNamed, LintSettings? settings = null)
        {
            var empty = new SourceText(displayPath, string.Empty);
            if (bytes.LongLength > _limits.MaxFileBytes)
                return Report(displayPath, DocumentKind.Unknown, new[] { Create(EngineRuleIds.LimitExceeded, new SourceSpan(empty, 0, 0), "the file is over the " + FormatBytes(_limits.MaxFileBytes) + " limit; it was not checked") });
            if (SourceDecoder.LooksBinary(bytes, bytes.Length))
            {
                if (!explicitlyNamed) return Skip(displayPath, "binary file");
                return Report(displayPath, DocumentKind.Unknown, new[] { Create(EngineRuleIds.SyntaxError, new SourceSpan(empty, 0, 0), "the file is binary (it contains NUL bytes), not JSON or YAML text") });
            }
            string? text = SourceDecoder.TryDecode(bytes, bytes.Length, out int badByte, out string? partial);
            if (text == null)
            {
                var prefix = new SourceText(displayPath, partial ?? string.Empty);
                if (!explicitlyNamed && !IsNamedByConvention(displayPath) && !KindDetector.MayBeRelevant(prefix.Text)) return Skip(displayPath, "not UTF-8 text");
                return Report(displayPath, DocumentKind.Unknown, new[]
                {
                    Create(EngineRuleIds.SyntaxError, new SourceSpan(prefix, prefix.Length, prefix.Length),
                        "invalid UTF-8 (byte 0x" + bytes[badByte].ToString("X2", CultureInfo.InvariantCulture) + " at byte offset " + badByte.ToString(CultureInfo.InvariantCulture) + "); save the file as UTF-8"),
                });
            }
            return LintText(new SourceText(displayPath, text), explicitlyNamed, settings);
        }

        /// <summary>Lints text already in memory (the MSBuild task, tests, the analyzers' additional files).</summary>
        public FileReport LintText(SourceText source, bool explicitlyNamed = true, LintSettings? settings = null)
        {
            settings ??= LintSettings.Default;
            // A configured kind (kinds: globs) may also name a script kind for a file without the usual name.
            DocumentKind scriptKind = settings.Kind == DocumentKind.ShellScript || settings.Kind == DocumentKind.Makefile || settings.Kind == DocumentKind.Dockerfile
                ? settings.Kind.Value
                : HasCheckedExtension(source.Path) ? DocumentKind.Unknown : ScriptFiles.KindOf(source.Path, source.Text);
            if (scriptKind != DocumentKind.Unknown) return LintScript(source, scriptKind);
            if (!explicitlyNamed && !HasCheckedExtension(source.Path))
                return Skip(source.Path, "not a JSON or YAML file");
            var (namedKind, namedPolicy) = KindDetector.FromFileName(source.Path);
            // A configured kind (kinds: globs) is what the user says the file is: it beats name and content.
            if (settings.Kind.HasValue) (namedKind, namedPolicy) = (settings.Kind.Value, settings.PolicyKind);
            // CI pipelines are ours by name but only worth parsing when a step may log in to ECR.
            bool relevant = namedKind == DocumentKind.CiPipeline
                ? ScriptFiles.MentionsEcr(source.Text)
                : namedKind != DocumentKind.Unknown || IsTemplatePath(source.Path) || KindDetector.MayBeRelevant(source.Text);
            if (!relevant) return Skip(source.Path, "not a kind of document Shipshape checks");

            ParseResult parsed = IsYaml(source) ? YamlParser.Parse(source, _limits) : JsonParser.Parse(source, _limits);
            var findings = new List<Finding>();
            var problems = new List<ParseProblem>(parsed.Problems);
            if (!parsed.Succeeded)
            {
                // A broken file is reported when it is one of ours by name, by content markers, or because the user named it.
                bool report = explicitlyNamed || namedKind != DocumentKind.Unknown || IsTemplatePath(source.Path) || KindDetector.MayBeRelevant(source.Text);
                if (!report) return Skip(source.Path, "not valid JSON or YAML");
                findings.AddRange(problems.Select(ToFinding));
                findings.Sort();
                return new FileReport(source.Path, namedKind, findings, null, source, Array.Empty<Node>());
            }

            DocumentKind firstKind = DocumentKind.Unknown;
            var subjects = new List<object>();
            var extractor = new SubjectExtractor(subjects, problems, _limits);
            foreach (var document in parsed.Documents)
            {
                DocumentKind kind = settings.Kind ?? KindDetector.Resolve(namedKind, document);
                PolicyKind? policyKind = kind == namedKind ? namedPolicy : null;
                if (firstKind == DocumentKind.Unknown) firstKind = kind;
                if (document is MappingNode root) extractor.FromDocument(root, kind, policyKind);
                else if (document is SequenceNode list && kind == DocumentKind.EcsTaskDefinition) extractor.FromContainerDefinitions(list);
            }
            if (firstKind == DocumentKind.Unknown) return Skip(source.Path, "not a kind of document Shipshape checks");

            foreach (var problem in problems) findings.Add(ToFinding(problem));
            if (source.Length >= ParallelRulesFromLength && subjects.Count >= 2 * SubjectsPerChunk && Environment.ProcessorCount > 1)
                RunRulesInParallel(subjects, findings, settings);
            else
                RunRules(subjects, findings, settings);
            findings.Sort();
            RemoveDuplicates(findings);
            return new FileReport(source.Path, firstKind, findings, null, source, parsed.Documents);
        }

        /// <summary>Shell scripts, Makefiles and Dockerfiles: not parsed at all unless they mention ECR.</summary>
        private FileReport LintScript(SourceText source, DocumentKind kind)
        {
            if (!ScriptFiles.MentionsEcr(source.Text)) return Skip(source.Path, "no ECR login in it");
            var findings = new List<Finding>();
            RunRules(ScriptFiles.Read(source, kind), findings);
            findings.Sort();
            RemoveDuplicates(findings);
            return Report(source.Path, kind, findings);
        }

        /// <summary>Runs every rule that applies to each subject (the analyzers call this with subjects built from C#).</summary>
        public void RunRules(IEnumerable<object> subjects, List<Finding> findings) => RunRules(subjects, findings, LintSettings.Default);

        /// <summary>Runs the rules with the options a configuration gives them.</summary>
        public void RunRules(IEnumerable<object> subjects, List<Finding> findings, LintSettings settings) => RunRules(subjects, findings, settings, null);

        /// <summary>
        /// Runs only the rules for which <paramref name="include"/> holds (an analyzer reports a few of a subject's
        /// rules: running the others would only cost time in the editor).
        /// </summary>
        public void RunRules(IEnumerable<object> subjects, List<Finding> findings, LintSettings settings, Func<string, bool>? include)
        {
            foreach (var subject in subjects)
            {
                if (!_rulesBySubject.TryGetValue(subject.GetType(), out var rules)) continue;
                foreach (var (rule, descriptor) in rules)
                {
                    if (include != null && !include(descriptor.Id)) continue;
                    rule.CheckSubject(subject, new RuleContext(descriptor, descriptor.DefaultSeverity, findings, settings.OptionsFor(descriptor.Id)));
                }
            }
        }

        // One large file is checked on every core: below this size the hand-off costs more than it saves.
        private const int ParallelRulesFromLength = 256 * 1024;
        private const int SubjectsPerChunk = 32;

        /// <summary>
        /// Runs the rules over chunks of subjects on all cores. Each chunk reports into its own list and the lists are joined
        /// in subject order, so the findings (and their order after sorting) are the same as a sequential run's.
        /// </summary>
        private void RunRulesInParallel(List<object> subjects, List<Finding> findings, LintSettings settings)
        {
            int chunks = (subjects.Count + SubjectsPerChunk - 1) / SubjectsPerChunk;
            var results = new List<Finding>[chunks];
            try
            {
                System.Threading.Tasks.Parallel.For(0, chunks, chunk =>
                {
                    var mine = new List<Finding>();
                    RunRules(subjects.GetRange(chunk * SubjectsPerChunk, Math.Min(SubjectsPerChunk, subjects.Count - chunk * SubjectsPerChunk)), mine, settings, null);
                    results[chunk] = mine;
                });
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                // The same exception a sequential run would throw, not a wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
                throw;
            }
            foreach (var result in results) findings.AddRange(result);
        }

        /// <summary>The IDs of the rules this engine runs over subjects of <paramref name="subjectType"/> (the C# analyzers declare their diagnostics from it).</summary>
        public IReadOnlyList<string> RuleIdsFor(Type subjectType)
            => _rulesBySubject.TryGetValue(subjectType, out var rules) ? rules.Select(r => r.Descriptor.Id).ToList() : (IReadOnlyList<string>)Array.Empty<string>();

        /// <summary>A YAML alias reuses nodes: the same finding at the same token is reported once.</summary>
        private static void RemoveDuplicates(List<Finding> sorted)
        {
            int write = 0;
            for (int read = 0; read < sorted.Count; read++)
            {
                if (write > 0 && sorted[write - 1].CompareTo(sorted[read]) == 0 && sorted[write - 1].Span.End == sorted[read].Span.End) continue;
                sorted[write++] = sorted[read];
            }
            sorted.RemoveRange(write, sorted.Count - write);
        }

        /// <summary>The JSON/YAML extensions a folder walk considers (with shell files, <see cref="IsCandidate"/>); other files are linted only when named explicitly.</summary>
        public static bool HasCheckedExtension(string path)
        {
            string ext = Path.GetExtension(path).ToLowerInvariant();
            return ext == ".json" || ext == ".yaml" || ext == ".yml" || ext == ".template";
        }

        /// <summary>
        /// Whether a folder walk takes a file: JSON/YAML extensions, shell scripts, Makefiles and Dockerfiles by name,
        /// and files without an extension whose first line (read through <paramref name="firstLine"/> only then) is a sh/bash shebang.
        /// </summary>
        public static bool IsCandidate(string path, Func<string> firstLine)
            => HasCheckedExtension(path)
            || ScriptFiles.KindFromName(path) != DocumentKind.Unknown
            || (Path.GetExtension(path).Length == 0 && ScriptFiles.HasShellShebang(firstLine()));

        private Finding ToFinding(ParseProblem problem) => Create(problem.RuleId, problem.Span, problem.Detail);

        private Finding Create(string ruleId, SourceSpan span, string detail)
        {
            var descriptor = _catalogue[ruleId];
            return new Finding(ruleId, descriptor.DefaultSeverity, string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, detail), span);
        }

        private static FileReport Report(string path, DocumentKind kind, IReadOnlyList<Finding> findings) => new FileReport(path, kind, findings, null);

        private static FileReport Skip(string path, string reason) => new FileReport(path, DocumentKind.Unknown, Array.Empty<Finding>(), reason);

        private static bool IsNamedByConvention(string path) => KindDetector.FromFileName(path).Kind != DocumentKind.Unknown || IsTemplatePath(path);

        /// <summary><c>cdk.out/*.template.json</c> and <c>*.template</c> files are CloudFormation by convention.</summary>
        private static bool IsTemplatePath(string path)
        {
            string name = Path.GetFileName(path).ToLowerInvariant();
            return name.EndsWith(".template.json", StringComparison.Ordinal) || name.EndsWith(".template", StringComparison.Ordinal);
        }

        /// <summary>YAML by extension; for other names, JSON unless the text does not start like JSON.</summary>
        internal static bool IsYaml(SourceText source)
        {
            string ext = Path.GetExtension(source.Path).ToLowerInvariant();
            if (ext == ".yaml" || ext == ".yml") return true;
            if (ext == ".json") return false;
            foreach (char c in source.Text)
            {
                if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
                return c != '{' && c != '[';
            }
            return false;
        }

        private static string FormatBytes(long bytes)
            => bytes >= 1024 * 1024
                ? (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
                : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
    }
}
