namespace Shipshape.Cli.Output
{
    /// <summary>Colour only for a person at a terminal: never into pipes or files, and never when NO_COLOR is set (no-color.org).</summary>
    internal static class ColorPolicy
    {
        public static bool ShouldColor(bool outputRedirected, string? noColor)
            => !outputRedirected && string.IsNullOrEmpty(noColor);
    }
}
