using System;
using System.IO;

namespace Shipshape.Analyzers.Tests.Support
{
    internal static class RepositoryRoot
    {
        /// <summary>The folder holding Lint.sln, found from the test binaries upwards.</summary>
        public static string Path
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                    if (File.Exists(System.IO.Path.Combine(dir.FullName, "Lint.sln"))) return dir.FullName;
                throw new InvalidOperationException("Lint.sln not found above " + AppContext.BaseDirectory);
            }
        }
    }
}
