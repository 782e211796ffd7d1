using System;
using System.Collections.Generic;

namespace Shipshape.Engine
{
    /// <summary>
    /// A small, case-sensitive glob over forward-slash relative paths: <c>**</c> (any number of segments),
    /// <c>*</c> (any characters within a segment) and <c>?</c> (one character). As in .gitignore, a
    /// pattern without <c>/</c> matches the file name or any folder name on the path; a pattern with
    /// <c>/</c> is anchored at the root and matches the path or any folder above it; a trailing
    /// <c>/</c> restricts the pattern to folders.
    /// </summary>
    public sealed class Glob
    {
        private readonly string[] _segments;
        private readonly bool _anchored;
        private readonly bool _foldersOnly;

        public Glob(string pattern)
        {
            if (pattern == null) throw new ArgumentNullException(nameof(pattern));
            Pattern = pattern;
            string p = pattern.Replace('\\', '/');
            while (p.StartsWith("./", StringComparison.Ordinal)) p = p.Substring(2);
            bool rooted = p.StartsWith("/", StringComparison.Ordinal);
            _foldersOnly = p.EndsWith("/", StringComparison.Ordinal);
            p = p.Trim('/');
            if (p.Length == 0) throw new FormatException("an empty glob matches nothing: '" + pattern + "'");
            _segments = p.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            _anchored = rooted || _segments.Length > 1;
        }

        public string Pattern { get; }

        /// <summary>True when <paramref name="relativePath"/> (forward slashes) or a folder above it matches.</summary>
        public bool IsMatch(string relativePath, bool isFolder = false)
        {
            string[] path = relativePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            for (int length = 1; length <= path.Length; length++)
            {
                // Every prefix shorter than the whole path is a folder.
                if (_foldersOnly && length == path.Length && !isFolder) continue;
                bool match = _anchored
                    ? MatchSegments(_segments, 0, path, 0, length)
                    : MatchSegment(_segments[0], path[length - 1]);
                if (match) return true;
            }
            return false;
        }

        public static bool IsMatchAny(IReadOnlyList<Glob> globs, string relativePath, bool isFolder = false)
        {
            foreach (var glob in globs)
                if (glob.IsMatch(relativePath, isFolder)) return true;
            return false;
        }

        private static bool MatchSegments(string[] pattern, int pi, string[] path, int si, int pathLength)
        {
            while (pi < pattern.Length)
            {
                if (pattern[pi] == "**")
                {
                    for (int skip = si; skip <= pathLength; skip++)
                        if (MatchSegments(pattern, pi + 1, path, skip, pathLength)) return true;
                    return false;
                }
                if (si >= pathLength || !MatchSegment(pattern[pi], path[si])) return false;
                pi++;
                si++;
            }
            return si == pathLength;
        }

        /// <summary>Wildcard match of one segment with backtracking to the last <c>*</c>.</summary>
        private static bool MatchSegment(string pattern, string text)
        {
            int p = 0, t = 0, star = -1, resume = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]) && pattern[p] != '*')
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    resume = t;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++resume;
                }
                else
                {
                    return false;
                }
            }
            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }
    }
}
