using System;

namespace Shipshape.Bench
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            string command = args.Length > 0 ? args[0] : string.Empty;
            string[] rest = args.Length > 0 ? args[1..] : Array.Empty<string>();
            switch (command)
            {
                case "generate": return Generator.Run(rest);
                case "floor": return ParseFloor.Run(rest);
                case "fuzz": return Fuzzer.Run(rest);
                case "profile": return Profile.Run(rest);
                default:
                    Console.Error.WriteLine("usage: shipshape-bench generate|floor|fuzz ...");
                    return 2;
            }
        }
    }
}
