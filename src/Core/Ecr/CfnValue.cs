using System;
using System.Text;
using Shipshape.Model;

namespace Shipshape.Ecr
{
    /// <summary>
    /// Readers for CloudFormation property values as CloudFormation itself reads them. Each returns null
    /// when the value is unknown (an intrinsic function) or not of the expected shape: callers check for
    /// an absent property first, and never treat null as a violation.
    /// </summary>
    public static class CfnValue
    {
        /// <summary>Stands for a run of characters only known at deploy time in <see cref="Render"/>'s output.</summary>
        public const char Unknown = '\uFFFF';

        /// <summary>A known scalar's text (strings, numbers and booleans alike, as CloudFormation stringifies them); null for null, unknown or non-scalar values.</summary>
        public static string? Text(Node? node)
            => node is ScalarNode s && s.Kind != ScalarKind.Null ? s.Value : null;

        /// <summary>
        /// A boolean given as a YAML/JSON boolean or as a string (<c>true</c>, <c>"true"</c>, <c>"True"</c>):
        /// CloudFormation accepts both. Null when unknown or not a boolean at all.
        /// </summary>
        public static bool? Boolean(Node? node)
        {
            if (!(node is ScalarNode s) || (s.Kind != ScalarKind.Boolean && s.Kind != ScalarKind.String)) return null;
            if (string.Equals(s.Value, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(s.Value, "false", StringComparison.OrdinalIgnoreCase)) return false;
            return null;
        }

        /// <summary>
        /// The text a string value will have at deploy time, with each part that is only known then
        /// (<c>${Param}</c> in <c>Fn::Sub</c>, a <c>Ref</c> piece of <c>Fn::Join</c>, any other intrinsic)
        /// replaced by one <see cref="Unknown"/> character. Null for mappings and lists that are not intrinsics.
        /// </summary>
        public static string? Render(Node? node)
        {
            switch (node)
            {
                case null:
                    return null;
                case ScalarNode s:
                    return s.Kind == ScalarKind.Null ? null : s.Value;
                case MappingNode map when map.IsUnknown:
                    var call = map.Entries[0];
                    if (call.Name == "Fn::Sub")
                    {
                        var template = call.Value is SequenceNode args && args.Items.Count > 0 ? args.Items[0] : call.Value;
                        return template is ScalarNode text && text.IsString ? RenderSub(text.Value) : Unknown.ToString();
                    }
                    if (call.Name == "Fn::Join" && call.Value is SequenceNode join && join.Items.Count == 2
                        && join.Items[0] is ScalarNode delimiter && join.Items[1] is SequenceNode pieces)
                    {
                        var joined = new StringBuilder();
                        for (int i = 0; i < pieces.Items.Count; i++)
                        {
                            if (i > 0) joined.Append(delimiter.Value);
                            joined.Append(Render(pieces.Items[i]) ?? Unknown.ToString());
                        }
                        return joined.ToString();
                    }
                    return Unknown.ToString();
                default:
                    return null;
            }
        }

        /// <summary>True when <paramref name="rendered"/> (from <see cref="Render"/>) has parts only known at deploy time.</summary>
        public static bool HasUnknownParts(string rendered) => rendered.IndexOf(Unknown) >= 0;

        /// <summary>The known text after the last unknown part (all of it when there is none).</summary>
        public static string KnownSuffix(string rendered) => rendered.Substring(rendered.LastIndexOf(Unknown) + 1);

        private static string RenderSub(string template)
        {
            var text = new StringBuilder(template.Length);
            int i = 0;
            while (i < template.Length)
            {
                if (template[i] == '$' && i + 1 < template.Length && template[i + 1] == '{')
                {
                    int close = template.IndexOf('}', i + 2);
                    if (close < 0) break;
                    if (i + 2 < template.Length && template[i + 2] == '!')
                        text.Append("${").Append(template, i + 3, close - i - 3).Append('}'); // ${!Literal} is the text ${Literal}
                    else
                        text.Append(Unknown);
                    i = close + 1;
                    continue;
                }
                text.Append(template[i]);
                i++;
            }
            if (i < template.Length) text.Append(template, i, template.Length - i);
            return text.ToString();
        }
    }
}
