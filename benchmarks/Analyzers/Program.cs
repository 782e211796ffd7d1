using System;

namespace Shipshape.AnalyzerBench
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            string command = args.Length > 0 ? args[0] : string.Empty;
            string[] rest = args.Length > 0 ? args[1..] : Array.Empty<string>();
            switch (command)
            {
                case "generate": return CdkAppGenerator.Run(rest);
                case "profile": return AnalyzerProfile.Run(rest);
                case "cold": return ColdStart.Run(rest);
                case "cold-once": return ColdStart.Once(rest);
                default:
                    Console.Error.WriteLine("usage: shipshape-analyzer-bench generate <folder> [stack-files] | profile <app-folder> [runs] | cold <app-folder> [processes]");
                    return 2;
            }
        }
    }
}
