using System.Globalization;
using System.Text.RegularExpressions;

namespace Shipshape.Ecr
{
    /// <summary>
    /// ECR repository names: 2–256 characters matching
    /// <c>(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*</c> (ECR API shape
    /// <c>RepositoryName</c>; the CloudFormation schema adds the length to the same pattern).
    /// </summary>
    public static class RepositoryNames
    {
        public const int MinLength = 2;
        public const int MaxLength = 256;

        private static readonly Regex Pattern = new Regex(
            "^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$",
            RegexOptions.CultureInvariant);

        public static bool IsValid(string name) => Problem(name) == null;

        /// <summary>Why a name is invalid, in words for a message; null when it is valid.</summary>
        public static string? Problem(string name)
        {
            if (name.Length < MinLength || name.Length > MaxLength)
                return "it is " + name.Length.ToString(CultureInfo.InvariantCulture) + " character" + (name.Length == 1 ? "" : "s") + " long, not " + MinLength + "–" + MaxLength;
            if (Pattern.IsMatch(name)) return null;
            foreach (char c in name)
            {
                if (c >= 'A' && c <= 'Z') return "it has uppercase letters";
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '/'))
                    return "it contains '" + c + "'";
            }
            return "'.', '_', '-' and '/' must each sit between letters or digits (not first, last or next to another)";
        }
    }
}
