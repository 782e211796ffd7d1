using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using Shipshape.Catalogue;

namespace Shipshape.Cli
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            ParseResult parsed = BuildCommandLine().Parse(args);
            // System.CommandLine exits 1 on a bad command line; 1 means "findings" here, so usage errors get 2.
            if (parsed.Action is ParseErrorAction)
            {
                foreach (var error in parsed.Errors) Console.Error.WriteLine("shipshape: " + error.Message);
                Console.Error.WriteLine("Run 'shipshape --help' for usage.");
                return ExitCodes.UsageOrInternalError;
            }
            try
            {
                return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine("shipshape: internal error: " + ex);
                return ExitCodes.UsageOrInternalError;
            }
        }

        private static RootCommand BuildCommandLine()
        {
            var root = new RootCommand("Shipshape: a static checker for AWS container infrastructure (ECR, ECS, EKS, IAM policies, CloudFormation).");
            root.Subcommands.Add(BuildCheck());
            root.Subcommands.Add(BuildRules());
            root.Subcommands.Add(BuildExplain());
            root.Subcommands.Add(BuildInit());
            root.Subcommands.Add(BuildBaseline());
            return root;
        }

        private static Command BuildCheck()
        {
            var paths = new Argument<string[]>("path")
            {
                Description = "Files or folders to check (default: the current folder). Files named here are always checked.",
                Arity = ArgumentArity.ZeroOrMore,
            };
            var exclude = new Option<string[]>("--exclude")
            {
                Description = "Skip paths matching this glob (**, *, ?; relative to the current folder). Repeatable.",
                HelpName = "glob",
            };
            var format = new Option<string>("--format", "-f")
            {
                Description = "Output format.",
                DefaultValueFactory = _ => "text",
            };
            format.AcceptOnlyFromAmong(CheckCommand.Formats);
            var output = new Option<string?>("--output", "-o")
            {
                Description = "Write findings to this file instead of stdout.",
                HelpName = "file",
            };
            var failLevel = new Option<string>("--fail-level")
            {
                Description = "Exit with 1 when a finding is at or above this severity.",
                DefaultValueFactory = _ => "error",
            };
            failLevel.AcceptOnlyFromAmong(CheckCommand.FailLevels);

            var config = new Option<string?>("--config")
            {
                Description = "Use this configuration file for every path instead of the nearest .shipshape.yaml.",
                HelpName = "file",
            };
            var noInline = new Option<bool>("--no-inline-suppressions")
            {
                Description = "Ignore '# shipshape-ignore' comments and CloudFormation Metadata suppressions (for CI).",
            };
            var baseline = new Option<string?>("--baseline")
            {
                Description = "Report only findings not recorded in this baseline file; list its fixed entries.",
                HelpName = "file",
            };
            var writeBaseline = new Option<string?>("--write-baseline")
            {
                Description = "Record the current findings in this baseline file and exit 0.",
                HelpName = "file",
            };

            var check = new Command("check", "Check files and folders for problems.") { paths, exclude, format, output, failLevel, config, noInline, baseline, writeBaseline };
            check.SetAction(result => new CheckCommand(Console.Error).Run(new CheckOptions(
                result.GetValue(paths) ?? Array.Empty<string>(),
                result.GetValue(exclude) ?? Array.Empty<string>(),
                result.GetValue(format) ?? "text",
                result.GetValue(output),
                result.GetValue(failLevel) ?? "error")
            {
                ConfigPath = result.GetValue(config),
                NoInlineSuppressions = result.GetValue(noInline),
                BaselinePath = result.GetValue(baseline),
                WriteBaselinePath = result.GetValue(writeBaseline),
            }));
            return check;
        }

        private static Command BuildRules()
        {
            var format = new Option<string>("--format", "-f")
            {
                Description = "Output format.",
                DefaultValueFactory = _ => "text",
            };
            format.AcceptOnlyFromAmong(RulesCommand.Formats);
            var rules = new Command("rules", "List the rules.") { format };
            rules.SetAction(result =>
            {
                using var stdout = ConsoleStreams.OpenStandardOutput();
                return new RulesCommand(RuleCatalogue.Embedded).Run(result.GetValue(format) ?? "text", stdout);
            });
            return rules;
        }

        private static Command BuildInit()
        {
            var folder = new Argument<string?>("folder")
            {
                Description = "Where to write .shipshape.yaml (default: the current folder).",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var force = new Option<bool>("--force") { Description = "Replace an existing .shipshape.yaml." };
            var init = new Command("init", "Write a commented starter .shipshape.yaml.") { folder, force };
            init.SetAction(result => new InitCommand(Console.Error).Run(result.GetValue(folder), result.GetValue(force)));
            return init;
        }

        private static Command BuildBaseline()
        {
            var fromSarif = new Option<string[]>("--from-sarif")
            {
                Description = "A compiler's SARIF 2.1 log (dotnet build -p:ErrorLog=build.sarif%2Cversion=2.1) whose Shipshape C# findings to record. Repeatable.",
                HelpName = "file",
                Required = true,
                AllowMultipleArgumentsPerToken = false,
            };
            var write = new Option<string>("--write")
            {
                Description = "The baseline file to add them to (the one .shipshape.yaml names); its other entries are kept. Created when missing.",
                HelpName = "file",
                Required = true,
            };
            var baseline = new Command("baseline", "Add the C# findings of a build's SARIF log to a baseline file.") { fromSarif, write };
            baseline.SetAction(result => new BaselineCommand(Console.Error, RuleCatalogue.Embedded).Run(result.GetValue(fromSarif) ?? Array.Empty<string>(), result.GetValue(write)!));
            return baseline;
        }

        private static Command BuildExplain()
        {
            var id = new Argument<string>("id") { Description = "A rule ID, e.g. ECR001." };
            var explain = new Command("explain", "Show a rule's documentation and examples.") { id };
            explain.SetAction(result =>
            {
                using var stdout = ConsoleStreams.OpenStandardOutput();
                return new ExplainCommand(RuleCatalogue.Embedded).Run(result.GetValue(id) ?? string.Empty, stdout, Console.Error);
            });
            return explain;
        }
    }
}
