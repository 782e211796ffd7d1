using System;
using System.Globalization;

namespace Shipshape.Ecr
{
    /// <summary>
    /// ECR registry scanning filters (<c>filterType: WILDCARD</c>): their syntax, and which repository names they match.
    /// A filter without <c>*</c> matches every name that contains it; with <c>*</c> the whole name must match, each
    /// <c>*</c> standing for zero or more characters (<c>prod*</c> matches <c>prod-api</c>, not <c>api-prod</c>).
    /// </summary>
    public static class ScanFilter
    {
        public const int MaxLength = 255;

        /// <summary>
        /// Why a filter is not accepted by ECR, or null when it is. ECR's pattern is
        /// <c>^[a-z0-9*](?:[._\-/a-z0-9*]?[a-z0-9*]+)*$</c> (1–255 characters): lowercase letters, digits and
        /// <c>*</c>, with single <c>.</c>, <c>_</c>, <c>-</c> or <c>/</c> between them. Checked by hand, as the pattern
        /// backtracks exponentially on long non-matching input.
        /// </summary>
        public static string? Problem(string filter)
        {
            if (filter.Length == 0) return "it is empty; give a repository name or a pattern such as 'prod-*'";
            if (filter.Length > MaxLength)
                return "it is " + filter.Length.ToString(CultureInfo.InvariantCulture) + " characters long; ECR allows at most " + MaxLength.ToString(CultureInfo.InvariantCulture);
            for (int i = 0; i < filter.Length; i++)
            {
                char c = filter[i];
                if (c >= 'A' && c <= 'Z')
                    return "repository names are lowercase, so it can never match; write '" + filter.ToLowerInvariant() + "'";
                if (!IsWordChar(c) && !IsSeparator(c))
                    return "'" + c + "' is not allowed; use lowercase letters, digits and '*', separated by single '.', '_', '-' or '/'";
                if (IsSeparator(c))
                {
                    if (i == 0) return "it starts with '" + c + "'; start with a letter, a digit or '*'";
                    if (i == filter.Length - 1) return "it ends with '" + c + "'; end with a letter, a digit or '*'";
                    if (IsSeparator(filter[i + 1])) return "'" + c + filter[i + 1] + "' puts two separators together; use one";
                }
            }
            return null;
        }

        /// <summary>True when the (well-formed) filter selects the repository name.</summary>
        public static bool Matches(string filter, string repositoryName)
        {
            if (filter.IndexOf('*') < 0) return repositoryName.IndexOf(filter, StringComparison.Ordinal) >= 0;
            return WildcardMatch(filter, repositoryName);
        }

        /// <summary>Whole-string match where <c>*</c> is zero or more characters (linear backtracking over the last star).</summary>
        private static bool WildcardMatch(string pattern, string text)
        {
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = t;
                }
                else if (p < pattern.Length && pattern[p] == text[t])
                {
                    p++;
                    t++;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++mark;
                }
                else
                {
                    return false;
                }
            }
            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }

        private static bool IsWordChar(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*';

        private static bool IsSeparator(char c) => c == '.' || c == '_' || c == '-' || c == '/';
    }
}
