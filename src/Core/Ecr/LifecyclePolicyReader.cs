using System;
using System.Collections.Generic;
using System.Globalization;
using Shipshape.Model;

namespace Shipshape.Ecr
{
    /// <summary>One rule of a lifecycle policy (an entry of <c>rules</c> that is a known mapping).</summary>
    public sealed class LifecycleRule
    {
        public LifecycleRule(MappingNode map)
        {
            Map = map;
            PriorityNode = map.Get("rulePriority") as ScalarNode;
            Priority = LifecyclePolicyReader.Integer(map.Get("rulePriority"));
            var selection = map.Get("selection") as MappingNode;
            Selection = selection != null && !selection.IsUnknown ? selection : null;
            TagStatus = Selection == null ? null : LifecyclePolicyReader.Text(Selection.Get("tagStatus"));
        }

        public MappingNode Map { get; }

        /// <summary>The <c>rulePriority</c> scalar, when it is one.</summary>
        public ScalarNode? PriorityNode { get; }

        /// <summary>The priority when it is a known integer; null when absent, unknown or not an integer.</summary>
        public decimal? Priority { get; }

        public MappingNode? Selection { get; }

        /// <summary>The known <c>selection.tagStatus</c> string, or null.</summary>
        public string? TagStatus { get; }
    }

    /// <summary>Reading helpers for the ECR lifecycle policy grammar. Unknown values (intrinsics) are skipped, never guessed.</summary>
    public static class LifecyclePolicyReader
    {
        /// <summary>The rules of a policy that are known mappings, in source order.</summary>
        public static IEnumerable<LifecycleRule> Rules(MappingNode policy)
        {
            if (policy.IsUnknown || !(policy.Get("rules") is SequenceNode list)) yield break;
            foreach (var item in list.Items)
                if (item is MappingNode map && !map.IsUnknown) yield return new LifecycleRule(map);
        }

        /// <summary>The value of a known string scalar; null for anything else (absent, unknown, a number…).</summary>
        public static string? Text(Node? node) => node is ScalarNode s && s.IsString ? s.Value : null;

        /// <summary>The value of a number scalar that is a whole number (<c>3</c>, <c>3.0</c>); null otherwise.</summary>
        public static decimal? Integer(Node? node)
        {
            if (!(node is ScalarNode s) || s.Kind != ScalarKind.Number) return null;
            if (!decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)) return null;
            return decimal.Truncate(value) == value ? value : (decimal?)null;
        }

        /// <summary>A number for messages (<c>3</c>, not <c>3.0</c>).</summary>
        public static string Format(decimal value) => decimal.Truncate(value).ToString(CultureInfo.InvariantCulture);
    }
}
