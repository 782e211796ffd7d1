namespace App.Stacks
{
    /// <summary>Stands for a CDK stack; its synth output is cdk.out/AppStack.template.json.</summary>
    public sealed class WebStack
    {
        public string RepositoryName { get; } = "web";
    }
}
