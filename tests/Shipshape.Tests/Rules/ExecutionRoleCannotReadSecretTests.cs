using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shipshape.Tests.Infrastructure;
using Shipshape.Text;

namespace Shipshape.Tests.Rules
{
    [TestClass]
    public sealed class ExecutionRoleCannotReadSecretTests
    {
        /// <summary>A template with an execution role (ROLE_EXTRA goes into its properties, RESOURCES_EXTRA next to it) and one secret.</summary>
        private static string Template(string roleExtra, string markedValueFrom, string resourcesExtra = "", string roleArn = "!GetAtt ExecutionRole.Arn") => """
            Resources:
              ExecutionRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: ecs-tasks.amazonaws.com}
                        Action: sts:AssumeRole
                  ManagedPolicyArns:
                    - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
            ROLE_EXTRA
            RESOURCES_EXTRA
              TaskDefinition:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ExecutionRoleArn: ROLE_ARN
                  ContainerDefinitions:
                    - Name: app
                      Image: nginx
                      Secrets:
                        - Name: SECRET
                          ValueFrom: VALUE_FROM
            """.Replace("ROLE_EXTRA", roleExtra).Replace("RESOURCES_EXTRA", resourcesExtra).Replace("ROLE_ARN", roleArn).Replace("VALUE_FROM", markedValueFrom);

        private static string InlinePolicy(string action, string resource, string extra = "") => """
                  Policies:
                    - PolicyName: secrets
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: ACTION
                            Resource: RESOURCE
            EXTRA
            """.Replace("ACTION", action).Replace("RESOURCE", resource).Replace("EXTRA", extra).TrimEnd('\n');

        private const string SecretArn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf";

        [TestMethod]
        public void The_managed_execution_role_policy_does_not_read_secrets()
        {
            Markup.Verify("template.yaml", Template("", "{|ECS005:" + SecretArn + "|}"), "ECS005", "LINT001");
            var report = Shared.Engine.LintText(new SourceText("template.yaml", Template("", SecretArn)));
            var finding = report.Findings.Single(f => f.RuleId == "ECS005");
            StringAssert.StartsWith(finding.Message, "The execution role 'ExecutionRole' cannot read this secret: none of its policies allows secretsmanager:GetSecretValue on it (AmazonECSTaskExecutionRolePolicy does not include it)");
        }

        [TestMethod]
        [DataRow("secretsmanager:GetSecretValue", SecretArn)]
        [DataRow("secretsmanager:*", "'*'")]
        [DataRow("'*'", "'*'")]
        [DataRow("SecretsManager:getsecretvalue", "arn:aws:secretsmanager:*:*:secret:prod/*")]
        [DataRow("secretsmanager:Get*", "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-??????")]
        [DataRow("secretsmanager:GetSecretValue", "!Sub 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db-*'")]
        [DataRow("secretsmanager:GetSecretValue", "!Ref SecretArnParameter")]
        [DataRow("!Ref Actions", "'*'")]
        [DataRow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:111122223333:*")]
        public void Statements_that_may_allow_it_are_enough(string action, string resource)
        {
            Markup.Verify("template.yaml", Template(InlinePolicy(action, resource), SecretArn), "ECS005", "LINT001");
        }

        [TestMethod]
        [DataRow("secretsmanager:DescribeSecret", "'*'")]
        [DataRow("ssm:GetParameters", "'*'")]
        [DataRow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:111122223333:secret:staging/*")]
        [DataRow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/*")]
        [DataRow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:444455556666:secret:prod/*")]
        [DataRow("secretsmanager:GetSecretValue", "arn:aws:ssm:us-east-1:111122223333:parameter/prod/*")]
        public void Statements_for_other_actions_or_resources_do_not_help(string action, string resource)
        {
            Markup.Verify("template.yaml", Template(InlinePolicy(action, resource), "{|ECS005:" + SecretArn + "|}"), "ECS005", "LINT001");
        }

        [TestMethod]
        public void A_partial_secret_name_matches_the_suffix_AWS_adds()
        {
            Markup.Verify("template.yaml", Template(InlinePolicy("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf"),
                "'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db:password::'"), "ECS005", "LINT001");
        }

        [TestMethod]
        public void SSM_parameters_need_GetParameters_on_the_parameter()
        {
            Markup.Verify("template.yaml", Template(InlinePolicy("ssm:GetParameters", "arn:aws:ssm:*:*:parameter/app/*"), "/app/db-password"), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template(InlinePolicy("ssm:GetParameters", "arn:aws:ssm:*:*:parameter/app/*"), "{|ECS005:app-db-password|}"), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template(InlinePolicy("ssm:GetParameters", "arn:aws:ssm:*:*:parameter/app/*"), "{|ECS005:/other/db-password|}"), "ECS005", "LINT001");
            // GetParameter (singular) is not what ECS calls.
            Markup.Verify("template.yaml", Template(InlinePolicy("ssm:GetParameter", "'*'"), "{|ECS005:/app/db-password|}"), "ECS005", "LINT001");
        }

        [TestMethod]
        public void Conditions_deny_statements_and_not_action_are_read_conservatively()
        {
            string condition = "            Condition: {StringEquals: {'secretsmanager:ResourceTag/app': web}}";
            Markup.Verify("template.yaml", Template(InlinePolicy("secretsmanager:GetSecretValue", "'*'", condition), SecretArn), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("""
                      Policies:
                        - PolicyName: all-but-iam
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                NotAction: iam:*
                                Resource: '*'
                """, SecretArn), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("""
                      Policies:
                        - PolicyName: no-secrets
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                NotAction: secretsmanager:*
                                Resource: '*'
                              - Effect: Deny
                                Action: '*'
                                Resource: '*'
                """, "{|ECS005:" + SecretArn + "|}"), "ECS005", "LINT001");
        }

        [TestMethod]
        public void Policy_resources_attached_to_the_role_count()
        {
            string attached = """
                  ReadSecrets:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: read
                      Roles: [!Ref ExecutionRole]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: secretsmanager:GetSecretValue
                            Resource: arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/*
                """;
            Markup.Verify("template.yaml", Template("", SecretArn, attached), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("", "{|ECS005:" + SecretArn + "|}", attached.Replace("!Ref ExecutionRole", "!Ref OtherRole") + "\n" + """
                  OtherRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {}
                """), "ECS005", "LINT001");
            // Attached to a role name given by a parameter: it may be this role.
            Markup.Verify("template.yaml", Template("", SecretArn, attached.Replace("!Ref ExecutionRole", "!Ref RoleNameParameter")), "ECS005", "LINT001");
        }

        [TestMethod]
        public void Policy_resources_naming_the_role_by_name_or_unknown_count()
        {
            static string RolePolicy(string roleName) => """
                  ReadSecrets:
                    Type: AWS::IAM::RolePolicy
                    Properties:
                      PolicyName: read
                      RoleName: ROLE
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: secretsmanager:GetSecretValue
                            Resource: '*'
                """.Replace("ROLE", roleName);
            string marked = "{|ECS005:" + SecretArn + "|}";
            // The role's literal name: attached. Another name, or a role without a name (generated): not attached.
            Markup.Verify("template.yaml", Template("      RoleName: exec-role", SecretArn, RolePolicy("exec-role")), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("      RoleName: exec-role", marked, RolePolicy("other-role")), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("", marked, RolePolicy("exec-role")), "ECS005", "LINT001");
            // A role name given by an intrinsic may be any name: nothing is concluded.
            Markup.Verify("template.yaml", Template("      RoleName: !Sub '${AWS::StackName}-exec'", SecretArn, RolePolicy("other-role")), "ECS005", "LINT001");
            // Roles that are not a list, or a policy resource whose properties are unknown, may attach it to this role.
            string policy = """
                  ReadSecrets:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: read
                      Roles: ROLES
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: secretsmanager:GetSecretValue
                            Resource: '*'
                """;
            Markup.Verify("template.yaml", Template("", SecretArn, policy.Replace("ROLES", "!Ref RoleList")), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("", marked, policy.Replace("ROLES", "[!Ref OtherRole]") + "\n" + """
                  OtherRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {}
                """), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("", SecretArn, """
                  Unknown:
                    Type: AWS::IAM::ManagedPolicy
                    Properties: !If [Cond, {PolicyDocument: {}}, !Ref AWS::NoValue]
                """), "ECS005", "LINT001");
        }

        [TestMethod]
        public void Managed_policies_of_the_template_and_of_AWS()
        {
            string managed = """
                  ReadSecrets:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: secretsmanager:GetSecretValue
                            Resource: '*'
                """;
            string viaArn = "        - !Ref ReadSecrets";
            Markup.Verify("template.yaml", Template(viaArn, SecretArn, managed), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("        - arn:aws:iam::aws:policy/AdministratorAccess", SecretArn), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("        - arn:aws:iam::aws:policy/SomePolicyThisRuleDoesNotKnow", SecretArn), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("        - arn:aws:iam::111122223333:policy/read-secrets", SecretArn), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("        - !ImportValue shared-read-secrets", SecretArn), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("        - arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", "{|ECS005:" + SecretArn + "|}"), "ECS005", "LINT001");
        }

        [TestMethod]
        public void Roles_that_are_not_in_the_template_or_not_known_are_not_checked()
        {
            Markup.Verify("template.yaml", Template("", SecretArn, roleArn: "!ImportValue shared-execution-role"), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("", SecretArn, roleArn: "arn:aws:iam::111122223333:role/ecsTaskExecutionRole"), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("", SecretArn, roleArn: "!If [UseRole, !GetAtt ExecutionRole.Arn, !Ref AWS::NoValue]"), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("""
                      Policies:
                        - !If [WithSecrets, {PolicyName: s, PolicyDocument: {Statement: [{Effect: Allow, Action: '*', Resource: '*'}]}}, !Ref AWS::NoValue]
                """, SecretArn), "ECS005", "LINT001");
            Markup.Verify("template.yaml", Template("", "{|ECS005:" + SecretArn + "|}", roleArn: "!Ref ExecutionRole"), "ECS005", "LINT001");
        }

        [TestMethod]
        public void JSON_templates_with_GetAtt_as_a_string_and_registry_credentials()
        {
            Markup.Verify("template.json", """
                {"Resources": {
                  "Role": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}]}},
                  "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
                    "ExecutionRoleArn": {"Fn::GetAtt": "Role.Arn"},
                    "ContainerDefinitions": [{"Name": "app", "Image": "registry.example.com/app:1",
                      "RepositoryCredentials": {"CredentialsParameter": {|ECS005:"arn:aws:secretsmanager:us-east-1:111122223333:secret:registry-AbCdEf"|}},
                      "LogConfiguration": {"LogDriver": "splunk", "SecretOptions": [{"Name": "splunk-token", "ValueFrom": {|ECS005:"/app/splunk"|}}]},
                      "Secrets": [{"Name": "A", "ValueFrom": {"Ref": "SecretA"}}, {"Name": "B", "ValueFrom": "not a valid reference"}]}]}}}}
                """, "ECS005", "LINT001");
        }
    }
}
