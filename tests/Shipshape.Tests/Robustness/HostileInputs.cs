using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Shipshape.Tests.Robustness
{
    /// <summary>The adversarial inputs of the robustness tests (the fuzz harness starts from the same kinds).</summary>
    internal static class HostileInputs
    {
        public const string PublicPolicyLf = "{\n\"Statement\": [{\"Effect\": \"Allow\",\n\"Principal\": \"*\",\n\"Action\": \"ecr:BatchGetImage\"}]\n}\n";

        public static IEnumerable<(string Name, byte[] Bytes)> All()
        {
            yield return ("deep.json", Ascii(new string('[', 100_000) + new string(']', 100_000)));
            yield return ("deep-objects.template.json", Ascii(string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000)));
            yield return ("deep.yaml", Ascii(new string('[', 100_000) + new string(']', 100_000)));
            yield return ("deep-block.yaml", Ascii(string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', i) + "a:\n")) + "Resources: x\n"));
            yield return ("bomb.yaml", Ascii(AliasBomb()));
            yield return ("nul-repository-policy.json", Ascii("{\"Statement\": [\0]}"));
            yield return ("bad-utf8-repository-policy.json", new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' });
            yield return ("crlf-repository-policy.json", Ascii(PublicPolicyLf.Replace("\n", "\r\n")));
            yield return ("cr-repository-policy.json", Ascii(PublicPolicyLf.Replace("\n", "\r")));
            yield return ("mixed-repository-policy.json", Ascii(MixedLineEndings(PublicPolicyLf)));
            yield return ("bom-repository-policy.json", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Ascii(PublicPolicyLf)).ToArray());
            yield return ("utf16-repository-policy.json", new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(PublicPolicyLf)).ToArray());
            yield return ("one-line.template.yaml", OneLineTemplate(400_000));
        }

        /// <summary>\n, \r\n, \r in turn.</summary>
        public static string MixedLineEndings(string lf)
        {
            var sb = new StringBuilder();
            int line = 0;
            foreach (char c in lf)
            {
                if (c != '\n') { sb.Append(c); continue; }
                sb.Append((line++ % 3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" });
            }
            return sb.ToString();
        }

        public static string AliasBomb()
        {
            var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 12; i++)
                sb.Append('a').Append(i).Append(": &a").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
            sb.Append("Resources: *a11\n");
            return sb.ToString();
        }

        /// <summary>A minified template of about <paramref name="bytes"/> bytes on one line; every 50th repository policy is public.</summary>
        public static byte[] OneLineTemplate(int bytes)
        {
            var sb = new StringBuilder(bytes + 1024);
            sb.Append("{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Resources\":{");
            for (int i = 0; sb.Length + 400 < bytes; i++)
            {
                if (i > 0) sb.Append(',');
                string principal = i % 50 == 49 ? "\"*\"" : "{\"AWS\":\"arn:aws:iam::111122223333:root\"}";
                sb.Append("\"Repo").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\":{\"Type\":\"AWS::ECR::Repository\",\"Properties\":{\"RepositoryPolicyText\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":")
                  .Append(principal).Append(",\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]}]}}}");
            }
            sb.Append("}}");
            return Ascii(sb.ToString());
        }

        private static byte[] Ascii(string s) => Encoding.UTF8.GetBytes(s);
    }
}
