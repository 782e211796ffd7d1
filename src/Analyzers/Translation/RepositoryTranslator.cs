using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Analyzers.Cdk;
using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Analyzers.Translation
{
    /// <summary>
    /// Translates <c>new Repository(…, new RepositoryProps { … })</c> (L2) and <c>new CfnRepository(…, new CfnRepositoryProps { … })</c>
    /// (L1) into an <see cref="EcrRepository"/> in CloudFormation's property names, with CDK's defaults applied the way
    /// CDK synthesises them: an absent L2 setting is absent from the template too (so the AWS default applies), except
    /// where CDK derives one (an <c>EncryptionKey</c> alone means KMS).
    /// </summary>
    internal sealed class RepositoryTranslator
    {
        private readonly CdkTypes _cdk;
        private readonly CSharpDocument _doc;

        public RepositoryTranslator(CdkTypes cdk, CSharpDocument document)
        {
            _cdk = cdk;
            _doc = document;
        }

        /// <summary>The repository an L2 <c>new Repository(…)</c> creates, or null when we cannot know its settings.</summary>
        public EcrRepository? Repository(IObjectCreationOperation creation)
        {
            var uses = Constructs.Uses(creation);
            if (uses.Unknowable) return null;
            var anchor = Anchor(creation);
            ObjectValue? props = null;
            if (creation.Arguments.Length >= 3 && creation.Arguments[2].ArgumentKind != ArgumentKind.DefaultValue && !ValueReader.IsNull(creation.Arguments[2].Value))
            {
                props = ValueReader.Object(creation.Arguments[2].Value, _cdk.RepositoryProps);
                if (props == null) return null;
            }
            var entries = new List<MappingEntry>();
            if (props != null) AddL2Properties(props, entries);
            if (!entries.Exists(e => e.Name == "LifecyclePolicy"))
            {
                // Rules added later with AddLifecycleRule, or by code we cannot see, still make a lifecycle policy.
                if (uses.LifecycleRuleAdded != null)
                    entries.Add(new MappingEntry(_doc.Synthetic("LifecyclePolicy", uses.LifecycleRuleAdded), LifecyclePolicy(uses.LifecycleRuleAdded)));
                else if (uses.HandedOn)
                    entries.Add(new MappingEntry(_doc.Synthetic("LifecyclePolicy", creation.Syntax), _doc.Unknown(creation.Syntax)));
            }
            MappingNode? properties = props == null && entries.Count == 0 ? null
                : _doc.Mapping(props?.Creation.Syntax ?? creation.Syntax, entries);
            return new EcrRepository(properties, anchor, ConstructId(creation));
        }

        /// <summary>The repository an L1 <c>new CfnRepository(…)</c> declares, or null when its properties may change later.</summary>
        public EcrRepository? CfnRepository(IObjectCreationOperation creation)
        {
            // L1 properties are settable and overridable (AddPropertyOverride): any use other than reading attributes may change them.
            if (!IsFinalL1(creation)) return null;
            MappingNode? properties = null;
            if (creation.Arguments.Length >= 3 && creation.Arguments[2].ArgumentKind != ArgumentKind.DefaultValue && !ValueReader.IsNull(creation.Arguments[2].Value))
            {
                var props = ValueReader.Object(creation.Arguments[2].Value, _cdk.CfnRepositoryProps);
                if (props == null) return null;
                properties = CloudFormationTranslator.Mapping(_doc, props);
            }
            return new EcrRepository(properties, Anchor(creation), ConstructId(creation));
        }

        /// <summary>True when an L1 construct's properties are final at <c>new</c>: nothing sets or overrides them afterwards.</summary>
        public static bool IsFinalL1(IObjectCreationOperation creation) => Constructs.IsFinalL1(creation);

        private void AddL2Properties(ObjectValue props, List<MappingEntry> entries)
        {
            var encryption = props.Get("Encryption");
            var key = props.Get("EncryptionKey");
            if (encryption != null && !ValueReader.IsNull(encryption.Value))
            {
                string? type = ValueReader.StaticMember(encryption.Value, _cdk.RepositoryEncryption);
                Node config;
                if (type == null)
                {
                    config = _doc.Unknown(encryption.Value.Syntax);
                }
                else
                {
                    var configEntries = new List<MappingEntry>
                    {
                        new MappingEntry(_doc.Synthetic("EncryptionType", encryption.NameSyntax), _doc.Synthetic(EncryptionType(type), encryption.Value.Syntax)),
                    };
                    if (key != null && !ValueReader.IsNull(key.Value))
                        configEntries.Add(new MappingEntry(_doc.Synthetic("KmsKey", key.NameSyntax), _doc.Unknown(key.Value.Syntax)));
                    config = _doc.Mapping(encryption.Value.Syntax, configEntries);
                }
                entries.Add(new MappingEntry(_doc.Synthetic("EncryptionConfiguration", encryption.NameSyntax), config));
            }
            else if (key != null && !ValueReader.IsNull(key.Value))
            {
                // CDK: an encryption key without an encryption type means KMS with that key.
                var configEntries = new List<MappingEntry>
                {
                    new MappingEntry(_doc.Synthetic("EncryptionType", key.NameSyntax), _doc.Synthetic("KMS", key.NameSyntax)),
                    new MappingEntry(_doc.Synthetic("KmsKey", key.NameSyntax), _doc.Unknown(key.Value.Syntax)),
                };
                entries.Add(new MappingEntry(_doc.Synthetic("EncryptionConfiguration", key.NameSyntax), _doc.Mapping(key.Value.Syntax, configEntries)));
            }

            var scan = props.Get("ImageScanOnPush");
            if (scan != null && !ValueReader.IsNull(scan.Value))
            {
                Node value = ValueReader.TryConstant(scan.Value, out object? constant) && constant is bool
                    ? _doc.Scalar(constant, scan.Value.Syntax)
                    : _doc.Unknown(scan.Value.Syntax);
                var config = value is UnknownNode ? value
                    : _doc.Mapping(scan.Value.Syntax, new[] { new MappingEntry(_doc.Synthetic("ScanOnPush", scan.NameSyntax), value) });
                entries.Add(new MappingEntry(_doc.Synthetic("ImageScanningConfiguration", scan.NameSyntax), config));
            }

            var mutability = props.Get("ImageTagMutability");
            if (mutability != null && !ValueReader.IsNull(mutability.Value))
            {
                string? name = ValueReader.EnumMember(mutability.Value, _cdk.TagMutability);
                Node value = name != null ? _doc.Synthetic(name, mutability.Value.Syntax) : (Node)_doc.Unknown(mutability.Value.Syntax);
                entries.Add(new MappingEntry(_doc.Synthetic("ImageTagMutability", mutability.NameSyntax), value));
            }

            var filters = props.Get("ImageTagMutabilityExclusionFilters");
            if (filters != null && !ValueReader.IsNull(filters.Value))
                entries.Add(new MappingEntry(_doc.Synthetic("ImageTagMutabilityExclusionFilters", filters.NameSyntax), _doc.Unknown(filters.Value.Syntax)));

            var rules = props.Get("LifecycleRules");
            if (rules != null && !ValueReader.IsNull(rules.Value))
            {
                var items = ValueReader.ListItems(rules.Value);
                // CDK renders no lifecycle policy for an empty list of rules.
                if (items == null || items.Count > 0)
                    entries.Add(new MappingEntry(_doc.Synthetic("LifecyclePolicy", rules.NameSyntax), LifecyclePolicy(rules.Value.Syntax)));
            }

            var name2 = props.Get("RepositoryName");
            if (name2 != null && !ValueReader.IsNull(name2.Value))
                entries.Add(new MappingEntry(_doc.Synthetic("RepositoryName", name2.NameSyntax), Value(name2.Value)));

            var emptyOnDelete = props.Get("EmptyOnDelete");
            if (emptyOnDelete != null && !ValueReader.IsNull(emptyOnDelete.Value))
                entries.Add(new MappingEntry(_doc.Synthetic("EmptyOnDelete", emptyOnDelete.NameSyntax), Value(emptyOnDelete.Value)));
        }

        /// <summary>A lifecycle policy whose text CDK renders from rules: present, content unknown.</summary>
        private MappingNode LifecyclePolicy(SyntaxNode at)
            => _doc.Mapping(at, new[] { new MappingEntry(_doc.Synthetic("LifecyclePolicyText", at), (Node)_doc.Unknown(at)) });

        private Node Value(IOperation value)
            => ValueReader.TryConstant(value, out object? constant) ? _doc.Scalar(constant, value.Syntax) : _doc.Unknown(value.Syntax);

        /// <summary>CloudFormation's <c>EncryptionType</c> for a <c>RepositoryEncryption</c> member.</summary>
        private static string EncryptionType(string member)
        {
            switch (member)
            {
                case "AES_256": return "AES256";
                case "KMS": return "KMS";
                case "KMS_DSSE": return "KMS_DSSE";
                default: return member;
            }
        }

        private ScalarNode Anchor(IObjectCreationOperation creation) => Constructs.Anchor(_doc, creation, "Repository");

        private static string? ConstructId(IObjectCreationOperation creation) => Constructs.ConstructId(creation);
    }
}
