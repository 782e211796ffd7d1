using System;
using System.IO;

namespace Shipshape.Tests.Support
{
    /// <summary>Finds the repository root (the folder holding Lint.sln) by walking up from the test assembly.</summary>
    internal static class RepositoryRoot
    {
        private static readonly Lazy<string> Root = new Lazy<string>(Find);

        public static string Path => Root.Value;

        /// <summary>A path below the repository root, from '/'-separated parts.</summary>
        public static string Combine(string relative)
            => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar)));

        private static string Find()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null)
            {
                if (File.Exists(System.IO.Path.Combine(dir, "Lint.sln"))) return dir;
                dir = System.IO.Path.GetDirectoryName(dir.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar));
            }
            throw new InvalidOperationException("Lint.sln was not found above " + AppContext.BaseDirectory);
        }
    }
}
