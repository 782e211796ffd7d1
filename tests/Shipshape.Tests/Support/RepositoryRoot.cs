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
        public static string Combine(params string[] parts)
            => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, System.IO.Path.Combine(parts).Replace('/', System.IO.Path.DirectorySeparatorChar)));

        /// <summary>../shared next to the repository: present in CI and on developers' machines, absent in a user's clone.</summary>
        public static string? Shared
        {
            get
            {
                string path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared"));
                return Directory.Exists(path) ? path : null;
            }
        }

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
