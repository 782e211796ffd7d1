using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Catalogue;
using Shipshape.Detection;
using Shipshape.Shell;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Shell
{
    [TestClass]
    public sealed class ShellInputsTests
    {
        [TestMethod]
        [DataRow("deploy.sh", DocumentKind.ShellScript)]
        [DataRow("lib/common.bash", DocumentKind.ShellScript)]
        [DataRow("Makefile", DocumentKind.Makefile)]
        [DataRow("GNUmakefile", DocumentKind.Makefile)]
        [DataRow("build/ecr.mk", DocumentKind.Makefile)]
        [DataRow("Dockerfile", DocumentKind.Dockerfile)]
        [DataRow("docker/Dockerfile.prod", DocumentKind.Dockerfile)]
        [DataRow("worker.dockerfile", DocumentKind.Dockerfile)]
        [DataRow("Containerfile", DocumentKind.Dockerfile)]
        [DataRow("notes.txt", DocumentKind.Unknown)]
        [DataRow("makefile.json", DocumentKind.Unknown)]
        public void Shell_files_are_known_by_name(string path, DocumentKind kind)
            => Assert.AreEqual(kind, ScriptFiles.KindFromName(path));

        [TestMethod]
        [DataRow("#!/bin/sh\n", true)]
        [DataRow("#!/bin/bash -euo pipefail\n", true)]
        [DataRow("#! /usr/bin/env bash\r\n", true)]
        [DataRow("#!/usr/bin/env -S bash -e\n", true)]
        [DataRow("#!/usr/bin/env python3\n", false)]
        [DataRow("#!/bin/zsh\n", false)]
        [DataRow("# !/bin/sh\n", false)]
        [DataRow("", false)]
        public void Shebangs_name_sh_or_bash(string text, bool expected)
            => Assert.AreEqual(expected, ScriptFiles.HasShellShebang(text));

        [TestMethod]
        [DataRow("aws ecr get-login-password", true)]
        [DataRow("ECR_REGISTRY=x", true)]
        [DataRow("uses: aws-actions/amazon-ecr-login@v2", true)]
        [DataRow("x.dkr.ecr.eu-west-1.amazonaws.com", true)]
        [DataRow("$(aws ecr get-login)", true)]
        [DataRow("echo $SECRET | decrypt", false)]
        [DataRow("make all", false)]
        public void Only_text_that_mentions_ecr_is_parsed(string text, bool expected)
            => Assert.AreEqual(expected, ScriptFiles.MentionsEcr(text));

        [TestMethod]
        public void Ci_flavours_are_known_by_path()
        {
            Assert.AreEqual(CiFlavor.GitHubActions, CiSteps.FlavorOf(".github/workflows/release.yaml"));
            Assert.AreEqual(CiFlavor.GitHubActions, CiSteps.FlavorOf("repo\\.github\\workflows\\ci.yml"));
            Assert.AreEqual(CiFlavor.GitLabCi, CiSteps.FlavorOf("sub/.gitlab-ci.yml"));
            Assert.AreEqual(CiFlavor.CodeBuild, CiSteps.FlavorOf("ci/buildspec-release.yml"));
            Assert.AreEqual(CiFlavor.None, CiSteps.FlavorOf(".github/dependabot.yml"));
            Assert.AreEqual(CiFlavor.None, CiSteps.FlavorOf(".github/workflows/README.md"));
        }

        [TestMethod]
        public void Scripts_without_ecr_are_skipped_before_parsing()
        {
            var report = Shared.Engine.LintText(new SourceText("build.sh", "#!/bin/sh\nmake all\n"), explicitlyNamed: false);
            Assert.AreEqual("no ECR login in it", report.SkipReason);
        }

        [TestMethod]
        public void Every_prefix_of_every_login_example_lints_with_spans_inside_the_file()
        {
            foreach (var rule in new[] { "ECR030", "ECR031", "ECR032" })
            {
                foreach (var example in RuleCatalogue.Embedded[rule].Examples)
                {
                    string text = Markup.Parse(example.Code).Text;
                    for (int length = 0; length <= text.Length; length++)
                    {
                        var report = Shared.Engine.LintText(new SourceText(example.File, text.Substring(0, length)));
                        foreach (var finding in report.Findings)
                            Assert.IsTrue(0 <= finding.Span.Start && finding.Span.End <= length, rule + " " + example.Name + " prefix " + length + ": " + finding);
                    }
                }
            }
        }
    }
}
