using System;
using System.IO;

namespace Shipshape.Tests.Infrastructure
{
    /// <summary>The repository root (the folder holding Lint.sln), found from the test assembly.</summary>
    public static class RepoRoot
    {
        private static readonly Lazy<string> Root = new Lazy<string>(() =>
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Lint.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Lint.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Path => Root.Value;

        /// <summary>../shared next to the repository: present in CI and on developer machines, absent in a user's clone.</summary>
        public static string? Shared
        {
            get
            {
                string path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared"));
                return Directory.Exists(path) ? path : null;
            }
        }
    }
}
