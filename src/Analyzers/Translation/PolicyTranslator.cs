using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Analyzers.Cdk;
using Shipshape.Model;

namespace Shipshape.Analyzers.Translation
{
    /// <summary>
    /// Translates CDK IAM constructs into the policy grammar the engine's rules read:
    /// <c>PolicyStatement</c>/<c>PolicyStatementProps</c> into a statement (<c>Action</c>, <c>Principal</c>,
    /// <c>Resource</c>…), principals into <c>{"AWS": …}</c>/<c>{"Service": …}</c>, repository grants into the
    /// statement CDK adds to the repository policy. Every node points at the C# that produced it.
    /// </summary>
    internal sealed class PolicyTranslator
    {
        public const string PolicyVersion = "2012-10-17";

        /// <summary><c>RepositoryBase.GrantPull</c>'s resource-policy actions (CDK 2.x).</summary>
        public static readonly string[] PullActions = { "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage" };

        /// <summary><c>RepositoryBase.GrantPush</c>'s actions (CDK 2.x).</summary>
        public static readonly string[] PushActions = { "ecr:CompleteLayerUpload", "ecr:UploadLayerPart", "ecr:InitiateLayerUpload", "ecr:BatchCheckLayerAvailability", "ecr:PutImage" };

        private readonly CdkTypes _cdk;
        private readonly CSharpDocument _doc;

        public PolicyTranslator(CdkTypes cdk, CSharpDocument document)
        {
            _cdk = cdk;
            _doc = document;
        }

        public CSharpDocument Document => _doc;

        /// <summary>A policy document <c>{"Version": …, "Statement": [statement]}</c> spanning <paramref name="at"/>.</summary>
        public MappingNode SingleStatementDocument(SyntaxNode at, MappingNode statement)
        {
            var entries = new List<MappingEntry>
            {
                new MappingEntry(_doc.Synthetic("Version", at), _doc.Synthetic(PolicyVersion, at)),
                new MappingEntry(_doc.Synthetic("Statement", at), statement),
            };
            return _doc.Mapping(at, entries);
        }

        /// <summary>
        /// The document <c>new PolicyDocument(new PolicyDocumentProps { Statements = new[] { … } })</c> builds (inline or a local
        /// never changed), as <c>{"Version": …, "Statement": [...]}</c>; statements we cannot read are unknown. Null when unknown.
        /// </summary>
        public MappingNode? PolicyDocument(IOperation expression)
        {
            var fromJson = FromJson(expression, _cdk.PolicyDocument);
            if (fromJson != null) return JsonDocument(fromJson);
            var document = ValueReader.Object(expression, _cdk.PolicyDocument, allowArguments: true);
            if (document == null || document.Members.Count > 0) return null;
            var creation = document.Creation;
            var statements = new List<Node>();
            if (creation.Arguments.Length > 0 && creation.Arguments[0].ArgumentKind != ArgumentKind.DefaultValue && !ValueReader.IsNull(creation.Arguments[0].Value))
            {
                var props = ValueReader.Object(creation.Arguments[0].Value, _cdk.PolicyDocumentProps);
                if (props == null) return null;
                var list = props.Get("Statements");
                if (list != null && !ValueReader.IsNull(list.Value))
                {
                    var items = ValueReader.ListItems(list.Value);
                    if (items == null) return null;
                    foreach (var item in items) statements.Add((Node?)Statement(item) ?? _doc.Unknown(item.Syntax));
                }
            }
            var at = creation.Syntax;
            var entries = new List<MappingEntry>
            {
                new MappingEntry(_doc.Synthetic("Version", at), _doc.Synthetic(PolicyVersion, at)),
                new MappingEntry(_doc.Synthetic("Statement", at), _doc.Sequence(at, statements)),
            };
            return _doc.Mapping(at, entries);
        }

        /// <summary>
        /// The statement built by <c>new PolicyStatement(new PolicyStatementProps { … })</c> (inline, or a local never
        /// changed afterwards); null when it is built elsewhere or changed later.
        /// </summary>
        public MappingNode? Statement(IOperation expression)
        {
            var fromJson = FromJson(expression, _cdk.PolicyStatement);
            if (fromJson != null) return JsonStatement(fromJson);
            var op = ValueReader.Unwrap(expression);
            if (!(op is IObjectCreationOperation))
            {
                var resolved = ValueReader.ResolveLocal(op, immutable: false);
                if (resolved == null) return null;
                op = ValueReader.Unwrap(resolved);
            }
            if (!(op is IObjectCreationOperation creation) || !CdkTypes.Is(creation.Type, _cdk.PolicyStatement)) return null;
            return Statement(creation);
        }

        /// <summary><c>T.FromJson(…)</c> of <paramref name="type"/> (<c>PolicyDocument</c>, <c>PolicyStatement</c>), inline or in a local never changed; else null.</summary>
        public static IInvocationOperation? FromJson(IOperation expression, INamedTypeSymbol? type)
        {
            var op = ValueReader.Unwrap(expression);
            if (op is ILocalReferenceOperation && ValueReader.ResolveLocal(op, immutable: false) is IOperation resolved) op = ValueReader.Unwrap(resolved);
            return op is IInvocationOperation invocation && IsFromJson(invocation, type) ? invocation : null;
        }

        public static bool IsFromJson(IInvocationOperation invocation, INamedTypeSymbol? type)
            => type != null && invocation.TargetMethod.Name == "FromJson" && invocation.TargetMethod.IsStatic && invocation.Arguments.Length == 1
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, type);

        /// <summary>
        /// CDK's <c>PolicyDocument.fromJson</c> over a C# literal: the statements of <c>Statement</c> (which must be a list), under
        /// version 2012-10-17 whatever the literal says (CDK writes the version itself); null when the literal is unknown.
        /// </summary>
        public MappingNode? JsonDocument(IInvocationOperation fromJson)
        {
            if (!(new JsonLiteralTranslator(_doc).Value(fromJson.Arguments[0].Value) is MappingNode json) || !(json.Get("Statement") is SequenceNode list)) return null;
            var statements = new List<Node>(list.Items.Count);
            foreach (var item in list.Items) statements.Add(item is MappingNode statement && !statement.IsUnknown ? JsonStatement(statement) : item);
            var at = fromJson.Syntax;
            return _doc.Mapping(json.Span, new[]
            {
                new MappingEntry(_doc.Synthetic("Version", at), _doc.Synthetic(PolicyVersion, at)),
                new MappingEntry(_doc.Synthetic("Statement", list.Span), _doc.Sequence(list.Span, statements)),
            });
        }

        /// <summary>CDK's <c>PolicyStatement.fromJson</c> over a C# literal; null when the literal is unknown.</summary>
        public MappingNode? JsonStatement(IInvocationOperation fromJson)
            => new JsonLiteralTranslator(_doc).Value(fromJson.Arguments[0].Value) is MappingNode json ? JsonStatement(json) : null;

        /// <summary>The statement as written, an absent or null <c>Effect</c> being <c>Allow</c> (CDK's default).</summary>
        private MappingNode JsonStatement(MappingNode json)
        {
            var effect = json.GetEntry("Effect");
            bool absent = effect == null || (effect.Value is ScalarNode scalar && scalar.Kind == ScalarKind.Null);
            if (!absent) return json;
            var entries = new List<MappingEntry>(json.Entries.Count + 1) { new MappingEntry(_doc.Synthetic("Effect", json.Span), _doc.Synthetic("Allow", json.Span)) };
            foreach (var entry in json.Entries)
                if (entry.Name != "Effect") entries.Add(entry);
            return _doc.Mapping(json.Span, entries);
        }

        public MappingNode? Statement(IObjectCreationOperation creation)
        {
            if (creation.Arguments.Length == 0) return _doc.Mapping(creation.Syntax, new MappingEntry[0]);
            var props = creation.Arguments[0].Value;
            if (creation.Arguments[0].ArgumentKind == ArgumentKind.DefaultValue || ValueReader.IsNull(props))
                return _doc.Mapping(creation.Syntax, new MappingEntry[0]);
            var obj = ValueReader.Object(props, _cdk.PolicyStatementProps);
            return obj == null ? null : StatementFromProps(obj);
        }

        private MappingNode StatementFromProps(ObjectValue props)
        {
            var entries = new List<MappingEntry>();
            foreach (var member in props.Members)
            {
                switch (member.Name)
                {
                    case "Sid":
                        entries.Add(Entry("Sid", member, Value(member.Value)));
                        break;
                    case "Effect":
                        string? effect = ValueReader.EnumMember(member.Value, _cdk.Effect);
                        Node effectNode = effect == "ALLOW" ? _doc.Synthetic("Allow", member.Value.Syntax)
                            : effect == "DENY" ? _doc.Synthetic("Deny", member.Value.Syntax)
                            : (Node)_doc.Unknown(member.Value.Syntax);
                        entries.Add(Entry("Effect", member, effectNode));
                        break;
                    case "Actions":
                        entries.Add(Entry("Action", member, Strings(member.Value)));
                        break;
                    case "NotActions":
                        entries.Add(Entry("NotAction", member, Strings(member.Value)));
                        break;
                    case "Resources":
                        entries.Add(Entry("Resource", member, Strings(member.Value)));
                        break;
                    case "NotResources":
                        entries.Add(Entry("NotResource", member, Strings(member.Value)));
                        break;
                    case "Principals":
                        entries.Add(Entry("Principal", member, Principals(member.Value)));
                        break;
                    case "NotPrincipals":
                        entries.Add(Entry("NotPrincipal", member, Principals(member.Value)));
                        break;
                    case "Conditions":
                        // Conditions narrow a statement; we do not model their dictionaries, so they are unknown (never "public").
                        if (!ValueReader.IsNull(member.Value)) entries.Add(Entry("Condition", member, _doc.Unknown(member.Value.Syntax)));
                        break;
                }
            }
            if (!entries.Exists(e => e.Name == "Effect"))
            {
                // CDK's default effect is Allow.
                var at = props.Creation.Syntax;
                entries.Insert(0, new MappingEntry(_doc.Synthetic("Effect", at), _doc.Synthetic("Allow", at)));
            }
            return _doc.Mapping(props.Creation.Syntax, entries);
        }

        private MappingEntry Entry(string name, InitializerMember member, Node value) => new MappingEntry(_doc.Synthetic(name, member.NameSyntax), value);

        /// <summary>A constant as a scalar at the expression, anything else unknown.</summary>
        public Node Value(IOperation value)
            => ValueReader.TryConstant(value, out object? constant) ? _doc.Scalar(constant, value.Syntax) : _doc.Unknown(value.Syntax);

        /// <summary>A list of strings (<c>string[]</c>) as a sequence of scalars and unknowns; unknown when the list is.</summary>
        public Node Strings(IOperation value)
        {
            var items = ValueReader.ListItems(value);
            if (items == null) return _doc.Unknown(value.Syntax);
            var nodes = new List<Node>(items.Count);
            foreach (var item in items) nodes.Add(Value(item));
            return _doc.Sequence(value.Syntax, nodes);
        }

        /// <summary>The statement an invocation such as <c>statement.AddActions("ecr:…")</c> contributes: <c>{ element: [strings] }</c>.</summary>
        public MappingNode StringsStatement(string element, IInvocationOperation invocation, SyntaxNode nameSyntax)
        {
            var nodes = new List<Node>();
            foreach (var argument in invocation.Arguments)
            {
                var items = ValueReader.ArgumentValues(argument);
                if (items == null) continue;
                foreach (var item in items) nodes.Add(Value(item));
            }
            Node value = _doc.Sequence(invocation.Syntax, nodes);
            if (element == "AWS" || element == "Service")
            {
                var principal = _doc.Mapping(invocation.Syntax, new[] { new MappingEntry(_doc.Synthetic(element, nameSyntax), value) });
                return _doc.Mapping(invocation.Syntax, new[] { new MappingEntry(_doc.Synthetic("Principal", nameSyntax), (Node)principal) });
            }
            return _doc.Mapping(invocation.Syntax, new[] { new MappingEntry(_doc.Synthetic(element, nameSyntax), value) });
        }

        /// <summary><c>IPrincipal[]</c> as <c>{"AWS": […], "Service": […]}</c>; principals we cannot read become unknown AWS entries.</summary>
        public Node Principals(IOperation value)
        {
            var items = ValueReader.ListItems(value);
            if (items == null) return _doc.Unknown(value.Syntax);
            var aws = new List<Node>();
            var service = new List<Node>();
            foreach (var item in items) AddPrincipal(item, aws, service, depth: 0);
            return PrincipalMapping(value.Syntax, aws, service);
        }

        /// <summary>One principal expression as a <c>Principal</c> mapping, or null when it is not a principal whose value we know the shape of.</summary>
        public MappingNode? Principal(IOperation value)
        {
            var aws = new List<Node>();
            var service = new List<Node>();
            if (!AddPrincipal(value, aws, service, depth: 0)) return null;
            return PrincipalMapping(value.Syntax, aws, service);
        }

        private MappingNode PrincipalMapping(SyntaxNode at, List<Node> aws, List<Node> service)
        {
            var entries = new List<MappingEntry>();
            if (aws.Count > 0) entries.Add(new MappingEntry(_doc.Synthetic("AWS", at), aws.Count == 1 ? aws[0] : _doc.Sequence(at, aws)));
            if (service.Count > 0) entries.Add(new MappingEntry(_doc.Synthetic("Service", at), service.Count == 1 ? service[0] : _doc.Sequence(at, service)));
            return _doc.Mapping(at, entries);
        }

        /// <summary>Adds what a principal expression renders to; false when it is not a principal created right here (then an unknown is added).</summary>
        private bool AddPrincipal(IOperation expression, List<Node> aws, List<Node> service, int depth)
        {
            var op = ValueReader.Unwrap(expression);
            if (!(op is IObjectCreationOperation creation) || depth > 8)
            {
                aws.Add(_doc.Unknown(expression.Syntax));
                return false;
            }
            var type = creation.Type;
            var args = creation.Arguments;
            // Most derived first: AccountRootPrincipal and AnyPrincipal derive from the ArnPrincipal family.
            if (IsExactly(type, _cdk.AnyPrincipal) || IsExactly(type, _cdk.StarPrincipal))
            {
                aws.Add(_doc.Synthetic("*", creation.Syntax));
                return true;
            }
            if (IsExactly(type, _cdk.ArnPrincipal) || IsExactly(type, _cdk.AccountPrincipal))
            {
                aws.Add(args.Length > 0 && ValueReader.TryString(args[0].Value, out _) ? Value(args[0].Value) : _doc.Unknown(creation.Syntax));
                return true;
            }
            if (IsExactly(type, _cdk.ServicePrincipal))
            {
                // CDK expands short service names ("lambda") itself: only full DNS names are checked as written.
                if (args.Length > 0 && ValueReader.TryString(args[0].Value, out string name) && name.IndexOf('.') >= 0) service.Add(Value(args[0].Value));
                else service.Add(_doc.Unknown(creation.Syntax));
                return true;
            }
            if (IsExactly(type, _cdk.CompositePrincipal))
            {
                bool all = true;
                foreach (var argument in args)
                {
                    var items = ValueReader.ArgumentValues(argument);
                    if (items == null) { aws.Add(_doc.Unknown(argument.Syntax)); all = false; continue; }
                    foreach (var item in items) all &= AddPrincipal(item, aws, service, depth + 1);
                }
                return all;
            }
            aws.Add(_doc.Unknown(expression.Syntax));
            return false;
        }

        /// <summary>
        /// The statement CDK adds to a repository's resource policy for <c>GrantPull</c>/<c>GrantPush</c>/<c>GrantPullPush</c>/<c>Grant</c>
        /// to a principal that has no policy of its own (account, ARN, anyone); null for other grantees (their grant goes to their own policy).
        /// </summary>
        public MappingNode? GrantStatement(IInvocationOperation invocation, SyntaxNode methodName)
        {
            if (invocation.Arguments.Length == 0) return null;
            var principal = Principal(invocation.Arguments[0].Value);
            if (principal == null) return null;
            var actions = new List<Node>();
            void Add(IEnumerable<string> names)
            {
                foreach (string name in names) actions.Add(_doc.Synthetic(name, methodName));
            }
            switch (invocation.TargetMethod.Name)
            {
                case "GrantPull": Add(PullActions); break;
                case "GrantPush": Add(PushActions); break;
                case "GrantPullPush": Add(PullActions); Add(PushActions); break;
                case "Grant":
                    for (int i = 1; i < invocation.Arguments.Length; i++)
                    {
                        var argument = invocation.Arguments[i];
                        var items = ValueReader.ArgumentValues(argument);
                        if (items == null) return null;
                        foreach (var item in items) actions.Add(Value(item));
                    }
                    break;
                default: return null;
            }
            var entries = new List<MappingEntry>
            {
                new MappingEntry(_doc.Synthetic("Effect", methodName), _doc.Synthetic("Allow", methodName)),
                new MappingEntry(_doc.Synthetic("Principal", invocation.Arguments[0].Value.Syntax), principal),
                new MappingEntry(_doc.Synthetic("Action", methodName), _doc.Sequence(methodName, actions)),
            };
            return _doc.Mapping(invocation.Syntax, entries);
        }

        private static bool IsExactly(ITypeSymbol? type, INamedTypeSymbol? expected)
            => expected != null && SymbolEqualityComparer.Default.Equals(type, expected);

        /// <summary>The name of the invoked member as written (<c>GrantPull</c> in <c>repo.GrantPull(…)</c>), for findings about the call.</summary>
        public static SyntaxNode MethodName(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax call)
            {
                if (call.Expression is MemberAccessExpressionSyntax access) return access.Name;
                return call.Expression;
            }
            return invocation.Syntax;
        }
    }
}
