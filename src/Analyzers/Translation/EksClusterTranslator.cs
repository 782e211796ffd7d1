using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Shipshape.Analyzers.Cdk;
using Shipshape.Eks;
using Shipshape.Model;

namespace Shipshape.Analyzers.Translation
{
    /// <summary>
    /// Translates <c>new Cluster(…, new ClusterProps { ClusterLogging = new[] { ClusterLoggingTypes.API, … } })</c> (L2, and
    /// <c>FargateCluster</c>) and <c>new CfnCluster(…, new CfnClusterProps { Logging = … })</c> (L1) into the engine's
    /// <see cref="EksCluster"/> in CloudFormation's property names. CDK renders no logging when <c>ClusterLogging</c> is
    /// absent, and each <c>ClusterLoggingTypes</c> member as the EKS log type of the same meaning.
    /// </summary>
    internal sealed class EksClusterTranslator
    {
        /// <summary>The L2 props member that lists the log types, as findings name it.</summary>
        public const string L2TypesPath = "ClusterLogging";

        private readonly CdkTypes _cdk;
        private readonly CSharpDocument _doc;

        public EksClusterTranslator(CdkTypes cdk, CSharpDocument document)
        {
            _cdk = cdk;
            _doc = document;
        }

        /// <summary>The EKS log type a <c>ClusterLoggingTypes</c> member renders to, or null for a member we do not know.</summary>
        public static string? LogType(string member)
        {
            switch (member)
            {
                case "API": return "api";
                case "AUDIT": return "audit";
                case "AUTHENTICATOR": return "authenticator";
                case "CONTROLLER_MANAGER": return "controllerManager";
                case "SCHEDULER": return "scheduler";
                default: return null;
            }
        }

        /// <summary>The <c>ClusterLoggingTypes</c> member for an EKS log type (the inverse of <see cref="LogType"/>).</summary>
        public static string? Member(string logType)
        {
            switch (logType)
            {
                case "api": return "API";
                case "audit": return "AUDIT";
                case "authenticator": return "AUTHENTICATOR";
                case "controllerManager": return "CONTROLLER_MANAGER";
                case "scheduler": return "SCHEDULER";
                default: return null;
            }
        }

        /// <summary>The cluster an L2 <c>new Cluster(…)</c>/<c>new FargateCluster(…)</c> creates, or null when its props are not known here.</summary>
        public EksCluster? Cluster(IObjectCreationOperation creation, INamedTypeSymbol? propsType)
        {
            // No L2 API changes logging after construction; only the escape hatches (.Node) can.
            if (Constructs.Uses(creation).Unknowable) return null;
            var anchor = Constructs.Anchor(_doc, creation, "Cluster");
            var entries = new List<MappingEntry>();
            var propsValue = Constructs.Props(creation);
            SyntaxNode at = creation.Syntax;
            if (propsValue != null)
            {
                var props = ValueReader.Object(propsValue, propsType);
                if (props == null) return null;
                at = props.Creation.Syntax;
                var logging = props.Get("ClusterLogging");
                if (logging != null && !ValueReader.IsNull(logging.Value))
                    entries.Add(new MappingEntry(_doc.Synthetic("Logging", logging.NameSyntax), Logging(logging)));
            }
            var properties = _doc.Mapping(at, entries);
            return EksCluster.FromCloudFormation(properties, false, anchor.Span, Constructs.ConstructId(creation), typesPath: L2TypesPath);
        }

        /// <summary>The cluster an L1 <c>new CfnCluster(…)</c> declares, or null when its properties may change later or are not known here.</summary>
        public EksCluster? CfnCluster(IObjectCreationOperation creation)
        {
            if (!Constructs.IsFinalL1(creation)) return null;
            MappingNode? properties = null;
            var propsValue = Constructs.Props(creation);
            if (propsValue != null)
            {
                var props = ValueReader.Object(propsValue, _cdk.EksCfnClusterProps);
                if (props == null) return null;
                properties = CloudFormationTranslator.Mapping(_doc, props);
            }
            return EksCluster.FromCloudFormation(properties, false, Constructs.Anchor(_doc, creation, "CfnCluster").Span, Constructs.ConstructId(creation));
        }

        /// <summary><c>ClusterLogging = [types]</c> as <c>{ClusterLogging: {EnabledTypes: [{Type: …}]}}</c>; a list we cannot read is unknown.</summary>
        private Node Logging(InitializerMember member)
        {
            var value = member.Value;
            var items = ValueReader.ListItems(value);
            if (items == null) return _doc.Unknown(value.Syntax);
            var types = new List<Node>(items.Count);
            foreach (var item in items)
            {
                string? name = ValueReader.EnumMember(item, _cdk.ClusterLoggingTypes);
                string? type = name != null ? LogType(name) : null;
                types.Add(type != null
                    ? _doc.Mapping(item.Syntax, new[] { new MappingEntry(_doc.Synthetic("Type", item.Syntax), _doc.Synthetic(type, item.Syntax)) })
                    : (Node)_doc.Unknown(item.Syntax));
            }
            var enabled = new MappingEntry(_doc.Synthetic("EnabledTypes", member.NameSyntax), _doc.Sequence(value.Syntax, types));
            var clusterLogging = new MappingEntry(_doc.Synthetic("ClusterLogging", member.NameSyntax), _doc.Mapping(value.Syntax, new[] { enabled }));
            return _doc.Mapping(value.Syntax, new[] { clusterLogging });
        }
    }
}
