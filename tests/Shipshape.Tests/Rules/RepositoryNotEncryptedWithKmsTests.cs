using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class RepositoryNotEncryptedWithKmsTests
    {
        [TestMethod]
        public void Explicit_AES256_lands_on_the_value_and_absent_configuration_on_the_logical_id()
        {
            Markup.Verify("template.json", """
                {
                  "Resources": {
                    "Explicit": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": {|ECR010:"AES256"|}}}},
                    {|ECR010:"Defaulted"|}: {"Type": "AWS::ECR::Repository", "Properties": {"RepositoryName": "app"}},
                    {|ECR010:"NoProperties"|}: {"Type": "AWS::ECR::Repository"}
                  }
                }
                """, "ECR010");
        }

        [TestMethod]
        [DataRow("KMS")]
        [DataRow("KMS_DSSE")]
        public void KMS_and_dual_layer_KMS_comply(string type)
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration:
                        EncryptionType: TYPE
                """.Replace("TYPE", type), "ECR010");
        }

        [TestMethod]
        public void Values_only_known_at_deploy_time_are_never_violations()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  ByCondition:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration:
                        EncryptionType: !If [IsProd, KMS, AES256]
                  ByParameter:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration:
                        EncryptionType: !Ref EncryptionType
                  WholeConfiguration:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: !If [IsProd, {EncryptionType: KMS}, !Ref AWS::NoValue]
                """, "ECR010");
        }

        [TestMethod]
        public void Properties_that_are_an_intrinsic_silence_every_repository_rule()
        {
            // EcrRepository.Properties is null both for absent and for unknown Properties; the rules tell them apart.
            Markup.Verify("template.yaml", """
                Resources:
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties: !If
                      - IsProd
                      - {EncryptionConfiguration: {EncryptionType: AES256}, RepositoryName: BAD}
                      - !Ref AWS::NoValue
                """, "ECR010", "ECR011", "ECR012", "ECR013", "ECR014", "ECR015", "ECR016");
        }

        [TestMethod]
        public void Empty_properties_are_all_defaults()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  {|ECR010:Repo|}:
                    Type: AWS::ECR::Repository
                    Properties:
                """, "ECR010");
        }

        [TestMethod]
        public void Invalid_or_incomplete_encryption_settings_are_left_to_schema_validation()
        {
            // CloudFormation rejects these before any repository exists: no encryption finding.
            Markup.Verify("template.json", """
                {
                  "Resources": {
                    "NoType": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {}}},
                    "Lowercase": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "aes256"}}}
                  }
                }
                """, "ECR010");
        }

        [TestMethod]
        public void Message_names_the_repository_and_says_encryption_is_fixed_at_creation()
        {
            var report = Shared.Engine.LintText(new SourceText("template.yaml", "Resources:\n  Images:\n    Type: AWS::ECR::Repository\n    Properties:\n      EncryptionConfiguration:\n        EncryptionType: AES256\n"));
            var finding = report.Findings.Single(f => f.RuleId == "ECR010");
            StringAssert.Contains(finding.Message, "Repository 'Images' is encrypted with AES256");
            StringAssert.Contains(finding.Message, "only be chosen when a repository is created");
            StringAssert.Contains(finding.Message, "before the first deploy, or plan a replacement");
        }
    }
}
