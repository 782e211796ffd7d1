using System.Collections.Generic;
using Shipshape.Model;

namespace Shipshape.Policies
{
    /// <summary>Reading helpers for the IAM policy grammar over the document model. Unknown values are skipped, never guessed.</summary>
    public static class PolicyReader
    {
        /// <summary>The statements of a policy: <c>Statement</c> may be one mapping or a list of them.</summary>
        public static IEnumerable<MappingNode> Statements(MappingNode policy)
        {
            Node? statement = policy.Get("Statement");
            if (statement is MappingNode single && !single.IsUnknown)
            {
                yield return single;
            }
            else if (statement is SequenceNode list)
            {
                foreach (var item in list.Items)
                    if (item is MappingNode m && !m.IsUnknown) yield return m;
            }
        }

        /// <summary>The known string values of an element that is a string or a list of strings.</summary>
        public static IEnumerable<ScalarNode> Strings(Node? node)
        {
            if (node is ScalarNode s)
            {
                if (s.IsString) yield return s;
            }
            else if (node is SequenceNode list)
            {
                foreach (var item in list.Items)
                    if (item is ScalarNode si && si.IsString) yield return si;
            }
        }

        /// <summary>
        /// YAML reads <c>- ecr: BatchGetImage</c> (a space after the colon) as a one-entry mapping, not as
        /// the action string the author meant. Returns the text as written, or null for anything else.
        /// </summary>
        public static string? SplitYamlAction(Node item)
        {
            if (!(item is MappingNode map) || map.Entries.Count != 1 || map.IsUnknown) return null;
            var entry = map.Entries[0];
            if (entry.Key.Style != ScalarStyle.Plain) return null;
            if (entry.Value is ScalarNode value && (value.Kind == ScalarKind.String || value.Kind == ScalarKind.Null) && value.Style == ScalarStyle.Plain)
                return entry.Name + ": " + value.Value;
            return null;
        }

        /// <summary>The statement's <c>Effect</c> when known: "Allow", "Deny", something else, or null when unknown.</summary>
        public static string? Effect(MappingNode statement)
            => statement.Get("Effect") is ScalarNode s ? s.Value : null;

        /// <summary>A label for messages: the statement's Sid, or its position in the list.</summary>
        public static string Describe(MappingNode statement)
            => statement.Get("Sid") is ScalarNode sid && sid.Value.Length > 0
                ? "Statement '" + sid.Value + "'"
                : "The statement at line " + statement.Span.StartPosition.Line;
    }
}
