namespace Shipshape.Analyzers.Tests.Support
{
    /// <summary>C# CDK app fixtures: a stack whose constructor holds the code under test.</summary>
    internal static class Fixture
    {
        public const string Usings =
            "using System.Collections.Generic;\n" +
            "using Amazon.CDK;\n" +
            "using Amazon.CDK.AWS.ECR;\n" +
            "using Amazon.CDK.AWS.IAM;\n" +
            "using Constructs;\n";

        /// <summary>The statements of <paramref name="body"/> in the constructor of <c>AppStack : Stack</c>.</summary>
        public static string InStack(string body, string members = "")
            => Usings +
               "\npublic class AppStack : Stack\n{\n" +
               "    public AppStack(Construct scope, string id) : base(scope, id)\n    {\n" +
               body +
               "\n    }\n" + members + "}\n";
    }
}
