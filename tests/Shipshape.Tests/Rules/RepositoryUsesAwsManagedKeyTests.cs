using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class RepositoryUsesAwsManagedKeyTests
    {
        [TestMethod]
        public void KMS_and_KMS_DSSE_without_a_key_land_on_the_encryption_type()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Kms:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration:
                        EncryptionType: {|ECR011:KMS|}
                  Dsse:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration:
                        EncryptionType: {|ECR011:"KMS_DSSE"|}
                """, "ECR011");
        }

        [TestMethod]
        public void The_aws_ecr_alias_named_explicitly_lands_on_the_key()
        {
            Markup.Verify("template.json", """
                {
                  "Resources": {
                    "Alias": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "KMS", "KmsKey": {|ECR011:"alias/aws/ecr"|}}}},
                    "AliasArn": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "KMS", "KmsKey": {|ECR011:"arn:aws:kms:eu-west-1:111122223333:alias/aws/ecr"|}}}},
                    "Joined": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "KMS", "KmsKey": {|ECR011:{"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":kms:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"}, ":alias/aws/ecr"]]}|}}}}
                  }
                }
                """, "ECR011");
        }

        [TestMethod]
        public void Customer_managed_keys_and_unknown_keys_comply()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                  ByRef:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: KMS, KmsKey: !Ref Key}
                  CustomerAlias:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: KMS, KmsKey: alias/ecr-key}
                  SimilarAlias:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: KMS, KmsKey: alias/aws/ecr-images}
                  KeyId:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: KMS_DSSE, KmsKey: 1234abcd-12ab-34cd-56ef-1234567890ab}
                  FromParameter:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: KMS, KmsKey: !Ref KeyArn}
                  AliasFromParameter:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: KMS, KmsKey: !Sub "alias/${KeyAlias}"}
                """, "ECR011");
        }

        [TestMethod]
        public void AES256_and_unknown_types_are_not_this_rule()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Aes:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: AES256}
                  Unknown:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: !Ref EncryptionType}
                  Default:
                    Type: AWS::ECR::Repository
                """, "ECR011");
        }

        [TestMethod]
        public void Message_names_the_repository_and_the_cause()
        {
            var report = Shared.Engine.LintText(new SourceText("template.yaml", "Resources:\n  Images:\n    Type: AWS::ECR::Repository\n    Properties:\n      EncryptionConfiguration:\n        EncryptionType: KMS_DSSE\n"));
            var finding = report.Findings.Single(f => f.RuleId == "ECR011");
            StringAssert.Contains(finding.Message, "Repository 'Images' uses KMS_DSSE without a KmsKey");
            StringAssert.Contains(finding.Message, "Set KmsKey to a customer-managed key");
        }
    }
}
