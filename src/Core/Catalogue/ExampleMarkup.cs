using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Shipshape.Catalogue
{
    /// <summary>A marked token: rule ID and character range in the clean text.</summary>
    public sealed class ExampleMark
    {
        public ExampleMark(string ruleId, int start, int end)
        {
            RuleId = ruleId;
            Start = start;
            End = end;
        }

        public string RuleId { get; }
        public int Start { get; }
        public int End { get; }
    }

    /// <summary>
    /// The markup of catalogue examples and tests, as in Roslyn's analyzer tests: <c>{|ID:text|}</c> marks the
    /// exact token where a finding of rule ID lands. Marks nest; <c>{|ID:{|}</c> marks a lone '{'.
    /// </summary>
    public static class ExampleMarkup
    {
        private static readonly Regex Open = new Regex(@"\G\{\|([A-Z]+[0-9]*):", RegexOptions.CultureInvariant);

        public static (string Text, IReadOnlyList<ExampleMark> Marks) Parse(string marked)
        {
            var text = new StringBuilder(marked.Length);
            var marks = new List<ExampleMark>();
            var open = new Stack<(string Id, int Start)>();
            int i = 0;
            while (i < marked.Length)
            {
                if (marked[i] == '{' && i + 1 < marked.Length && marked[i + 1] == '|')
                {
                    var m = Open.Match(marked, i);
                    if (m.Success)
                    {
                        open.Push((m.Groups[1].Value, text.Length));
                        i += m.Length;
                        continue;
                    }
                }
                if (marked[i] == '|' && i + 1 < marked.Length && marked[i + 1] == '}' && open.Count > 0)
                {
                    var (id, start) = open.Pop();
                    marks.Add(new ExampleMark(id, start, text.Length));
                    i += 2;
                    continue;
                }
                text.Append(marked[i]);
                i++;
            }
            if (open.Count > 0) throw new FormatException("Unclosed markup for " + open.Peek().Id);
            return (text.ToString(), marks.OrderBy(e => e.Start).ThenBy(e => e.RuleId, StringComparer.Ordinal).ToList());
        }

        /// <summary>The example as people read it, without markup.</summary>
        public static string Strip(string marked) => Parse(marked).Text;
    }
}
