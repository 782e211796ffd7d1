using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Shell;
using Shipshape.Text;

namespace Shipshape.Tests.Shell
{
    /// <summary>What a script knows about a variable where its last command (<c>probe</c>) runs: a value, or null when unknown.</summary>
    [TestClass]
    public sealed class VariableTrackingTests
    {
        private static string? ValueAtProbe(string script, string name = "V", IReadOnlyDictionary<string, string>? presets = null)
        {
            var shell = ShellScript.Slice(new SourceText("t.sh", script + "\nprobe\n"), 0, script.Length + 7, presets);
            var probe = shell.Commands.Last(c => c.Arg(0) == "probe");
            string? value = probe.Lookup(name);
            return value?.Replace(ShellScript.Unknown, '?');
        }

        [TestMethod]
        [DataRow("V=a", "a")]
        [DataRow("export V=a", "a")]
        [DataRow("declare -x V=a", "a")]
        [DataRow("A=x; V=\"$A-${A}\"'$A'", "x-x$A")]
        [DataRow("V=a\nV=b", "b")]
        [DataRow("A=; V=${A:-d}", "d")]
        [DataRow("A=; V=${A-d}", "")]
        [DataRow("V=$(aws sts get-caller-identity).dkr", "?.dkr")]
        [DataRow("V=$UNSET", "?")]
        [DataRow("V=a cmd", null)]
        [DataRow("V=a; V=b cmd", "a")]
        [DataRow("V=a; if true; then V=b; fi", null)]
        [DataRow("V=a; while x; do V=b; done", null)]
        [DataRow("if x; then V=b; else probe_not; fi; V=c", "c")]
        [DataRow("V=a; source ./env", null)]
        [DataRow("V=a; . ./env", null)]
        [DataRow("V=a; read V", null)]
        [DataRow("V=a; unset V", null)]
        [DataRow("V=a; (V=b)", null)]
        [DataRow("V=a; echo $(V=b)", "a")]
        [DataRow("# V=a", null)]
        [DataRow("case $X in a) V=1;; b) V=2;; esac", null)]
        [DataRow("if x; then case $X in a) y;; esac; V=1; fi", null)]
        [DataRow("V=0; case $X in a) y;; esac", "0")]
        public void Simple_assignments_are_followed(string script, string? expected)
            => Assert.AreEqual(expected, ValueAtProbe(script));

        [TestMethod]
        public void Presets_are_known_until_reassigned()
        {
            var presets = new Dictionary<string, string> { ["V"] = "from-env", ["W"] = "x" + ShellScript.Unknown };
            Assert.AreEqual("from-env", ValueAtProbe("echo", "V", presets));
            Assert.AreEqual("x?", ValueAtProbe("echo", "W", presets));
            Assert.AreEqual("y", ValueAtProbe("V=y", "V", presets));
        }

        [TestMethod]
        public void Commands_inside_substitutions_see_the_command_scope()
        {
            var shell = ShellScript.FromFile(new SourceText("t.sh", "R=eu-west-1\nX=$(inner; R=us-east-1; again)\nafter\n"));
            Assert.AreEqual("eu-west-1", shell.Commands.Single(c => c.Arg(0) == "inner").Lookup("R"));
            Assert.AreEqual("us-east-1", shell.Commands.Single(c => c.Arg(0) == "again").Lookup("R"));
            Assert.AreEqual("eu-west-1", shell.Commands.Single(c => c.Arg(0) == "after").Lookup("R"), "a subshell's assignments do not leak");
        }

        [TestMethod]
        public void Spans_map_script_offsets_to_the_file()
        {
            var source = new SourceText("Makefile", "x:\n\techo $(R)\n");
            var shell = new ShellScript(source, "echo ${R}", new[] { 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 });
            var word = shell.Commands.Single().Argv[1];
            Assert.AreEqual("$(R)", shell.Span(word).Text);
        }
    }
}
