using System;
using System.IO;
using System.Text;
using Shipshape.Configuration;

namespace Shipshape.Cli
{
    /// <summary><c>shipshape init</c>: writes a commented starter <c>.shipshape.yaml</c>; never overwrites one unless forced.</summary>
    internal sealed class InitCommand
    {
        private readonly TextWriter _error;

        public InitCommand(TextWriter error) => _error = error;

        public int Run(string? folder, bool force)
        {
            string target = Path.Combine(Path.GetFullPath(folder ?? "."), ShipshapeConfig.FileName);
            if (!Directory.Exists(Path.GetDirectoryName(target)))
            {
                _error.WriteLine("shipshape: no such folder: " + folder);
                return ExitCodes.UsageOrInternalError;
            }
            if (File.Exists(target) && !force)
            {
                _error.WriteLine("shipshape: " + ShipshapeConfig.FileName + " already exists in " + (folder ?? ".") + " (use --force to replace it)");
                return ExitCodes.UsageOrInternalError;
            }
            try
            {
                File.WriteAllText(target, StarterConfig.Text.Replace("\r\n", "\n"), new UTF8Encoding(false));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                _error.WriteLine("shipshape: cannot write " + target + ": " + ex.Message);
                return ExitCodes.UsageOrInternalError;
            }
            _error.WriteLine("shipshape: wrote " + Path.Combine(folder ?? ".", ShipshapeConfig.FileName));
            return ExitCodes.Clean;
        }
    }
}
