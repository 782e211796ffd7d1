using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;

namespace Shipshape.Package.Tests
{
    /// <summary>Records what a task logs, as MSBuild's engine would receive it.</summary>
    internal sealed class FakeBuildEngine : IBuildEngine
    {
        public List<BuildErrorEventArgs> Errors { get; } = new List<BuildErrorEventArgs>();
        public List<BuildWarningEventArgs> Warnings { get; } = new List<BuildWarningEventArgs>();
        public List<BuildMessageEventArgs> Messages { get; } = new List<BuildMessageEventArgs>();

        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "test.proj";

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);
        public void LogCustomEvent(CustomBuildEventArgs e) { }

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => true;

        /// <summary>Findings as canonical lines (<c>file(l,c,el,ec): severity ID: message</c>), in logging order.</summary>
        public IEnumerable<string> CanonicalLines()
        {
            foreach (var e in Errors) yield return Line(e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, "error", e.Code, e.Message);
            foreach (var e in Warnings) yield return Line(e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, "warning", e.Code, e.Message);
            foreach (var e in Messages.Where(m => m.Code != null)) yield return Line(e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, "message", e.Code, e.Message);
        }

        private static string Line(string file, int l, int c, int el, int ec, string severity, string code, string? message)
            => file + "(" + l + "," + c + "," + el + "," + ec + "): " + severity + " " + code + ": " + message;
    }
}
