using System.Text.RegularExpressions;

namespace Shipshape.Cli
{
    /// <summary>Removes the <c>{|ID:text|}</c> test markup from catalogue examples before people read them.</summary>
    internal static class ExampleMarkup
    {
        private static readonly Regex Marker = new Regex(@"\{\|[A-Za-z0-9]+:(.*?)\|\}", RegexOptions.Singleline | RegexOptions.CultureInvariant);

        public static string Strip(string code) => Marker.Replace(code, m => m.Groups[1].Value);
    }
}
