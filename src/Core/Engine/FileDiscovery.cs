using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Shipshape.Engine
{
    /// <summary>A file to lint: where it is, the path findings show, and whether the user named it.</summary>
    public sealed class DiscoveredFile
    {
        public DiscoveredFile(string fullPath, string displayPath, bool explicitlyNamed)
        {
            FullPath = fullPath;
            DisplayPath = displayPath;
            ExplicitlyNamed = explicitlyNamed;
        }

        public string FullPath { get; }
        public string DisplayPath { get; }
        public bool ExplicitlyNamed { get; }
    }

    /// <summary>The files found, the paths that do not exist, and the folders that could not be read.</summary>
    public sealed class DiscoveryResult
    {
        public DiscoveryResult(IReadOnlyList<DiscoveredFile> files, IReadOnlyList<string> missingPaths, IReadOnlyList<string> unreadableFolders)
        {
            Files = files;
            MissingPaths = missingPaths;
            UnreadableFolders = unreadableFolders;
        }

        /// <summary>Sorted by display path (ordinal), each file once.</summary>
        public IReadOnlyList<DiscoveredFile> Files { get; }

        public IReadOnlyList<string> MissingPaths { get; }

        /// <summary>"path: reason" for each folder whose listing failed; the walk goes on without it.</summary>
        public IReadOnlyList<string> UnreadableFolders { get; }
    }

    /// <summary>
    /// Expands the paths a user gives (files and folders) into the files to lint. Folders are walked
    /// recursively for <c>.json .yaml .yml .template</c> files and shell (<c>*.sh</c>, <c>*.bash</c>, <c>Makefile</c>,
    /// <c>*.mk</c>, <c>Dockerfile</c>, files without extension that start with a sh/bash shebang), skipping tool and dependency folders;
    /// files named explicitly are always taken. Symlinked folders met during a walk are not entered,
    /// so link cycles cannot loop.
    /// </summary>
    public sealed class FileDiscovery
    {
        // Version control, dependencies and build output: never sources of infrastructure to check.
        private static readonly HashSet<string> SkippedFolders = new HashSet<string>(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj", ".terraform" };

        private static readonly StringComparison PathComparison =
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        private readonly IReadOnlyList<Glob> _excludes;
        private readonly string _baseDirectory;

        /// <param name="excludes">Globs matched against paths relative to <paramref name="baseDirectory"/> (or to the walked folder for paths outside it).</param>
        /// <param name="baseDirectory">Display paths are relative to this folder when under it (usually the current directory).</param>
        public FileDiscovery(IEnumerable<string> excludes, string baseDirectory)
        {
            _excludes = excludes.Select(e => new Glob(e)).ToList();
            _baseDirectory = TrimSeparator(Path.GetFullPath(baseDirectory));
        }

        public DiscoveryResult Discover(IEnumerable<string> paths)
        {
            var files = new Dictionary<string, DiscoveredFile>(PathComparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
            var missing = new List<string>();
            var unreadable = new List<string>();
            foreach (string path in paths)
            {
                string full = Path.GetFullPath(Path.Combine(_baseDirectory, path));
                if (File.Exists(full))
                {
                    files[full] = new DiscoveredFile(full, DisplayPath(full), explicitlyNamed: true);
                }
                else if (Directory.Exists(full))
                {
                    Walk(TrimSeparator(full), files, unreadable);
                }
                else
                {
                    missing.Add(path);
                }
            }
            var sorted = files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToList();
            return new DiscoveryResult(sorted, missing, unreadable);
        }

        /// <summary>Relative to the base directory with forward slashes when under it, else the full path.</summary>
        private string DisplayPath(string fullPath)
        {
            string relative = RelativeTo(_baseDirectory, fullPath) ?? fullPath;
            return relative.Replace(Path.DirectorySeparatorChar, '/');
        }

        private void Walk(string root, Dictionary<string, DiscoveredFile> files, List<string> unreadable)
        {
            // Explicit traversal (not SearchOption.AllDirectories) so one unreadable folder does not end the walk.
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string folder = pending.Pop();
                string[] children, subfolders;
                try
                {
                    children = Directory.GetFiles(folder);
                    subfolders = Directory.GetDirectories(folder);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
                {
                    unreadable.Add(DisplayPath(folder) + ": " + ex.Message);
                    continue;
                }
                foreach (string file in children)
                {
                    if (!LintEngine.IsCandidate(file, () => FirstLine(file)) || IsExcluded(root, file, isFolder: false)) continue;
                    if (!files.ContainsKey(file)) files[file] = new DiscoveredFile(file, DisplayPath(file), explicitlyNamed: false);
                }
                // Pushed in reverse so folders are visited in name order (the result is sorted anyway).
                foreach (string sub in subfolders.OrderByDescending(s => s, StringComparer.Ordinal))
                {
                    if (SkippedFolders.Contains(Path.GetFileName(sub)) || IsSymlink(sub) || IsExcluded(root, sub, isFolder: true)) continue;
                    pending.Push(sub);
                }
            }
        }

        private bool IsExcluded(string root, string fullPath, bool isFolder)
        {
            if (_excludes.Count == 0) return false;
            string relative = RelativeTo(_baseDirectory, fullPath) ?? RelativeTo(root, fullPath) ?? fullPath;
            return Glob.IsMatchAny(_excludes, relative.Replace(Path.DirectorySeparatorChar, '/'), isFolder);
        }

        private static string TrimSeparator(string fullPath)
        {
            string root = Path.GetPathRoot(fullPath) ?? string.Empty;
            return fullPath.Length > root.Length ? fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : fullPath;
        }

        /// <summary>The start of a file's first line (up to 128 bytes), or empty when it cannot be read.</summary>
        private static string FirstLine(string file)
        {
            try
            {
                using var stream = File.OpenRead(file);
                var buffer = new byte[128];
                int read = stream.Read(buffer, 0, buffer.Length);
                return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return string.Empty;
            }
        }

        private static bool IsSymlink(string folder)
        {
            try
            {
                return (File.GetAttributes(folder) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return true;
            }
        }

        /// <summary>The path of <paramref name="fullPath"/> below <paramref name="folder"/>, or null when it is not below it.</summary>
        private static string? RelativeTo(string folder, string fullPath)
        {
            if (fullPath.Length <= folder.Length || !fullPath.StartsWith(folder, PathComparison)) return null;
            char separator = fullPath[folder.Length];
            if (separator != Path.DirectorySeparatorChar && separator != Path.AltDirectorySeparatorChar)
            {
                // The root folder ("/" or "C:\") already ends with a separator.
                return folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? fullPath.Substring(folder.Length) : null;
            }
            return fullPath.Substring(folder.Length + 1);
        }
    }
}
