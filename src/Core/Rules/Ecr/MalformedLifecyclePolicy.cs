using System;
using System.Collections.Generic;
using Shipshape.Ecr;
using Shipshape.Model;

namespace Shipshape.Rules.Ecr
{
    /// <summary>
    /// A lifecycle policy ECR rejects: unknown or missing fields, values outside the enums, count settings that do not
    /// fit the count type, tag lists that do not fit the tag status, too many wildcards, archive settings that do not
    /// fit together. Each finding lands on the bad value or key, or on the owning key when something is missing.
    /// </summary>
    public sealed class MalformedLifecyclePolicy : Rule<EcrLifecyclePolicy>
    {
        private static readonly string[] RootFields = { "rules" };
        private static readonly string[] RuleFields = { "rulePriority", "description", "selection", "action" };
        private static readonly string[] SelectionFields = { "tagStatus", "tagPatternList", "tagPrefixList", "storageClass", "countType", "countUnit", "countNumber" };
        private static readonly string[] ActionFields = { "type", "targetStorageClass" };
        private static readonly string[] TagStatuses = { "tagged", "untagged", "any" };
        private static readonly string[] CountTypes = { "imageCountMoreThan", "sinceImagePushed", "sinceImagePulled", "sinceImageTransitioned" };
        private static readonly string[] StorageClasses = { "standard", "archive" };
        private static readonly string[] ActionTypes = { "expire", "transition" };
        private const int MaxWildcards = 4;

        public override void Check(EcrLifecyclePolicy policy, RuleContext context)
        {
            var root = policy.Root;
            if (root.IsUnknown) return;
            foreach (var (key, detail) in FieldNames.Unknown(root, RootFields, "the policy", name => Contains(RuleFields, name) ? "a rule of 'rules'" : null))
                context.Report(key, detail);

            var rules = root.Get("rules");
            if (rules == null)
            {
                if (!FieldNames.HasOrMisspelled(root, "rules"))
                    context.Report(root, "'rules' is missing; the policy must be {\"rules\": [ ... ]} with at least one rule");
                return;
            }
            if (rules.IsUnknown) return;
            if (!(rules is SequenceNode list))
            {
                context.Report(rules, "'rules' must be a list of rules, e.g. \"rules\": [{\"rulePriority\": 1, \"selection\": {...}, \"action\": {\"type\": \"expire\"}}]");
                return;
            }
            if (list.Items.Count == 0)
            {
                context.Report(list, "'rules' is empty; add at least one rule");
                return;
            }
            foreach (var item in list.Items)
            {
                if (item.IsUnknown) continue;
                if (item is MappingNode rule) CheckRule(rule, context);
                else context.Report(item, "each entry of 'rules' must be an object with 'rulePriority', 'selection' and 'action'");
            }
        }

        private static void CheckRule(MappingNode rule, RuleContext context)
        {
            foreach (var (key, detail) in FieldNames.Unknown(rule, RuleFields, "a rule", RuleFieldHome))
                context.Report(key, detail);

            var priority = rule.Get("rulePriority");
            if (priority == null)
            {
                if (!FieldNames.HasOrMisspelled(rule, "rulePriority"))
                    context.Report(rule, "the rule has no 'rulePriority'; add a unique whole number of 1 or more (rules are applied lowest first)");
            }
            else if (!priority.IsUnknown)
            {
                decimal? value = LifecyclePolicyReader.Integer(priority);
                if (value == null) context.Report(priority, "'rulePriority' must be a whole number of 1 or more, written without quotes");
                else if (value < 1) context.Report(priority, "'rulePriority' must be 1 or more");
            }

            var description = rule.Get("description");
            if (description != null && !description.IsUnknown && !(description is ScalarNode))
                context.Report(description, "'description' must be a string");

            CheckSelection(rule, context);
            CheckAction(rule, context);
        }

        private static void CheckSelection(MappingNode rule, RuleContext context)
        {
            var entry = rule.GetEntry("selection");
            if (entry == null)
            {
                if (!FieldNames.HasOrMisspelled(rule, "selection"))
                    context.Report(rule, "the rule has no 'selection'; add one with 'tagStatus', 'countType' and 'countNumber'");
                return;
            }
            if (entry.Value.IsUnknown) return;
            if (!(entry.Value is MappingNode selection))
            {
                context.Report(entry.Value, "'selection' must be an object with 'tagStatus', 'countType' and 'countNumber'");
                return;
            }
            ScalarNode owner = entry.Key;
            foreach (var (key, detail) in FieldNames.Unknown(selection, SelectionFields, "'selection'", name => Contains(RuleFields, name) ? "the rule (next to 'selection')" : Contains(ActionFields, name) ? "'action'" : null))
                context.Report(key, detail);

            string? tagStatus = Enum(selection, "tagStatus", TagStatuses, owner, required: true, context);
            CheckTagLists(selection, tagStatus, owner, context);

            string? countType = Enum(selection, "countType", CountTypes, owner, required: true, context);
            CheckCountUnit(selection, countType, owner, context);
            CheckCountNumber(selection, owner, context);
            CheckStorageClass(selection, countType, owner, context);
        }

        private static void CheckTagLists(MappingNode selection, string? tagStatus, ScalarNode owner, RuleContext context)
        {
            var patterns = selection.GetEntry("tagPatternList");
            var prefixes = selection.GetEntry("tagPrefixList");
            if (patterns != null) CheckStringList(patterns, context, checkWildcards: true);
            if (prefixes != null) CheckStringList(prefixes, context, checkWildcards: false);

            if (tagStatus == "tagged" && patterns == null && prefixes == null)
            {
                if (!FieldNames.HasOrMisspelled(selection, "tagPatternList") && !FieldNames.HasOrMisspelled(selection, "tagPrefixList"))
                    context.Report(owner, "'tagStatus' is 'tagged' but neither 'tagPatternList' nor 'tagPrefixList' is given; add one (e.g. \"tagPatternList\": [\"prod*\"]) or use tagStatus 'any'");
            }
            else if (tagStatus == "untagged")
            {
                foreach (var list in new[] { patterns, prefixes })
                    if (list != null)
                        context.Report(list.Key, "'" + list.Name + "' must be omitted when 'tagStatus' is 'untagged' (untagged images have no tags to match); remove it, or use tagStatus 'tagged'");
            }
            else if (patterns != null && prefixes != null)
            {
                context.Report(prefixes.Key, "give either 'tagPatternList' or 'tagPrefixList', not both; write the prefixes as patterns ('prod' becomes 'prod*') and remove 'tagPrefixList'");
            }
        }

        private static void CheckStringList(MappingEntry entry, RuleContext context, bool checkWildcards)
        {
            if (entry.Value.IsUnknown) return;
            if (!(entry.Value is SequenceNode list))
            {
                context.Report(entry.Value, "'" + entry.Name + "' must be a list of strings, e.g. [\"prod\"]");
                return;
            }
            foreach (var item in list.Items)
            {
                if (item.IsUnknown) continue;
                if (!(item is ScalarNode s) || !s.IsString)
                {
                    context.Report(item, "each entry of '" + entry.Name + "' must be a string");
                    continue;
                }
                if (!checkWildcards) continue;
                int stars = 0;
                foreach (char c in s.Value) if (c == '*') stars++;
                if (stars > MaxWildcards)
                    context.Report(s, "the tag pattern '" + s.Value + "' has " + stars + " wildcards ('*'); ECR allows at most " + MaxWildcards + " per pattern, so merge adjacent ones or split the pattern");
            }
        }

        private static void CheckCountUnit(MappingNode selection, string? countType, ScalarNode owner, RuleContext context)
        {
            var unit = selection.GetEntry("countUnit");
            if (unit == null)
            {
                if (countType != null && countType != "imageCountMoreThan" && Contains(CountTypes, countType) && !FieldNames.HasOrMisspelled(selection, "countUnit"))
                    context.Report(owner, "'countType' '" + countType + "' counts days, but 'countUnit' is missing; add \"countUnit\": \"days\"");
                return;
            }
            if (countType == "imageCountMoreThan")
            {
                context.Report(unit.Key, "'countUnit' must be omitted when 'countType' is 'imageCountMoreThan' (it counts images, not days); remove it");
                return;
            }
            if (unit.Value.IsUnknown) return;
            if (LifecyclePolicyReader.Text(unit.Value) != "days")
                context.Report(unit.Value, "'countUnit' must be \"days\", the only unit ECR supports");
        }

        private static void CheckCountNumber(MappingNode selection, ScalarNode owner, RuleContext context)
        {
            var number = selection.Get("countNumber");
            if (number == null)
            {
                if (!FieldNames.HasOrMisspelled(selection, "countNumber"))
                    context.Report(owner, "'countNumber' is missing; add the number of images to keep (imageCountMoreThan) or the age in days");
                return;
            }
            if (number.IsUnknown) return;
            decimal? value = LifecyclePolicyReader.Integer(number);
            if (value == null) context.Report(number, "'countNumber' must be a whole number of 1 or more, written without quotes");
            else if (value < 1) context.Report(number, "'countNumber' must be 1 or more; ECR does not accept " + LifecyclePolicyReader.Format(value.Value));
        }

        private static void CheckStorageClass(MappingNode selection, string? countType, ScalarNode owner, RuleContext context)
        {
            var storage = selection.Get("storageClass");
            if (storage == null)
            {
                if (countType == "sinceImageTransitioned" && !FieldNames.HasOrMisspelled(selection, "storageClass"))
                    context.Report(owner, "'countType' 'sinceImageTransitioned' selects archived images, but 'storageClass' is missing; add \"storageClass\": \"archive\"");
                return;
            }
            if (storage.IsUnknown) return;
            string? value = LifecyclePolicyReader.Text(storage);
            if (value == null || !Contains(StorageClasses, value))
            {
                context.Report(storage, "'storageClass' must be one of " + Quote(StorageClasses) + FieldNames.CaseHint(value, StorageClasses));
                return;
            }
            if (countType == "sinceImageTransitioned" && value != "archive")
                context.Report(storage, "'storageClass' must be \"archive\" when 'countType' is 'sinceImageTransitioned'");
            else if (countType != null && countType != "sinceImageTransitioned" && Contains(CountTypes, countType) && value != "standard")
                context.Report(storage, "'storageClass' \"archive\" is only supported with 'countType' 'sinceImageTransitioned'; with '" + countType + "' use \"standard\" or omit it");
        }

        private static void CheckAction(MappingNode rule, RuleContext context)
        {
            var entry = rule.GetEntry("action");
            if (entry == null)
            {
                if (!FieldNames.HasOrMisspelled(rule, "action"))
                    context.Report(rule, "the rule has no 'action'; add \"action\": {\"type\": \"expire\"}");
                return;
            }
            if (entry.Value.IsUnknown) return;
            if (!(entry.Value is MappingNode action))
            {
                context.Report(entry.Value, "'action' must be an object such as {\"type\": \"expire\"}");
                return;
            }
            foreach (var (key, detail) in FieldNames.Unknown(action, ActionFields, "'action'", name => Contains(SelectionFields, name) ? "'selection'" : Contains(RuleFields, name) ? "the rule (next to 'action')" : null))
                context.Report(key, detail);

            string? type = Enum(action, "type", ActionTypes, entry.Key, required: true, context);
            var target = action.GetEntry("targetStorageClass");
            if (type == "expire" && target != null)
            {
                context.Report(target.Key, "'targetStorageClass' is only allowed with action type 'transition'; remove it");
            }
            else if (type == "transition")
            {
                if (target == null)
                {
                    if (!FieldNames.HasOrMisspelled(action, "targetStorageClass"))
                        context.Report(entry.Key, "action type 'transition' needs a 'targetStorageClass'; add \"targetStorageClass\": \"archive\"");
                }
                else if (!target.Value.IsUnknown && LifecyclePolicyReader.Text(target.Value) != "archive")
                {
                    context.Report(target.Value, "'targetStorageClass' must be \"archive\", the only storage class images can transition to");
                }
            }
        }

        /// <summary>Checks an enum field and returns its value when known and valid; reports it when absent (if required) or invalid.</summary>
        private static string? Enum(MappingNode map, string field, string[] allowed, ScalarNode owner, bool required, RuleContext context)
        {
            var node = map.Get(field);
            if (node == null)
            {
                if (required && !FieldNames.HasOrMisspelled(map, field))
                    context.Report(owner, "'" + field + "' is missing; add it with one of " + Quote(allowed));
                return null;
            }
            if (node.IsUnknown) return null;
            string? value = LifecyclePolicyReader.Text(node);
            if (value != null && Contains(allowed, value)) return value;
            context.Report(node, "'" + field + "' must be one of " + Quote(allowed) + FieldNames.CaseHint(value, allowed));
            return null;
        }

        private static string? RuleFieldHome(string name)
        {
            if (Contains(SelectionFields, name)) return "'selection'";
            if (Contains(ActionFields, name)) return "'action'";
            return null;
        }


        private static string Quote(IEnumerable<string> values) => "'" + string.Join("', '", values) + "'";

        private static bool Contains(string[] names, string name) => Array.IndexOf(names, name) >= 0;
    }
}
