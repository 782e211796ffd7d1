using System;
using System.IO;

namespace Shipshape.Tests.Configuration
{
    /// <summary>A temporary folder with a <c>root: true</c>-free tree the test writes; deleted on dispose.</summary>
    internal sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shipshape-config-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Full(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative));

        public string Write(string relative, string text)
        {
            string full = Full(relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            return full;
        }

        public string Read(string relative) => File.ReadAllText(Full(relative));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>Inputs shared by the configuration, suppression and baseline tests.</summary>
    internal static class ConfigSamples
    {
        /// <summary>A YAML template whose Action lines (13 and 17) are ECR002 notes: account 444455556666 and 777788889999 may push.</summary>
        public const string PushTemplate =
            "AWSTemplateFormatVersion: \"2010-09-09\"\n" +   // 1
            "Resources:\n" +                                 // 2
            "  Repo:\n" +                                    // 3
            "    Type: AWS::ECR::Repository\n" +             // 4
            "    Properties:\n" +                            // 5
            "      RepositoryPolicyText:\n" +                // 6
            "        Version: \"2012-10-17\"\n" +            // 7
            "        Statement:\n" +                         // 8
            "          - Sid: CiPush\n" +                    // 9
            "            Effect: Allow\n" +                  // 10
            "            Principal:\n" +                     // 11
            "              AWS: \"444455556666\"\n" +        // 12
            "            Action: ecr:PutImage\n" +           // 13
            "          - Effect: Allow\n" +                  // 14
            "            Principal:\n" +                     // 15
            "              AWS: \"777788889999\"\n" +        // 16
            "            Action: ecr:PutImage\n" +           // 17
            // Settings that keep the repository rules (ECR010-015) quiet, so the tests see only the policy.
            "      EncryptionConfiguration:\n" +
            "        EncryptionType: KMS\n" +
            "        KmsKey: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n" +
            "      ImageScanningConfiguration:\n" +
            "        ScanOnPush: true\n" +
            "      ImageTagMutability: IMMUTABLE\n" +
            "      LifecyclePolicy:\n" +
            "        LifecyclePolicyText: '{\"rules\": [{\"rulePriority\": 1, \"selection\": {\"tagStatus\": \"untagged\", \"countType\": \"sinceImagePushed\", \"countUnit\": \"days\", \"countNumber\": 14}, \"action\": {\"type\": \"expire\"}}]}'\n";

        /// <summary>A repository policy with ECR001 (6:20) and IAM006 (7:17), both errors.</summary>
        public const string PublicPolicy = Shipshape.Tests.Cli.Reports.PublicPolicy;

        /// <summary>IAM003 (note) at 1:13: the 2008 language version.</summary>
        public const string OldVersionPolicy = "{\"Version\": \"2008-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}, \"Action\": \"ecr:BatchGetImage\"}]}\n";
    }
}
