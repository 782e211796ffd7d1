using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class KmsKeyUnusableByEcrTests
    {
        /// <summary>A template with key <c>Key</c> whose policy statements are STATEMENTS, used by repository <c>Repo</c> through REF.</summary>
        private static string Template(string statements, string reference = "{|ECR012:!GetAtt Key.Arn|}") => """
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy:
                    Version: "2012-10-17"
                    Statement:
            STATEMENTS
              Repo:
                Type: AWS::ECR::Repository
                Properties:
                  EncryptionConfiguration:
                    EncryptionType: KMS
                    KmsKey: REF
            """.Replace("STATEMENTS", statements).Replace("REF", reference);

        private const string AdminOnly = """
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::111122223333:role/KeyAdmin}
                        Action: [kms:Create*, kms:Describe*, kms:Enable*, kms:List*, kms:Put*, kms:Update*, kms:Revoke*, kms:Disable*, kms:Get*, kms:Delete*]
                        Resource: "*"
            """;

        [TestMethod]
        public void Admin_only_policy_is_reported_on_the_reference_whatever_its_form()
        {
            Markup.Verify("template.yaml", Template(AdminOnly), "ECR012");
            Markup.Verify("template.yaml", Template(AdminOnly, "{|ECR012:!Ref Key|}"), "ECR012");
        }

        [TestMethod]
        [DataRow("{\"Fn::GetAtt\": [\"Key\", \"Arn\"]}")]
        [DataRow("{\"Fn::GetAtt\": \"Key.Arn\"}")]
        [DataRow("{\"Ref\": \"Key\"}")]
        public void Long_forms_of_the_reference_in_JSON(string reference)
        {
            // YAML flow mappings ({'Fn::GetAtt': ...}) are left out: the YAML parser's spans for flow
            // collections stop before the closing bracket (reported as an engine bug).
            Markup.Verify("template.json", """
                {
                  "Resources": {
                    "Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Statement": [
                      {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/KeyAdmin"}, "Action": "kms:*Key*", "Resource": "*"}]}}},
                    "Repo": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "KMS", "KmsKey": {|ECR012:REF|}}}}
                  }
                }
                """.Replace("REF", reference), "ECR012");
        }

        [TestMethod]
        [DataRow("arn:aws:iam::111122223333:root")]
        [DataRow("arn:aws-us-gov:iam::111122223333:root")]
        [DataRow("'111122223333'")]
        [DataRow("'*'")]
        [DataRow("!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root")]
        [DataRow("!Join ['', ['arn:', !Ref AWS::Partition, ':iam::', !Ref AWS::AccountId, ':root']]")]
        [DataRow("!Ref KeyPrincipal")]
        public void Delegation_to_the_account_root_makes_the_key_usable(string principal)
        {
            Markup.Verify("template.yaml", Template(AdminOnly + """
                      - Effect: Allow
                        Principal: {AWS: PRINCIPAL}
                        Action: kms:*
                        Resource: "*"
            """.Replace("PRINCIPAL", principal), "!GetAtt Key.Arn"), "ECR012");
        }

        [TestMethod]
        public void Kms_star_for_a_role_is_not_delegation_but_covers_the_calls()
        {
            // Not the account root, but the role may do everything: the four calls are allowed.
            Markup.Verify("template.yaml", Template("""
                      - Effect: Allow
                        Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/Deployer"}
                        Action: "kms:*"
                        Resource: "*"
            """, "!GetAtt Key.Arn"), "ECR012");
        }

        [TestMethod]
        public void The_four_calls_with_wildcards_across_statements_are_enough()
        {
            Markup.Verify("template.yaml", Template("""
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::111122223333:role/Deployer}
                        Action: [kms:Create*, kms:Describe*]
                        Resource: "*"
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::111122223333:role/Ci}
                        Action: [kms:GenerateDataKey*, kms:decrypt]
                        Resource: "*"
                        Condition:
                          StringEquals:
                            kms:ViaService: !Sub ecr.${AWS::Region}.amazonaws.com
            """, "!GetAtt Key.Arn"), "ECR012");
        }

        [TestMethod]
        public void A_missing_call_is_named_in_the_message_with_the_key_resource()
        {
            string text = Template("""
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::111122223333:role/Deployer}
                        Action: [kms:DescribeKey, kms:GenerateDataKey, kms:Decrypt, kms:Encrypt]
                        Resource: "*"
            """);
            Markup.Verify("template.yaml", text, "ECR012");
            var (clean, _) = Markup.Parse(text);
            var finding = Shared.Engine.LintText(new SourceText("template.yaml", clean)).Findings.Single(f => f.RuleId == "ECR012");
            StringAssert.Contains(finding.Message, "Repository 'Repo' is encrypted with KMS key 'Key'");
            StringAssert.Contains(finding.Message, "nor allows kms:CreateGrant.");
        }

        [TestMethod]
        public void All_missing_calls_are_listed()
        {
            var (clean, _) = Markup.Parse(Template(AdminOnly.Replace("kms:Create*, kms:Describe*, ", "")));
            var finding = Shared.Engine.LintText(new SourceText("template.yaml", clean)).Findings.Single(f => f.RuleId == "ECR012");
            StringAssert.Contains(finding.Message, "nor allows kms:CreateGrant, kms:DescribeKey, kms:GenerateDataKey* and kms:Decrypt.");
        }

        [TestMethod]
        public void Via_another_service_keeps_ECR_out_and_deny_statements_never_allow()
        {
            Markup.Verify("template.yaml", Template("""
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::111122223333:role/Deployer}
                        Action: [kms:CreateGrant, kms:DescribeKey, kms:GenerateDataKey*, kms:Decrypt]
                        Resource: "*"
                        Condition:
                          StringEquals:
                            kms:ViaService: [s3.eu-west-1.amazonaws.com, secretsmanager.eu-west-1.amazonaws.com]
                      - Effect: Deny
                        Principal: "*"
                        Action: kms:*
                        Resource: "*"
            """), "ECR012");
        }

        [TestMethod]
        public void Unknown_statements_actions_effects_and_conditions_are_given_the_benefit_of_the_doubt()
        {
            Markup.Verify("template.yaml", Template("""
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::111122223333:role/Deployer}
                        Action: !Ref KeyActions
                        Resource: "*"
            """, "!GetAtt Key.Arn"), "ECR012");
            Markup.Verify("template.yaml", Template("""
                      - !If [Open, {Effect: Allow, Principal: "*", Action: "kms:*", Resource: "*"}, !Ref AWS::NoValue]
            """, "!GetAtt Key.Arn"), "ECR012");
            Markup.Verify("template.yaml", Template("""
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::111122223333:role/Deployer}
                        Action: [kms:CreateGrant, kms:DescribeKey, kms:GenerateDataKey*, kms:Decrypt]
                        Resource: "*"
                        Condition:
                          StringEquals:
                            kms:ViaService: !Ref AllowedService
            """, "!GetAtt Key.Arn"), "ECR012");
        }

        [TestMethod]
        public void NotAction_allows_everything_it_does_not_list()
        {
            Markup.Verify("template.yaml", Template("""
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::111122223333:role/Deployer}
                        NotAction: [kms:ScheduleKeyDeletion, kms:Disable*]
                        Resource: "*"
            """, "!GetAtt Key.Arn"), "ECR012");
            Markup.Verify("template.yaml", Template("""
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::111122223333:role/Deployer}
                        NotAction: kms:CreateGrant
                        Resource: "*"
            """), "ECR012");
        }

        [TestMethod]
        public void A_key_without_a_key_policy_gets_the_default_policy_which_delegates()
        {
            Markup.Verify("template.json", """
                {
                  "Resources": {
                    "Key": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true}},
                    "BareKey": {"Type": "AWS::KMS::Key"},
                    "Repo": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "KMS", "KmsKey": {"Ref": "Key"}}}},
                    "Repo2": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "KMS_DSSE", "KmsKey": {"Fn::GetAtt": ["BareKey", "Arn"]}}}}
                  }
                }
                """, "ECR012");
        }

        [TestMethod]
        public void Key_policy_given_as_a_JSON_string_is_read()
        {
            Markup.Verify("template.json", """
                {
                  "Resources": {
                    "Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/Admin\"}, \"Action\": \"kms:Describe*\", \"Resource\": \"*\"}]}"}},
                    "Repo": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "KMS", "KmsKey": {|ECR012:{"Ref": "Key"}|}}}}
                  }
                }
                """, "ECR012");
        }

        [TestMethod]
        public void A_key_reached_through_an_alias_is_checked_and_named()
        {
            string marked = """
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                    Properties:
                      KeyPolicy:
                        Statement:
                          - Effect: Allow
                            Principal: {AWS: arn:aws:iam::111122223333:role/KeyAdmin}
                            Action: kms:Describe*
                            Resource: "*"
                  KeyAlias:
                    Type: AWS::KMS::Alias
                    Properties:
                      AliasName: alias/images
                      TargetKeyId: !Ref Key
                  Repo:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration:
                        EncryptionType: KMS
                        KmsKey: {|ECR012:!Ref KeyAlias|}
                """;
            var finding = Markup.VerifyAndGet("template.yaml", marked, "ECR012").Single();
            StringAssert.Contains(finding.Message, "KMS key 'Key'");
        }

        [TestMethod]
        public void Keys_outside_the_template_unknown_keys_and_AES256_are_not_checked()
        {
            Markup.Verify("template.yaml", """
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                    Properties:
                      KeyPolicy: !If [Strict, {Statement: []}, !Ref AWS::NoValue]
                  UnknownPolicy:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: KMS, KmsKey: !Ref Key}
                  ArnString:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: KMS, KmsKey: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab}
                  Imported:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: KMS, KmsKey: !ImportValue shared-key-arn}
                  Missing:
                    Type: AWS::ECR::Repository
                    Properties:
                      EncryptionConfiguration: {EncryptionType: KMS, KmsKey: !Ref NotInThisTemplate}
                """, "ECR012");
        }
    }
}
