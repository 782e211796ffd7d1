using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Shipshape.Catalogue;
using Shipshape.Model;
using Shipshape.Parsing;
using Shipshape.Text;

namespace Shipshape.Suppressions
{
    /// <summary>
    /// Reads the suppressions written in a file: <c># shipshape-ignore</c> comments (YAML and any text with
    /// <c>#</c> comments; never JSON) and <c>Metadata: { shipshape: { ignore: [ { id, reason } ] } }</c> of
    /// CloudFormation resources and templates (JSON and YAML). Malformed ones become problems, never silence.
    /// </summary>
    public static class SuppressionReader
    {
        public const string LineDirective = "shipshape-ignore";
        public const string FileDirective = "shipshape-ignore-file";
        public const string MetadataKey = "shipshape";

        // "#" at the start of a line or after whitespace, as YAML and shells require for a comment.
        private static readonly Regex Directive = new Regex(@"(?:^|(?<=\s))#\s*shipshape-ignore(?<file>-file)?(?![\w-])(?<rest>.*)$", RegexOptions.CultureInvariant);
        // Any other "# shipshape-…" comment is a misspelt directive: reported, never silently ignored.
        private static readonly Regex AnyDirective = new Regex(@"(?:^|(?<=\s))#\s*shipshape-(?<word>[\w-]*)", RegexOptions.CultureInvariant);
        private static readonly Regex IdToken = new Regex(@"[^\s,]+", RegexOptions.CultureInvariant);

        /// <param name="comments">Read <c>#</c> comments (false for JSON, which has none).</param>
        public static IReadOnlyList<Suppression> Read(SourceText source, IReadOnlyList<Node> documents, bool comments, RuleCatalogue catalogue, List<SuppressionProblem> problems)
        {
            var result = new List<Suppression>();
            if (comments) ReadComments(source, documents, catalogue, result, problems);
            foreach (var document in documents)
                if (document is MappingNode root) ReadMetadata(source, root, catalogue, result, problems);
            return result;
        }

        private static void ReadComments(SourceText source, IReadOnlyList<Node> documents, RuleCatalogue catalogue, List<Suppression> result, List<SuppressionProblem> problems)
        {
            string text = source.Text;
            if (text.IndexOf("shipshape-", StringComparison.Ordinal) < 0) return;
            Dictionary<int, int>? extents = null;
            int lineCount = source.LineCount;
            for (int line = 1; line <= lineCount; line++)
            {
                string lineText = source.GetLineText(line);
                var match = Directive.Match(lineText);
                int lineStart = source.GetLineStart(line);
                if (!match.Success)
                {
                    var other = AnyDirective.Match(lineText);
                    if (other.Success)
                        problems.Add(new SuppressionProblem(EngineRuleIds.UnusedSuppression, new SourceSpan(source, lineStart + other.Index, lineStart + other.Index + other.Length),
                            "'shipshape-" + other.Groups["word"].Value + "' is not a directive (write '" + LineDirective + "' or '" + FileDirective + "'); it suppresses nothing"));
                    continue;
                }
                bool isFile = match.Groups["file"].Success;
                bool trailing = lineText.Substring(0, match.Index).Trim().Length > 0;
                var rest = match.Groups["rest"];
                string restText = rest.Value;
                int dash = restText.IndexOf("--", StringComparison.Ordinal);
                string idsPart = dash >= 0 ? restText.Substring(0, dash) : restText;
                string? reason = dash >= 0 ? restText.Substring(dash + 2).Trim() : null;
                if (reason != null && reason.Length == 0) reason = null;
                var comment = new SourceSpan(source, lineStart + match.Index, lineStart + match.Index + match.Value.TrimEnd().Length);

                int rangeStart, rangeEnd;
                if (isFile)
                {
                    rangeStart = 0;
                    rangeEnd = text.Length;
                }
                else
                {
                    int target = trailing ? line : NextCodeLine(source, line);
                    if (target == 0)
                    {
                        rangeStart = rangeEnd = -1;
                    }
                    else
                    {
                        rangeStart = source.GetLineStart(target);
                        rangeEnd = rangeStart + source.GetLineText(target).Length;
                        extents ??= NodeExtents(source, documents);
                        if (extents.TryGetValue(target, out int end) && end > rangeEnd) rangeEnd = end;
                    }
                }

                var tokens = IdToken.Matches(idsPart);
                if (tokens.Count == 0)
                {
                    problems.Add(new SuppressionProblem(EngineRuleIds.UnusedSuppression, comment, "this suppression names no rule ID (write '# " + (isFile ? FileDirective : LineDirective) + " ID -- reason'); it suppresses nothing"));
                    continue;
                }
                if (reason == null)
                    problems.Add(new SuppressionProblem(EngineRuleIds.MissingSuppressionReason, comment, "the suppression of " + Ids(tokens) + " gives no reason; add one after ' -- '"));
                foreach (Match token in tokens)
                {
                    int start = lineStart + rest.Index + token.Index;
                    var span = new SourceSpan(source, start, start + token.Length);
                    Add(token.Value, reason, isFile ? SuppressionScope.File : SuppressionScope.Line, span, rangeStart, rangeEnd, catalogue, result, problems);
                }
            }
        }

        private static string Ids(MatchCollection tokens)
        {
            var ids = new List<string>();
            foreach (Match t in tokens) ids.Add(t.Value);
            return string.Join(", ", ids);
        }

        private static void Add(string id, string? reason, SuppressionScope scope, SourceSpan span, int rangeStart, int rangeEnd,
            RuleCatalogue catalogue, List<Suppression> result, List<SuppressionProblem> problems)
        {
            if (!catalogue.TryGet(id, out _))
            {
                problems.Add(new SuppressionProblem(EngineRuleIds.UnusedSuppression, span, "'" + id + "' is not a rule ID; this suppression matches nothing"));
                return;
            }
            result.Add(new Suppression(id, reason, scope, span, rangeStart, rangeEnd));
        }

        /// <summary>The next line after <paramref name="line"/> that is neither blank nor only a comment; 0 when none.</summary>
        private static int NextCodeLine(SourceText source, int line)
        {
            for (int next = line + 1; next <= source.LineCount; next++)
            {
                string t = source.GetLineText(next).Trim();
                if (t.Length > 0 && t[0] != '#') return next;
            }
            return 0;
        }

        /// <summary>
        /// For each line, the end of the largest node that starts there as a mapping key (with its value) or a
        /// sequence item: a comment above <c>Action:</c> or <c>- Effect: Allow</c> covers that whole entry.
        /// </summary>
        private static Dictionary<int, int> NodeExtents(SourceText source, IReadOnlyList<Node> documents)
        {
            var extents = new Dictionary<int, int>();
            var seen = new HashSet<Node>();
            void Extend(int start, int end)
            {
                int line = source.GetLinePosition(start).Line;
                if (!extents.TryGetValue(line, out int known) || end > known) extents[line] = end;
            }
            void Walk(Node node)
            {
                if (!seen.Add(node)) return;
                if (node is MappingNode map)
                {
                    foreach (var entry in map.Entries)
                    {
                        if (entry.Key.Span.Source == source) Extend(entry.Key.Span.Start, Math.Max(entry.Key.Span.End, entry.Value.Span.End));
                        Walk(entry.Value);
                    }
                }
                else if (node is SequenceNode seq)
                {
                    foreach (var item in seq.Items)
                    {
                        if (item.Span.Source == source) Extend(item.Span.Start, item.Span.End);
                        Walk(item);
                    }
                }
            }
            foreach (var document in documents) Walk(document);
            return extents;
        }

        private static void ReadMetadata(SourceText source, MappingNode root, RuleCatalogue catalogue, List<Suppression> result, List<SuppressionProblem> problems)
        {
            if (root.Get("Metadata") is MappingNode templateMetadata)
                ReadShipshapeMetadata(templateMetadata, SuppressionScope.Template, root.Span.Start, root.Span.End, catalogue, result, problems);
            if (!(root.Get("Resources") is MappingNode resources)) return;
            foreach (var entry in resources.Entries)
            {
                if (entry.Value is MappingNode resource && resource.Get("Metadata") is MappingNode metadata)
                    ReadShipshapeMetadata(metadata, SuppressionScope.Resource, entry.Key.Span.Start, Math.Max(entry.Key.Span.End, resource.Span.End), catalogue, result, problems);
            }
        }

        private static void ReadShipshapeMetadata(MappingNode metadata, SuppressionScope scope, int rangeStart, int rangeEnd,
            RuleCatalogue catalogue, List<Suppression> result, List<SuppressionProblem> problems)
        {
            var entry = metadata.GetEntry(MetadataKey);
            if (entry == null) return;
            const string Shape = "expected shipshape: { ignore: [ { id: RULE, reason: why } ] }";
            if (!(entry.Value is MappingNode shipshape))
            {
                problems.Add(new SuppressionProblem(EngineRuleIds.UnusedSuppression, entry.Value.Span, "Metadata.shipshape suppresses nothing: " + Shape));
                return;
            }
            foreach (var key in shipshape.Entries)
            {
                if (key.Name == "ignore") continue;
                problems.Add(new SuppressionProblem(EngineRuleIds.UnusedSuppression, key.Key.Span, "unknown key '" + key.Name + "' in Metadata.shipshape: " + Shape));
            }
            var ignore = shipshape.Get("ignore");
            if (ignore == null) return;
            if (!(ignore is SequenceNode list))
            {
                problems.Add(new SuppressionProblem(EngineRuleIds.UnusedSuppression, ignore.Span, "Metadata.shipshape.ignore must be a list: " + Shape));
                return;
            }
            foreach (var item in list.Items)
            {
                if (item is ScalarNode bare && bare.IsString)
                {
                    problems.Add(new SuppressionProblem(EngineRuleIds.MissingSuppressionReason, bare.Span, "the suppression of " + bare.Value + " gives no reason; write { id: " + bare.Value + ", reason: why }"));
                    Add(bare.Value, null, scope, bare.Span, rangeStart, rangeEnd, catalogue, result, problems);
                    continue;
                }
                if (!(item is MappingNode suppression) || !(suppression.Get("id") is ScalarNode id) || !id.IsString)
                {
                    problems.Add(new SuppressionProblem(EngineRuleIds.UnusedSuppression, item.Span, "not a suppression: " + Shape));
                    continue;
                }
                foreach (var key in suppression.Entries)
                {
                    if (key.Name != "id" && key.Name != "reason")
                        problems.Add(new SuppressionProblem(EngineRuleIds.UnusedSuppression, key.Key.Span, "unknown key '" + key.Name + "' in a suppression: " + Shape));
                }
                string? reason = suppression.Get("reason") is ScalarNode r && r.Value.Trim().Length > 0 ? r.Value.Trim() : null;
                if (reason == null)
                    problems.Add(new SuppressionProblem(EngineRuleIds.MissingSuppressionReason, suppression.GetEntry("id")!.Key.Span, "the suppression of " + id.Value + " gives no reason; add reason: why"));
                Add(id.Value, reason, scope, id.Span, rangeStart, rangeEnd, catalogue, result, problems);
            }
        }
    }
}
