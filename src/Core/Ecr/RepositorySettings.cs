using Shipshape.Model;

namespace Shipshape.Ecr
{
    /// <summary>
    /// How the repository rules read an <see cref="EcrRepository"/>: its label in messages, whether its
    /// settings can be read at all, and where a finding about a missing nested setting lands.
    /// </summary>
    public static class RepositorySettings
    {
        /// <summary>The repository as messages name it: its logical ID, or "(unnamed)" when it has none.</summary>
        public static string Label(EcrRepository repository) => repository.LogicalId ?? "(unnamed)";

        /// <summary>True when the repository's settings cannot be known (<c>Properties: !If [...]</c>): rules ask this first.</summary>
        public static bool AreUnknown(EcrRepository repository) => repository.PropertiesAreUnknown;

        /// <summary>The key of a property that is present (where a finding about a setting missing inside it lands), else the anchor.</summary>
        public static Node KeyOrAnchor(EcrRepository repository, string property)
            => (Node?)repository.Properties?.GetEntry(property)?.Key ?? repository.Anchor;
    }
}
