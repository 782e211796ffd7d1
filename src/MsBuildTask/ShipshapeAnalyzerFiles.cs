using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Shipshape.Configuration;

namespace Shipshape.MsBuild
{
    /// <summary>
    /// The files the C# analyzers need as <c>AdditionalFiles</c> (they read no files themselves): the
    /// <c>.shipshape.yaml</c> files that apply to the project's C# files, found as the engine finds them (from each
    /// file's folder upwards, stopping after <c>root: true</c>; or <c>$(ShipshapeConfigFile)</c> alone), and the
    /// baselines they name. Never fails the build: a configuration it cannot read is still passed on, and the
    /// analyzers report it (LINT001) at the offending key.
    /// </summary>
    public sealed class ShipshapeAnalyzerFiles : Microsoft.Build.Utilities.Task
    {
        private static readonly StringComparer PathComparer = Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        /// <summary>The project's C# files (<c>@(Compile)</c>): their folders are where the search starts.</summary>
        [Required]
        public ITaskItem[] Sources { get; set; } = Array.Empty<ITaskItem>();

        /// <summary><c>$(ShipshapeConfigFile)</c> as a full path, or empty to search.</summary>
        public string? ConfigFile { get; set; }

        /// <summary>The configuration and baseline files that exist, each once.</summary>
        [Output]
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            var found = new SortedSet<string>(PathComparer);
            var configs = new Dictionary<string, ShipshapeConfig?>(PathComparer);
            if (!string.IsNullOrWhiteSpace(ConfigFile))
            {
                AddConfig(Path.GetFullPath(ConfigFile!.Trim()), found, configs);
            }
            else
            {
                var folders = new HashSet<string>(PathComparer);
                foreach (var source in Sources)
                {
                    string full = source.GetMetadata("FullPath");
                    if (string.IsNullOrEmpty(full)) continue;
                    if (Path.GetDirectoryName(full) is string folder && folders.Add(folder)) Walk(folder, found, configs);
                }
            }
            Files = found.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
            return true;
        }

        private void Walk(string? folder, ISet<string> found, Dictionary<string, ShipshapeConfig?> configs)
        {
            while (!string.IsNullOrEmpty(folder))
            {
                var (exists, config) = AddConfig(Path.Combine(folder, ShipshapeConfig.FileName), found, configs);
                // A broken file stops the walk, as the engine stops there with its errors.
                if (exists && (config == null || config.Root)) return;
                folder = Path.GetDirectoryName(folder);
            }
        }

        private (bool Exists, ShipshapeConfig? Config) AddConfig(string path, ISet<string> found, Dictionary<string, ShipshapeConfig?> configs)
        {
            if (configs.TryGetValue(path, out var known)) return (true, known);
            if (!File.Exists(path)) return (false, null);
            found.Add(path);
            ShipshapeConfig? config = null;
            try
            {
                config = ShipshapeConfig.Load(path);
                if (config.Baseline != null && File.Exists(config.Baseline)) found.Add(config.Baseline);
            }
            catch (ConfigException ex)
            {
                Log.LogMessage(MessageImportance.Low, "Shipshape: the analyzers will report this configuration: {0}", ex.Message);
            }
            configs[path] = config;
            return (true, config);
        }
    }
}
