using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Shell;

namespace Shipshape.Tests.Shell
{
    [TestClass]
    public sealed class ShellParserTests
    {
        private static string[][] Commands(string script)
            => ShellParser.Parse(script).Pipelines.SelectMany(p => p.Commands)
                .Select(c => c.Arguments.Select(Show).ToArray()).ToArray();

        /// <summary>A word as text, with '?' for unknown parts and $NAME for variables.</summary>
        private static string Show(ShellWord word) => string.Concat(word.Parts.Select(p =>
            p.Kind == WordPartKind.Literal ? p.Text : p.Kind == WordPartKind.Variable ? "$" + p.Text + (p.Default != null ? ":-" + Show(p.Default) : string.Empty) : "?"));

        [TestMethod]
        public void Quotes_escapes_and_continuations_make_words()
        {
            var commands = Commands("aws ecr \\\n  get-login-password --region 'us-east-1' \"--x=a b\" a\\ b c\"d\"'e' ''\n");
            CollectionAssert.AreEqual(new[] { "aws", "ecr", "get-login-password", "--region", "us-east-1", "--x=a b", "a b", "cde", "" }, commands.Single());
        }

        [TestMethod]
        public void Expansions_are_variables_or_unknown()
        {
            var words = Commands("echo $A ${B} \"${C:-us-east-1}\" ${D-x} $1 $? $(date) `date` $((1+2)) ${E#*/} '$F' \\$G $ ${{ env.H }}").Single();
            CollectionAssert.AreEqual(new[] { "echo", "$A", "$B", "$C:-us-east-1", "$D:-x", "?", "?", "?", "?", "?", "?", "$F", "$G", "$", "$H" }, words);
        }

        [TestMethod]
        public void Operators_split_commands_and_pipes_keep_them_together()
        {
            var program = ShellParser.Parse("a | b && c; d || e & f\ng |& h # i | j\n");
            CollectionAssert.AreEqual(new[] { 2, 1, 1, 1, 1, 2 }, program.Pipelines.Select(p => p.Commands.Count).ToArray());
            Assert.AreEqual("h", Show(program.Pipelines[5].Commands[1].Arguments.Single()));
        }

        [TestMethod]
        public void Redirections_and_here_documents_are_not_arguments()
        {
            var commands = Commands("docker login -u AWS --password-stdin host 2>/dev/null >log <in\ncat <<-EOF >out\n\taws ecr get-login\n\tEOF\ncat <<'END'\n$(rm -rf /)\nEND\nnext");
            CollectionAssert.AreEqual(new[] { "docker", "login", "-u", "AWS", "--password-stdin", "host" }, commands[0]);
            CollectionAssert.AreEqual(new[] { "cat" }, commands[1]);
            CollectionAssert.AreEqual(new[] { "cat" }, commands[2]);
            CollectionAssert.AreEqual(new[] { "next" }, commands[3]);
            Assert.HasCount(4, commands);
        }

        [TestMethod]
        public void Assignments_and_keywords_are_set_apart()
        {
            var command = ShellParser.Parse("if A=1 B=\"x y\" cmd C=2; then :; fi").Pipelines[0].Commands[0];
            CollectionAssert.AreEqual(new[] { "if" }, command.Keywords.ToArray());
            CollectionAssert.AreEqual(new[] { "A", "B" }, command.Assignments.Select(a => a.AssignmentName).ToArray());
            CollectionAssert.AreEqual(new[] { "cmd", "C=2" }, command.Arguments.Select(Show).ToArray());
            Assert.IsNull(ShellParser.Parse("'A'=1").Pipelines[0].Commands[0].Arguments[0].AssignmentName);
            Assert.IsNull(ShellParser.Parse("1A=1").Pipelines[0].Commands[0].Arguments[0].AssignmentName);
        }

        [TestMethod]
        public void Command_substitutions_are_parsed_inside()
        {
            var word = ShellParser.Parse("docker login -p \"$(aws ecr get-login-password --region \"$R\")\" h").Pipelines[0].Commands[0].Arguments[3];
            var inner = word.Parts.Single().Nested!.Pipelines.Single().Commands.Single();
            CollectionAssert.AreEqual(new[] { "aws", "ecr", "get-login-password", "--region", "$R" }, inner.Arguments.Select(Show).ToArray());
        }

        [TestMethod]
        public void Words_know_their_offsets()
        {
            const string script = "x=1; aws  --region \"us-east-1\" ecr";
            var words = ShellParser.Parse(script).Pipelines[1].Commands[0].Arguments;
            CollectionAssert.AreEqual(new[] { "aws", "--region", "\"us-east-1\"", "ecr" }, words.Select(w => script.Substring(w.Start, w.End - w.Start)).ToArray());
            var literal = words[2].Parts.Single();
            Assert.AreEqual('u', script[literal.Offsets[0]]);
        }

        [TestMethod]
        public void Random_shell_like_text_never_throws_and_spans_stay_inside()
        {
            string[] pieces = { "aws", " ecr", " get-login", "-password", " --region", "=", " us-east-1", " | ", "docker login", " -p", " --password-stdin",
                " 111122223333.dkr.ecr.eu-west-1.amazonaws.com", "$", "${", "}", "$(", ")", "((", "`", "'", "\"", "\\", "\n", "\r\n", ";", "&&", "#", "<<", "EOF",
                "if ", "then ", "fi", "case ", "esac", ";;", "{ ", "(", "R=", "$R", ":-", "${{ env.R }}", "\t", " " };
            var random = new Random(20261127);
            for (int run = 0; run < 3000; run++)
            {
                var text = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => pieces[random.Next(pieces.Length)]));
                var report = Shipshape.Tests.Infrastructure.Shared.Engine.LintText(new Shipshape.Text.SourceText("fuzz.sh", text));
                foreach (var finding in report.Findings)
                    Assert.IsTrue(0 <= finding.Span.Start && finding.Span.End <= text.Length, text + ": " + finding);
            }
        }

        [TestMethod]
        public void Every_prefix_of_a_tricky_script_parses_without_an_exception()
        {
            const string script = "A=\"$(echo 'x)' \"${B:-`c`}\")\" ; case $A in (x) y;; esac\n{ f() { :; }; } | cat <<E\n$((1+(2)))\nE\n$'\\t' \\";
            for (int length = 0; length <= script.Length; length++)
            {
                var program = ShellParser.Parse(script.Substring(0, length));
                foreach (var word in program.Pipelines.SelectMany(p => p.Commands).SelectMany(c => c.Arguments))
                    Assert.IsTrue(0 <= word.Start && word.Start <= word.End && word.End <= length, "prefix " + length);
            }
        }
    }
}
