using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Shipshape.Policies
{
    /// <summary>One IAM action of a service whose action list Shipshape ships.</summary>
    public sealed class ActionInfo
    {
        public ActionInfo(string name, string accessLevel, bool repositoryScoped, bool allowedInRegistryPolicy)
        {
            Name = name;
            AccessLevel = accessLevel;
            RepositoryScoped = repositoryScoped;
            AllowedInRegistryPolicy = allowedInRegistryPolicy;
        }

        /// <summary>The canonical spelling, e.g. <c>ecr:BatchGetImage</c>.</summary>
        public string Name { get; }

        /// <summary>Read, List, Write, Permissions management or Tagging.</summary>
        public string AccessLevel { get; }

        /// <summary>True when the action works on a repository (so it means something in a repository policy).</summary>
        public bool RepositoryScoped { get; }

        public bool AllowedInRegistryPolicy { get; }

        /// <summary>Changes images, settings or permissions (push, delete, policy changes…).</summary>
        public bool IsWriteOrPermissions => AccessLevel == "Write" || AccessLevel == "Permissions management";
    }

    /// <summary>The action lists shipped with the engine (from shared/reference, with their sources) and wildcard matching over them.</summary>
    public static class ActionCatalogue
    {
        private static readonly Lazy<Dictionary<string, List<ActionInfo>>> ByService = new Lazy<Dictionary<string, List<ActionInfo>>>(Load);

        /// <summary>True when we ship the full action list of this service prefix (case-insensitive).</summary>
        public static bool Knows(string service) => ByService.Value.ContainsKey(service.ToLowerInvariant());

        public static IReadOnlyList<ActionInfo> Actions(string service)
            => ByService.Value.TryGetValue(service.ToLowerInvariant(), out var list) ? list : (IReadOnlyList<ActionInfo>)Array.Empty<ActionInfo>();

        /// <summary>
        /// The known actions an action pattern matches (IAM matching: case-insensitive, <c>*</c> any run, <c>?</c> one character).
        /// Empty for services we do not know, and for patterns that match nothing.
        /// </summary>
        public static IReadOnlyList<ActionInfo> Match(string pattern)
        {
            // Policies repeat the same few patterns thousands of times in a large template: match each once.
            if (MatchCache.TryGetValue(pattern, out var cached)) return cached;
            var result = MatchUncached(pattern);
            if (MatchCache.Count < MaxCachedPatterns) MatchCache[pattern] = result;
            return result;
        }

        private const int MaxCachedPatterns = 10_000;
        private static readonly ConcurrentDictionary<string, IReadOnlyList<ActionInfo>> MatchCache = new ConcurrentDictionary<string, IReadOnlyList<ActionInfo>>(StringComparer.Ordinal);

        private static IReadOnlyList<ActionInfo> MatchUncached(string pattern)
        {
            int colon = pattern.IndexOf(':');
            if (pattern == "*") return ByService.Value.Values.SelectMany(l => l).ToArray();
            if (colon <= 0) return Array.Empty<ActionInfo>();
            var actions = Actions(pattern.Substring(0, colon));
            if (actions.Count == 0) return Array.Empty<ActionInfo>();
            if (pattern.IndexOf('*') < 0 && pattern.IndexOf('?') < 0)
                return actions.Where(a => string.Equals(a.Name, pattern, StringComparison.OrdinalIgnoreCase)).ToArray();
            var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            return actions.Where(a => regex.IsMatch(a.Name)).ToArray();
        }

        /// <summary>The closest known action to a misspelt one, or null when nothing is close.</summary>
        public static string? Suggest(string action)
        {
            // The rule's message and the analyzers' code fix ask for the same typo, and an editor asks again on every edit.
            if (SuggestCache.TryGetValue(action, out var cached)) return cached;
            string? result = SuggestUncached(action);
            if (SuggestCache.Count < MaxCachedPatterns) SuggestCache[action] = result;
            return result;
        }

        private static readonly ConcurrentDictionary<string, string?> SuggestCache = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);

        private static string? SuggestUncached(string action)
        {
            int colon = action.IndexOf(':');
            if (colon <= 0) return null;
            string name = action.Substring(colon + 1).ToLowerInvariant();
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var candidate in Actions(action.Substring(0, colon)))
            {
                string candidateName = candidate.Name.Substring(candidate.Name.IndexOf(':') + 1).ToLowerInvariant();
                int distance = Text.EditDistance.Between(name, candidateName);
                if (distance < bestDistance) { bestDistance = distance; best = candidate.Name; }
            }
            // Accept up to a third of the name's length in edits (typos, missing plural, swapped words).
            return best != null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
        }

        private static Dictionary<string, List<ActionInfo>> Load()
        {
            var result = new Dictionary<string, List<ActionInfo>>(StringComparer.Ordinal);
            using var stream = typeof(ActionCatalogue).Assembly.GetManifestResourceStream("data/actions.tsv")!;
            using var reader = new StreamReader(stream);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var f = line.Split('\t');
                var info = new ActionInfo(f[0], f[1], f[2] == "yes", f[3] == "yes");
                string service = f[0].Substring(0, f[0].IndexOf(':'));
                if (!result.TryGetValue(service, out var list)) result[service] = list = new List<ActionInfo>();
                list.Add(info);
            }
            return result;
        }
    }
}
