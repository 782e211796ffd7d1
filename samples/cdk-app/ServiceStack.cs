using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.SSM;
using Constructs;

namespace Northwind.Parcel
{
    /// <summary>
    /// The parcel/web service's task definition twice: as the team first wrote it, with the database password in the
    /// container's environment (ECS001), and as fixed, with the password read from an SSM SecureString parameter.
    /// </summary>
    public sealed class ServiceStack : Stack
    {
        private const string WebImage = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/parcel/web:1.4.2";

        public ServiceStack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {
            // Anyone who can describe the task definition reads the password, and every revision keeps it (ECS001).
            var web = new FargateTaskDefinition(this, "Web", new FargateTaskDefinitionProps { Cpu = 256, MemoryLimitMiB = 512 });
            web.AddContainer("web", new ContainerDefinitionOptions
            {
                Image = ContainerImage.FromRegistry(WebImage),
                Environment = new Dictionary<string, string>
                {
                    ["DB_HOST"] = "db.parcel.internal",
                    ["DB_PASSWORD"] = "Tr0ub4dor&3",
                },
            });

            // Fine: ECS injects the password when the task starts; CDK creates the execution role and lets it read the parameter.
            var dbPassword = StringParameter.FromSecureStringParameterAttributes(this, "DbPassword",
                new SecureStringParameterAttributes { ParameterName = "/parcel/prod/db-password" });
            var webFixed = new FargateTaskDefinition(this, "WebFixed", new FargateTaskDefinitionProps { Cpu = 256, MemoryLimitMiB = 512 });
            webFixed.AddContainer("web", new ContainerDefinitionOptions
            {
                Image = ContainerImage.FromRegistry(WebImage),
                Environment = new Dictionary<string, string> { ["DB_HOST"] = "db.parcel.internal" },
                Secrets = new Dictionary<string, Secret> { ["DB_PASSWORD"] = Secret.FromSsmParameter(dbPassword) },
            });
        }
    }
}
