using System.Reflection;

namespace Shipshape.Cli
{
    /// <summary>What the tool says about itself in reports.</summary>
    internal static class ToolInfo
    {
        public const string Name = "Shipshape";
        public const string InformationUri = "https://github.com/shipshape-lint/shipshape";

        /// <summary>The package version without the SDK's "+commit" build metadata.</summary>
        public static string Version { get; } = ReadVersion();

        private static string ReadVersion()
        {
            var assembly = typeof(ToolInfo).Assembly;
            string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString(3)
                ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus >= 0 ? version.Substring(0, plus) : version;
        }
    }
}
