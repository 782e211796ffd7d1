using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Shipshape.Analyzers.Cdk;
using Shipshape.Ecs;
using Shipshape.Model;

namespace Shipshape.Analyzers.Translation
{
    /// <summary>
    /// Translates ECS containers into <see cref="EcsTaskDefinition"/> subjects in CloudFormation's names, the way CDK
    /// synthesises them: an L2 container (<c>task.AddContainer(id, new ContainerDefinitionOptions { … })</c>,
    /// <c>new ContainerDefinition(scope, id, new ContainerDefinitionProps { … })</c>) becomes a task definition with that one
    /// container (<c>Name</c>, <c>Image</c> from <c>ContainerImage.FromRegistry</c>, <c>Environment</c> and <c>Secrets</c> from
    /// their dictionaries) and an execution role, since CDK creates one whenever a container needs it; an L1
    /// <c>new CfnTaskDefinition(…)</c> maps member by member. Every node points at the C# that produced it.
    /// </summary>
    internal sealed class TaskDefinitionTranslator
    {
        private readonly CdkTypes _cdk;
        private readonly CSharpDocument _doc;
        private readonly List<TextSpan> _reportedElsewhere = new List<TextSpan>();
        private readonly Dictionary<int, string> _environmentLiterals = new Dictionary<int, string>();

        public TaskDefinitionTranslator(CdkTypes cdk, CSharpDocument document)
        {
            _cdk = cdk;
            _doc = document;
        }

        /// <summary>
        /// Initializers of locals that several containers share (<c>var common = new Dictionary&lt;string, string&gt; { … }</c>)
        /// read here through a later use: the container that uses them first reports what is inside, so each finding shows once.
        /// </summary>
        public IReadOnlyList<TextSpan> ReportedElsewhere => _reportedElsewhere;

        /// <summary>
        /// The start of each string literal that is an L2 <c>Environment</c> value written inline in the container's own
        /// options, with its variable name: where a finding can be fixed by moving the entry to <c>Secrets</c>.
        /// </summary>
        public IReadOnlyDictionary<int, string> EnvironmentLiterals => _environmentLiterals;

        /// <summary>The task definition holding the container <c>task.AddContainer(id, options)</c> adds, or null when the options are unknown.</summary>
        public EcsTaskDefinition? AddContainer(IInvocationOperation invocation)
        {
            if (invocation.Arguments.Length < 2) return null;
            var id = Argument(invocation.Arguments, "id", 0);
            var options = Argument(invocation.Arguments, "props", 1);
            if (options == null) return null;
            return L2(options, id, PolicyTranslator.MethodName(invocation));
        }

        /// <summary>The task definition holding the container <c>new ContainerDefinition(scope, id, props)</c> adds, or null when the props are unknown.</summary>
        public EcsTaskDefinition? ContainerDefinition(IObjectCreationOperation creation)
        {
            if (creation.Arguments.Length < 3) return null;
            var id = Argument(creation.Arguments, "id", 1);
            var props = Argument(creation.Arguments, "props", 2);
            if (props == null) return null;
            return L2(props, id, AnchorSyntax(creation));
        }

        /// <summary>
        /// The variable <c>container.AddEnvironment(name, value)</c> adds, as a task definition with one container holding only that
        /// variable (enough for the rules about one value; duplicates need the whole container).
        /// </summary>
        public EcsTaskDefinition? AddEnvironment(IInvocationOperation invocation)
        {
            var name = Argument(invocation.Arguments, "name", 0);
            var value = Argument(invocation.Arguments, "value", 1);
            if (name == null || value == null) return null;
            var anchor = PolicyTranslator.MethodName(invocation);
            var entry = _doc.Mapping(invocation.Syntax, new[] { Entry("Name", name.Syntax, Value(name)), Entry("Value", value.Syntax, Value(value)) });
            var container = _doc.Mapping(invocation.Syntax, new[] { Entry("Environment", anchor, _doc.Sequence(invocation.Syntax, new Node[] { entry })) });
            var root = new List<MappingEntry>
            {
                Entry("ExecutionRoleArn", anchor, _doc.Unknown(anchor)),
                Entry("ContainerDefinitions", anchor, _doc.Sequence(invocation.Syntax, new Node[] { container })),
            };
            return new EcsTaskDefinition(_doc.Mapping(anchor, root), cloudFormationNames: true, _doc.Span(anchor));
        }

        /// <summary>The task definition an L1 <c>new CfnTaskDefinition(…)</c> declares, or null when its properties may change later or are unknown.</summary>
        public EcsTaskDefinition? CfnTaskDefinition(IObjectCreationOperation creation)
        {
            if (!RepositoryTranslator.IsFinalL1(creation)) return null;
            var anchor = AnchorSpan(creation);
            MappingNode properties;
            var props = creation.Arguments.Length >= 3 ? creation.Arguments[2].Value : null;
            if (props != null && creation.Arguments[2].ArgumentKind != ArgumentKind.DefaultValue && !ValueReader.IsNull(props))
            {
                var obj = ValueReader.Object(props, _cdk.CfnTaskDefinitionProps);
                if (obj == null) return null;
                properties = CloudFormationTranslator.Mapping(_doc, obj);
            }
            else
            {
                properties = _doc.Mapping(anchor, new MappingEntry[0]);
            }
            return new EcsTaskDefinition(properties, cloudFormationNames: true, anchor, ConstructId(creation.Arguments));
        }

        private EcsTaskDefinition? L2(IOperation options, IOperation? id, SyntaxNode anchor)
        {
            var props = Shared(options, value => ValueReader.Object(value, null));
            // Options of another type (a user's own IContainerDefinitionOptions) may compute anything: unknown.
            if (props == null || !(CdkTypes.Is(props.Type, _cdk.ContainerDefinitionOptions) || CdkTypes.Is(props.Type, _cdk.ContainerDefinitionProps))) return null;
            var container = new List<MappingEntry>();
            var nameMember = props.Get("ContainerName");
            if (nameMember != null && !ValueReader.IsNull(nameMember.Value))
                container.Add(Entry("Name", nameMember.NameSyntax, Value(nameMember.Value)));
            else if (id != null && ValueReader.TryString(id, out _))
                // CDK names the container after its construct ID.
                container.Add(Entry("Name", id.Syntax, Value(id)));

            var image = props.Get("Image");
            if (image != null) container.Add(Entry("Image", image.NameSyntax, Image(image.Value)));

            var environment = props.Get("Environment");
            if (environment != null && !ValueReader.IsNull(environment.Value))
            {
                bool inline = ValueReader.Unwrap(environment.Value) is IObjectCreationOperation && ValueReader.Unwrap(options) is IObjectCreationOperation;
                container.Add(Entry("Environment", environment.NameSyntax, NameValueList(environment.Value, "Value", inline)));
            }

            var secrets = props.Get("Secrets");
            if (secrets != null && !ValueReader.IsNull(secrets.Value))
                container.Add(Entry("Secrets", secrets.NameSyntax, NameValueList(secrets.Value, "ValueFrom", fixable: false)));

            var root = new List<MappingEntry>
            {
                // CDK creates an execution role (or uses the one given) as soon as a container has secrets.
                Entry("ExecutionRoleArn", anchor, _doc.Unknown(anchor)),
                Entry("ContainerDefinitions", anchor, _doc.Sequence(props.Creation.Syntax, new Node[] { _doc.Mapping(props.Creation.Syntax, container) })),
            };
            return new EcsTaskDefinition(_doc.Mapping(anchor, root), cloudFormationNames: true, _doc.Span(anchor), id != null && ValueReader.TryString(id, out string logicalId) ? logicalId : null);
        }

        /// <summary>
        /// An <c>IDictionary&lt;string, …&gt;</c> written as <c>new Dictionary&lt;string, …&gt; { ["NAME"] = value }</c> or
        /// <c>{ { "NAME", value } }</c> as CloudFormation's <c>[{Name, Value}]</c> list; environment values are constants or
        /// unknown, secret references always unknown (CDK computes the ARN). Unknown when the dictionary is.
        /// </summary>
        private Node NameValueList(IOperation value, string valueField, bool fixable)
        {
            var entries = Shared(value, Dictionary);
            if (entries == null) return _doc.Unknown(value.Syntax);
            var items = new List<Node>(entries.Count);
            foreach (var (syntax, key, item) in entries)
            {
                if (key == null || item == null)
                {
                    items.Add(_doc.Unknown(syntax));
                    continue;
                }
                Node itemNode = valueField == "Value" ? Value(item) : _doc.Unknown(item.Syntax);
                if (fixable && !IsReportedElsewhere(item.Syntax) && ValueReader.Unwrap(item) is ILiteralOperation && ValueReader.TryString(key, out string name))
                    _environmentLiterals[item.Syntax.SpanStart] = name;
                items.Add(_doc.Mapping(syntax, new[]
                {
                    Entry("Name", key.Syntax, Value(key)),
                    Entry(valueField, item.Syntax, itemNode),
                }));
            }
            return _doc.Sequence(value.Syntax, items);
        }

        /// <summary>The entries of <c>new Dictionary&lt;K, V&gt; { … }</c> built right here (or in a local never changed): each entry's syntax, key and value (null parts when an initializer element is not a plain entry).</summary>
        private static List<(SyntaxNode Syntax, IOperation? Key, IOperation? Value)>? Dictionary(IOperation value)
        {
            var op = ValueReader.Unwrap(value);
            if (op is ILocalReferenceOperation)
            {
                var resolved = ValueReader.ResolveLocal(op, immutable: false);
                return resolved == null ? null : Dictionary(resolved);
            }
            // A comparer or a copied dictionary changes which names are equal or what is in it: unknown.
            if (!(op is IObjectCreationOperation creation) || creation.Arguments.Length > 0 || !IsGenericDictionary(creation.Type)) return null;
            var entries = new List<(SyntaxNode, IOperation?, IOperation?)>();
            if (creation.Initializer == null) return entries;
            foreach (var element in creation.Initializer.Initializers)
            {
                switch (element)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation indexer && indexer.Property.IsIndexer && indexer.Arguments.Length == 1:
                        entries.Add((element.Syntax, indexer.Arguments[0].Value, assignment.Value));
                        break;
                    case IInvocationOperation add when add.TargetMethod.Name == "Add" && add.Arguments.Length == 2:
                        entries.Add((element.Syntax, add.Arguments[0].Value, add.Arguments[1].Value));
                        break;
                    default:
                        entries.Add((element.Syntax, null, null));
                        break;
                }
            }
            return entries;
        }

        private static bool IsGenericDictionary(ITypeSymbol? type) => Cdk.CdkTypes.IsGenericDictionary(type);

        /// <summary><c>ContainerImage.FromRegistry("…")</c> as the image name; any other image is unknown.</summary>
        private Node Image(IOperation value)
        {
            var invocation = Shared(value, v =>
            {
                var op = ValueReader.Unwrap(v);
                if (op is ILocalReferenceOperation) op = ValueReader.ResolveLocal(op, immutable: false) is IOperation resolved ? ValueReader.Unwrap(resolved) : op;
                return op as IInvocationOperation;
            });
            if (invocation != null && invocation.TargetMethod.Name == "FromRegistry" && invocation.Arguments.Length >= 1
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _cdk.ContainerImage)
                && ValueReader.TryString(invocation.Arguments[0].Value, out _))
                return Value(invocation.Arguments[0].Value);
            return _doc.Unknown(value.Syntax);
        }

        /// <summary>
        /// Reads <paramref name="value"/>, noting when it goes through a local that an earlier container uses too: what lies in
        /// that local's initializer is then reported by the earlier one (<see cref="ReportedElsewhere"/>).
        /// </summary>
        private T? Shared<T>(IOperation value, System.Func<IOperation, T?> read)
            where T : class
        {
            if (ValueReader.Unwrap(value) is ILocalReferenceOperation reference && SharedInitializer(reference, out bool laterUse) is SyntaxNode initializer
                && (laterUse || IsReportedElsewhere(reference.Syntax)))
                _reportedElsewhere.Add(initializer.Span);
            return read(value);
        }

        /// <summary>True inside the initializer of a local whose findings an earlier container reports.</summary>
        private bool IsReportedElsewhere(SyntaxNode node)
        {
            foreach (var span in _reportedElsewhere)
                if (span.Contains(node.Span)) return true;
            return false;
        }

        /// <summary>The initializer of the local <paramref name="reference"/> reads, and whether an earlier use of the local precedes this one.</summary>
        private static SyntaxNode? SharedInitializer(ILocalReferenceOperation reference, out bool laterUse)
        {
            laterUse = false;
            var local = reference.Local;
            if (reference.SemanticModel == null || local.DeclaringSyntaxReferences.Length != 1) return null;
            if (!(local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax declarator) || declarator.Initializer == null) return null;
            if (declarator.SyntaxTree != reference.Syntax.SyntaxTree) return null;
            var usage = LocalUsage.Analyze(local, declarator, reference.SemanticModel);
            laterUse = usage.OtherUses.Count > 0 && usage.OtherUses[0].Span != reference.Syntax.Span;
            return declarator.Initializer.Value;
        }

        private Node Value(IOperation value)
            => ValueReader.TryConstant(value, out object? constant) ? _doc.Scalar(constant, value.Syntax) : _doc.Unknown(value.Syntax);

        private MappingEntry Entry(string name, SyntaxNode at, Node value) => new MappingEntry(_doc.Synthetic(name, at), value);

        /// <summary>The argument for <paramref name="name"/> (named or by position), or null when it is missing or the default.</summary>
        private static IOperation? Argument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string name, int position)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter == null || argument.ArgumentKind == ArgumentKind.DefaultValue) continue;
                if (argument.Parameter.Name == name || argument.Parameter.Ordinal == position) return argument.Value;
            }
            return null;
        }

        private static string? ConstructId(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
            => Argument(arguments, "id", 1) is IOperation id && ValueReader.TryString(id, out string text) ? text : null;

        /// <summary><c>new CfnTaskDefinition</c> (keyword and type) in <c>new CfnTaskDefinition(…)</c>, where findings about the whole definition land.</summary>
        private Shipshape.Text.SourceSpan AnchorSpan(IObjectCreationOperation creation)
        {
            switch (creation.Syntax)
            {
                case ObjectCreationExpressionSyntax explicitNew: return _doc.Span(explicitNew.NewKeyword.SpanStart, explicitNew.Type.Span.End);
                case ImplicitObjectCreationExpressionSyntax implicitNew: return _doc.Span(implicitNew.NewKeyword.SpanStart, implicitNew.NewKeyword.Span.End);
                default: return _doc.Span(creation.Syntax);
            }
        }

        private static SyntaxNode AnchorSyntax(IObjectCreationOperation creation)
            => creation.Syntax is ObjectCreationExpressionSyntax explicitNew ? explicitNew.Type : creation.Syntax;
    }
}
