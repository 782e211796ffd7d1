namespace Shipshape.Cli
{
    /// <summary>The exit codes eslint, ruff and Roslynator agree on.</summary>
    internal static class ExitCodes
    {
        public const int Clean = 0;
        public const int Findings = 1;
        public const int UsageOrInternalError = 2;
    }
}
