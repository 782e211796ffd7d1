using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shipshape.Analyzers.Translation;
using Shipshape.Model;

namespace Shipshape.Analyzers.Tests.Support
{
    /// <summary>Compiles a fixture against the CDK and dumps document-model trees with the C# each node points at.</summary>
    internal static class Compile
    {
        public static CSharpCompilation Cdk(string source, bool withCdk = true)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/AppStack.cs");
            return CSharpCompilation.Create("Fixture", new[] { tree }, withCdk ? CdkReferences.WithCdk : CdkReferences.Framework,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }

        public static void AssertNoErrors(Compilation compilation)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) throw new InvalidOperationException("The fixture does not compile:\n" + string.Join("\n", errors));
        }

        /// <summary><c>{Key&lt;C#&gt;=value, …}</c>, <c>[…]</c>, <c>value&lt;C#&gt;</c>, <c>?&lt;C#&gt;</c> for unknowns.</summary>
        public static string Dump(Node? node)
        {
            var builder = new StringBuilder();
            Write(node, builder);
            return builder.ToString();
        }

        private static void Write(Node? node, StringBuilder builder)
        {
            switch (node)
            {
                case null:
                    builder.Append("null");
                    break;
                case UnknownNode unknown:
                    builder.Append("?<").Append(Squeeze(unknown.Span.Text)).Append('>');
                    break;
                case ScalarNode scalar:
                    builder.Append(scalar.Value).Append('<').Append(Squeeze(scalar.Span.Text)).Append('>');
                    break;
                case SequenceNode sequence:
                    builder.Append('[');
                    for (int i = 0; i < sequence.Items.Count; i++)
                    {
                        if (i > 0) builder.Append(", ");
                        Write(sequence.Items[i], builder);
                    }
                    builder.Append(']');
                    break;
                case MappingNode mapping:
                    builder.Append('{');
                    for (int i = 0; i < mapping.Entries.Count; i++)
                    {
                        if (i > 0) builder.Append(", ");
                        Write(mapping.Entries[i].Key, builder);
                        builder.Append('=');
                        Write(mapping.Entries[i].Value, builder);
                    }
                    builder.Append('}');
                    break;
                default:
                    builder.Append(node.GetType().Name);
                    break;
            }
        }

        /// <summary>Long spans (whole object creations) are shortened to their first line.</summary>
        private static string Squeeze(string text)
        {
            int newline = text.IndexOf('\n', StringComparison.Ordinal);
            return newline < 0 ? text : text.Substring(0, newline).TrimEnd() + "…";
        }

        public static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));
    }
}
