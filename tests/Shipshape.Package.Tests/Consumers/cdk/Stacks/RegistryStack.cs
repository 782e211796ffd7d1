using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Cdk.Stacks
{
    public sealed class RegistryStack : Stack
    {
        public RegistryStack(Construct scope, string id)
            : base(scope, id)
        {
            var web = new Repository(this, "Web", new RepositoryProps
            {
                RepositoryName = "parcel/web",
                ImageScanOnPush = true,
                Encryption = RepositoryEncryption.KMS,
            });

            web.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "PartnerPull",
                Principals = new IPrincipal[] { new AccountPrincipal("111122223333") },
                Actions = new[] { "ecr: BatchGetImage" },
            }));
        }
    }
}
