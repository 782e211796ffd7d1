using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Shipshape.Bench
{
    /// <summary>
    /// Generates realistic workloads, deterministically (fixed seed): CloudFormation templates (JSON and YAML
    /// with short tags) holding ECR repositories (policies, lifecycle policies as JSON strings), ECS task
    /// definitions (environment, secrets), clusters, IAM roles and managed policies; standalone repository
    /// policies, lifecycle policies and register-task-definition files. A few deliberate mistakes (public
    /// policies, unknown actions) keep the rules busy, as in a real repository.
    /// </summary>
    internal static class Generator
    {
        // generate repo <dir> <files> <kb-per-file> [templates|mixed] [seed]
        // generate template <file.json|file.yaml> <resources> [seed]
        // generate sized <file.json|file.yaml> <kb> [seed]
        public static int Run(string[] args)
        {
            if (args.Length < 3) return Usage();
            switch (args[0])
            {
                case "repo":
                {
                    string dir = args[1];
                    int files = Int(args[2]);
                    double kb = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 4;
                    bool templatesOnly = args.Length > 4 && args[4] == "templates";
                    int seed = args.Length > 5 ? Int(args[5]) : 42;
                    Repository(dir, files, kb, templatesOnly, seed);
                    return 0;
                }
                case "template":
                {
                    var g = new Gen(args.Length > 3 ? Int(args[3]) : 42);
                    var template = g.Template(Int(args[2]), maxBytes: long.MaxValue, out _);
                    Write(args[1], template);
                    return 0;
                }
                case "sized":
                {
                    var g = new Gen(args.Length > 3 ? Int(args[3]) : 42);
                    long bytes = (long)(double.Parse(args[2], CultureInfo.InvariantCulture) * 1000);
                    Write(args[1], g.Template(int.MaxValue, bytes, out _));
                    return 0;
                }
                default: return Usage();
            }
        }

        private static int Usage()
        {
            Console.Error.WriteLine("usage: generate repo <dir> <files> <kb-per-file> [templates|mixed] [seed] | template <file> <resources> [seed] | sized <file> <kb> [seed]");
            return 2;
        }

        private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

        private static void Write(string path, object document)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            bool yaml = path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);
            File.WriteAllText(path, yaml ? Yaml.Write(document) : Json.Write(document, indent: true));
        }

        /// <summary>A folder tree of <paramref name="count"/> files of about <paramref name="kb"/> KB each.</summary>
        private static void Repository(string dir, int count, double kb, bool templatesOnly, int seed)
        {
            var g = new Gen(seed);
            long bytes = (long)(kb * 1000);
            for (int i = 0; i < count; i++)
            {
                // 100 files per folder, like services in a monorepo.
                string folder = Path.Combine(dir, "svc" + (i / 100).ToString("D3", CultureInfo.InvariantCulture), "s" + (i % 100).ToString("D2", CultureInfo.InvariantCulture));
                int pick = templatesOnly ? i % 2 : i % 6;
                switch (pick)
                {
                    case 0: Write(Path.Combine(folder, "stack.template.json"), g.Template(int.MaxValue, bytes, out _)); break;
                    case 1: Write(Path.Combine(folder, "stack.yaml"), g.Template(int.MaxValue, bytes, out _)); break;
                    case 2: Write(Path.Combine(folder, "repository-policy.json"), g.SizedPolicy(bytes)); break;
                    case 3: Write(Path.Combine(folder, "task-definition.json"), g.SizedTaskDefinition(bytes)); break;
                    case 4: Write(Path.Combine(folder, "lifecycle-policy.json"), g.Lifecycle(Math.Max(1, (int)(bytes / 250)))); break;
                    default: Write(Path.Combine(folder, "config.json"), g.Unrelated(bytes)); break;
                }
            }
        }

        /// <summary>An intrinsic function: long form in JSON, short tag in YAML.</summary>
        internal sealed class Fn
        {
            public Fn(string name, object argument) { Name = name; Argument = argument; }
            public string Name { get; }
            public object Argument { get; }
        }

        private sealed class Gen
        {
            private static readonly string[] PullActions = { "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability", "ecr:DescribeImages", "ecr:DescribeRepositories", "ecr:ListImages" };
            private static readonly string[] PushActions = { "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload" };
            private static readonly string[] TaskActions = { "s3:GetObject", "s3:PutObject", "sqs:SendMessage", "sqs:ReceiveMessage", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "kms:Decrypt", "secretsmanager:GetSecretValue", "ssm:GetParameters", "logs:CreateLogStream", "logs:PutLogEvents" };
            private static readonly string[] Words = { "parcel", "billing", "orders", "search", "auth", "gateway", "ledger", "notify", "catalog", "inventory", "reports", "media" };

            private readonly Random _random;
            private int _serial;

            public Gen(int seed) => _random = new Random(seed);

            private string Word() => Words[_random.Next(Words.Length)];
            private string Account() => (100000000000L + _random.Next(1, 999999) * 1000L).ToString(CultureInfo.InvariantCulture);
            private bool Chance(int percent) => _random.Next(100) < percent;

            public Dictionary<string, object> Template(int resources, long maxBytes, out int written)
            {
                var res = new Dictionary<string, object>();
                var template = new Dictionary<string, object>
                {
                    ["AWSTemplateFormatVersion"] = "2010-09-09",
                    ["Description"] = "Generated service stack for benchmarks",
                    ["Parameters"] = new Dictionary<string, object> { ["Environment"] = new Dictionary<string, object> { ["Type"] = "String", ["Default"] = "prod" } },
                    ["Resources"] = res,
                };
                long size = 400;
                written = 0;
                while (written < resources && size < maxBytes)
                {
                    string service = Word() + (++_serial).ToString(CultureInfo.InvariantCulture);
                    string cap = char.ToUpperInvariant(service[0]) + service.Substring(1);
                    var group = new List<(string, object)>
                    {
                        (cap + "Repository", Repository(service)),
                        (cap + "TaskRole", Role(service)),
                        (cap + "TaskDefinition", TaskDefinitionResource(service, cap)),
                        (cap + "Cluster", Cluster(service)),
                        (cap + "DeployPolicy", ManagedPolicy(service, cap)),
                    };
                    foreach (var (id, resource) in group)
                    {
                        if (written >= resources) break;
                        res[id] = resource;
                        written++;
                        size += Json.Write(resource, indent: true).Length + id.Length + 8;
                        if (size >= maxBytes) break;
                    }
                }
                return template;
            }

            private object Repository(string service)
            {
                var props = new Dictionary<string, object>
                {
                    ["RepositoryName"] = new Fn("Sub", "${Environment}/" + service),
                    ["ImageTagMutability"] = Chance(70) ? "IMMUTABLE" : "MUTABLE",
                    ["ImageScanningConfiguration"] = new Dictionary<string, object> { ["ScanOnPush"] = Chance(80) },
                    ["EncryptionConfiguration"] = new Dictionary<string, object> { ["EncryptionType"] = "KMS" },
                    ["RepositoryPolicyText"] = Policy(1 + _random.Next(2), repository: true),
                    ["LifecyclePolicy"] = new Dictionary<string, object> { ["LifecyclePolicyText"] = Json.Write(Lifecycle(2), indent: false) },
                    ["Tags"] = new List<object> { new Dictionary<string, object> { ["Key"] = "service", ["Value"] = service } },
                };
                return new Dictionary<string, object> { ["Type"] = "AWS::ECR::Repository", ["DeletionPolicy"] = "Retain", ["Properties"] = props };
            }

            public Dictionary<string, object> Policy(int statements, bool repository)
            {
                var list = new List<object>();
                for (int i = 0; i < statements; i++) list.Add(Statement(i, repository));
                return new Dictionary<string, object> { ["Version"] = "2012-10-17", ["Statement"] = list };
            }

            private object Statement(int i, bool repository)
            {
                var s = new Dictionary<string, object> { ["Sid"] = (repository ? "Pull" : "Access") + i.ToString(CultureInfo.InvariantCulture), ["Effect"] = "Allow" };
                if (repository)
                {
                    // About one policy in twenty is public: a real finding for the rules to report.
                    s["Principal"] = Chance(5) ? (object)"*" : new Dictionary<string, object> { ["AWS"] = new List<object> { "arn:aws:iam::" + Account() + ":root", "arn:aws:iam::" + Account() + ":role/deploy" } };
                    s["Action"] = (i % 2 == 0 ? PullActions : PushActions).Cast<object>().ToList();
                    if (Chance(30)) s["Condition"] = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:PrincipalOrgID"] = "o-" + _random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture) } };
                }
                else
                {
                    var actions = TaskActions.OrderBy(_ => _random.Next()).Take(2 + _random.Next(4)).Cast<object>().ToList();
                    if (Chance(3)) actions.Add("ecr:GetImage"); // an unknown action
                    s["Action"] = actions;
                    s["Resource"] = new List<object> { "arn:aws:s3:::" + Word() + "-bucket/*", "arn:aws:sqs:eu-west-1:" + Account() + ":" + Word() };
                }
                return s;
            }

            public Dictionary<string, object> Lifecycle(int rules)
            {
                var list = new List<object>();
                for (int i = 0; i < rules; i++)
                {
                    list.Add(new Dictionary<string, object>
                    {
                        ["rulePriority"] = i + 1,
                        ["description"] = "Keep the last images of " + Word(),
                        ["selection"] = i == rules - 1
                            ? new Dictionary<string, object> { ["tagStatus"] = "any", ["countType"] = "imageCountMoreThan", ["countNumber"] = 50 }
                            : new Dictionary<string, object> { ["tagStatus"] = "tagged", ["tagPrefixList"] = new List<object> { "release-" + i.ToString(CultureInfo.InvariantCulture) }, ["countType"] = "imageCountMoreThan", ["countNumber"] = 20 },
                        ["action"] = new Dictionary<string, object> { ["type"] = "expire" },
                    });
                }
                return new Dictionary<string, object> { ["rules"] = list };
            }

            private object Role(string service)
            {
                var props = new Dictionary<string, object>
                {
                    ["AssumeRolePolicyDocument"] = new Dictionary<string, object>
                    {
                        ["Version"] = "2012-10-17",
                        ["Statement"] = new List<object> { new Dictionary<string, object> { ["Effect"] = "Allow", ["Principal"] = new Dictionary<string, object> { ["Service"] = "ecs-tasks.amazonaws.com" }, ["Action"] = "sts:AssumeRole" } },
                    },
                    ["Policies"] = new List<object> { new Dictionary<string, object> { ["PolicyName"] = service + "-access", ["PolicyDocument"] = Policy(1 + _random.Next(3), repository: false) } },
                };
                return new Dictionary<string, object> { ["Type"] = "AWS::IAM::Role", ["Properties"] = props };
            }

            private object TaskDefinitionResource(string service, string cap)
            {
                var containers = new List<object>();
                int count = 1;
                for (int c = 0; c < count; c++)
                {
                    containers.Add(new Dictionary<string, object>
                    {
                        ["Name"] = c == 0 ? service : service + "-sidecar",
                        ["Image"] = new Fn("Sub", "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/${Environment}/" + service + ":1." + _random.Next(100).ToString(CultureInfo.InvariantCulture)),
                        ["Essential"] = c == 0,
                        ["PortMappings"] = new List<object> { new Dictionary<string, object> { ["ContainerPort"] = 8080 + c, ["Protocol"] = "tcp" } },
                        ["Environment"] = Enumerable.Range(0, 3).Select(k => (object)new Dictionary<string, object> { ["Name"] = "SETTING_" + k.ToString(CultureInfo.InvariantCulture), ["Value"] = Word() + "-" + k.ToString(CultureInfo.InvariantCulture) }).ToList(),
                        ["Secrets"] = Enumerable.Range(0, 1).Select(k => (object)new Dictionary<string, object> { ["Name"] = "SECRET_" + k.ToString(CultureInfo.InvariantCulture), ["ValueFrom"] = new Fn("Sub", "arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:" + service + "/s" + k.ToString(CultureInfo.InvariantCulture)) }).ToList(),
                        ["LogConfiguration"] = new Dictionary<string, object> { ["LogDriver"] = "awslogs", ["Options"] = new Dictionary<string, object> { ["awslogs-group"] = "/ecs/" + service, ["awslogs-region"] = new Fn("Ref", "AWS::Region"), ["awslogs-stream-prefix"] = service } },
                    });
                }
                var props = new Dictionary<string, object>
                {
                    ["Family"] = service,
                    ["Cpu"] = "512",
                    ["Memory"] = "1024",
                    ["NetworkMode"] = "awsvpc",
                    ["RequiresCompatibilities"] = new List<object> { "FARGATE" },
                    ["TaskRoleArn"] = new Fn("GetAtt", cap + "TaskRole.Arn"),
                    ["ExecutionRoleArn"] = new Fn("GetAtt", cap + "TaskRole.Arn"),
                    ["ContainerDefinitions"] = containers,
                };
                return new Dictionary<string, object> { ["Type"] = "AWS::ECS::TaskDefinition", ["Properties"] = props };
            }

            private object Cluster(string service)
                => new Dictionary<string, object>
                {
                    ["Type"] = "AWS::ECS::Cluster",
                    ["Properties"] = new Dictionary<string, object>
                    {
                        ["ClusterName"] = new Fn("Sub", "${Environment}-" + service),
                        ["ClusterSettings"] = new List<object> { new Dictionary<string, object> { ["Name"] = "containerInsights", ["Value"] = Chance(70) ? "enabled" : "disabled" } },
                    },
                };

            private object ManagedPolicy(string service, string cap)
                => new Dictionary<string, object>
                {
                    ["Type"] = "AWS::IAM::ManagedPolicy",
                    ["Properties"] = new Dictionary<string, object>
                    {
                        ["Description"] = "Deploys " + service,
                        ["Roles"] = new List<object> { new Fn("Ref", cap + "TaskRole") },
                        ["PolicyDocument"] = new Dictionary<string, object>
                        {
                            ["Version"] = "2012-10-17",
                            ["Statement"] = new List<object>
                            {
                                new Dictionary<string, object> { ["Effect"] = "Allow", ["Action"] = PushActions.Cast<object>().ToList(), ["Resource"] = new Fn("GetAtt", cap + "Repository.Arn") },
                                new Dictionary<string, object> { ["Effect"] = "Allow", ["Action"] = "ecr:GetAuthorizationToken", ["Resource"] = "*" },
                            },
                        },
                    },
                };

            public object SizedPolicy(long bytes)
            {
                int statements = Math.Max(1, (int)(bytes / 450));
                return Policy(statements, repository: true);
            }

            public object SizedTaskDefinition(long bytes)
            {
                string service = Word() + (++_serial).ToString(CultureInfo.InvariantCulture);
                int env = Math.Max(1, (int)((bytes - 900) / 60));
                return new Dictionary<string, object>
                {
                    ["family"] = service,
                    ["taskRoleArn"] = "arn:aws:iam::" + Account() + ":role/" + service + "-task",
                    ["executionRoleArn"] = "arn:aws:iam::" + Account() + ":role/" + service + "-execution",
                    ["networkMode"] = "awsvpc",
                    ["requiresCompatibilities"] = new List<object> { "FARGATE" },
                    ["cpu"] = "512",
                    ["memory"] = "1024",
                    ["containerDefinitions"] = new List<object>
                    {
                        new Dictionary<string, object>
                        {
                            ["name"] = service,
                            ["image"] = Account() + ".dkr.ecr.eu-west-1.amazonaws.com/" + service + ":1.0." + _random.Next(100).ToString(CultureInfo.InvariantCulture),
                            ["essential"] = true,
                            ["portMappings"] = new List<object> { new Dictionary<string, object> { ["containerPort"] = 8080, ["protocol"] = "tcp" } },
                            ["environment"] = Enumerable.Range(0, env).Select(k => (object)new Dictionary<string, object> { ["name"] = "SETTING_" + k.ToString(CultureInfo.InvariantCulture), ["value"] = Word() }).ToList(),
                            ["secrets"] = new List<object> { new Dictionary<string, object> { ["name"] = "DB_PASSWORD", ["valueFrom"] = "arn:aws:secretsmanager:eu-west-1:" + Account() + ":secret:" + service + "/db" } },
                        },
                    },
                };
            }

            public object Unrelated(long bytes)
            {
                var deps = new Dictionary<string, object>();
                int n = Math.Max(1, (int)(bytes / 30));
                for (int i = 0; i < n; i++) deps["package-" + i.ToString(CultureInfo.InvariantCulture)] = "^1." + i.ToString(CultureInfo.InvariantCulture) + ".0";
                return new Dictionary<string, object> { ["name"] = "app", ["version"] = "1.0.0", ["dependencies"] = deps };
            }
        }

        internal static class Json
        {
            public static string Write(object value, bool indent)
            {
                var sb = new StringBuilder();
                Emit(sb, value, indent, 0);
                if (indent) sb.Append('\n');
                return sb.ToString();
            }

            private static void Emit(StringBuilder sb, object value, bool indent, int depth)
            {
                switch (value)
                {
                    case Fn fn:
                        string key = fn.Name == "Ref" ? "Ref" : "Fn::" + fn.Name;
                        object arg = fn.Name == "GetAtt" && fn.Argument is string s ? new List<object> { s.Substring(0, s.IndexOf('.')), s.Substring(s.IndexOf('.') + 1) } : fn.Argument;
                        Emit(sb, new Dictionary<string, object> { [key] = arg }, indent, depth);
                        break;
                    case Dictionary<string, object> map:
                        sb.Append('{');
                        bool first = true;
                        foreach (var pair in map)
                        {
                            if (!first) sb.Append(',');
                            first = false;
                            Newline(sb, indent, depth + 1);
                            Str(sb, pair.Key);
                            sb.Append(indent ? ": " : ":");
                            Emit(sb, pair.Value, indent, depth + 1);
                        }
                        if (map.Count > 0) Newline(sb, indent, depth);
                        sb.Append('}');
                        break;
                    case List<object> list:
                        sb.Append('[');
                        for (int i = 0; i < list.Count; i++)
                        {
                            if (i > 0) sb.Append(',');
                            Newline(sb, indent, depth + 1);
                            Emit(sb, list[i], indent, depth + 1);
                        }
                        if (list.Count > 0) Newline(sb, indent, depth);
                        sb.Append(']');
                        break;
                    case string text: Str(sb, text); break;
                    case bool b: sb.Append(b ? "true" : "false"); break;
                    case int n: sb.Append(n.ToString(CultureInfo.InvariantCulture)); break;
                    default: throw new ArgumentException(value.GetType().Name);
                }
            }

            private static void Newline(StringBuilder sb, bool indent, int depth)
            {
                if (!indent) return;
                sb.Append('\n');
                sb.Append(' ', depth);
            }

            private static void Str(StringBuilder sb, string text)
            {
                sb.Append('"');
                foreach (char c in text)
                {
                    if (c == '"' || c == '\\') sb.Append('\\').Append(c);
                    else if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                }
                sb.Append('"');
            }
        }

        internal static class Yaml
        {
            public static string Write(object value)
            {
                var sb = new StringBuilder();
                Block(sb, value, 0);
                return sb.ToString();
            }

            // Writes a value that starts on a fresh line at the given indentation.
            private static void Block(StringBuilder sb, object value, int indent)
            {
                switch (value)
                {
                    case Dictionary<string, object> map when map.Count > 0:
                        foreach (var pair in map)
                        {
                            sb.Append(' ', indent).Append(Key(pair.Key)).Append(':');
                            After(sb, pair.Value, indent);
                        }
                        break;
                    case List<object> list when list.Count > 0:
                        foreach (var item in list)
                        {
                            sb.Append(' ', indent).Append('-');
                            if (item is Dictionary<string, object> m && m.Count > 0)
                            {
                                // "- key: value" then the other keys indented under it.
                                bool first = true;
                                foreach (var pair in m)
                                {
                                    if (first) sb.Append(' ');
                                    else sb.Append(' ', indent + 2);
                                    first = false;
                                    sb.Append(Key(pair.Key)).Append(':');
                                    After(sb, pair.Value, indent + 2);
                                }
                            }
                            else
                            {
                                After(sb, item, indent);
                            }
                        }
                        break;
                    default:
                        sb.Append(' ', indent).Append(Inline(value)).Append('\n');
                        break;
                }
            }

            // Writes what follows "key:" or "-".
            private static void After(StringBuilder sb, object value, int indent)
            {
                if (value is Dictionary<string, object> m && m.Count > 0) { sb.Append('\n'); Block(sb, value, indent + 2); }
                else if (value is List<object> l && l.Count > 0) { sb.Append('\n'); Block(sb, value, indent + 2); }
                else if (value is Fn fn && (fn.Argument is Dictionary<string, object> || fn.Argument is List<object>)) { sb.Append(" !").Append(fn.Name).Append('\n'); Block(sb, fn.Argument, indent + 2); }
                else sb.Append(' ').Append(Inline(value)).Append('\n');
            }

            private static string Inline(object value)
            {
                switch (value)
                {
                    case Fn fn: return "!" + fn.Name + " " + Inline(fn.Argument);
                    case string s: return Scalar(s);
                    case bool b: return b ? "true" : "false";
                    case int n: return n.ToString(CultureInfo.InvariantCulture);
                    case Dictionary<string, object> _: return "{}";
                    case List<object> _: return "[]";
                    default: throw new ArgumentException(value.GetType().Name);
                }
            }

            private static string Key(string key) => Scalar(key);

            private static string Scalar(string s)
            {
                bool plain = s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '/') && s.All(c => char.IsLetterOrDigit(c) || "-_./:@".IndexOf(c) >= 0)
                    && !s.Contains(": ", StringComparison.Ordinal) && !s.EndsWith(':')
                    && s != "true" && s != "false" && s != "null" && s != "yes" && s != "no" && s != "on" && s != "off";
                return plain ? s : "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
            }
        }
    }
}
