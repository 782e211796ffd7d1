using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Northwind.Parcel
{
    /// <summary>
    /// The parcel/web and parcel/worker image repositories, as the team first wrote them. Every Shipshape finding
    /// below shows as a squiggle in the editor and as a warning in `dotnet build`, before `cdk synth` runs.
    /// </summary>
    public sealed class RegistryStack : Stack
    {
        private const string PartnerAccount = "arn:aws: iam::444455556666:root";

        public RegistryStack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {
            var web = new Repository(this, "Web", new RepositoryProps
            {
                RepositoryName = "parcel/web",
                ImageScanOnPush = true,
                ImageTagMutability = TagMutability.IMMUTABLE,
            });

            // The partner pilot: "just let them pull". Anyone can, anonymous callers included (ECR001).
            web.GrantPull(new AnyPrincipal());

            // Pasted from a chat message: a stray space in the account ARN (IAM008) and in an action (IAM006),
            // a typo in another (IAM007), and a Resource that a repository policy cannot have (ECR003).
            web.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "PartnerPull",
                Principals = new IPrincipal[] { new ArnPrincipal(PartnerAccount) },
                Actions = new[] { "ecr: BatchGetImage", "ecr:GetDownloadUrlForLayers" },
                Resources = new[] { web.RepositoryArn },
            }));

            var worker = new Repository(this, "Worker", new RepositoryProps
            {
                RepositoryName = "parcel/worker",
                LifecycleRules = new ILifecycleRule[] { new LifecycleRule { MaxImageCount = 20 } },
            });

            // The CI account pushes: a decision worth seeing in review (ECR002, a note).
            worker.GrantPullPush(new AccountPrincipal("111122223333"));

            // Fine: a role in this account gets pull rights through its own policy.
            var tasks = new Role(this, "TaskExecution", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
            worker.GrantPull(tasks);
        }
    }
}
