using System.Globalization;
using System.Text.RegularExpressions;
using PostGuard.Diagnostics;
using PostGuard.Rules.Kinds.Classifier;
using PostGuard.Rules.Kinds.Pattern;
using PostGuard.Rules.Kinds.Proximity;
using PostGuard.Rules.Kinds.Terms;
using YamlDotNet.RepresentationModel;

namespace PostGuard.Rules.Loading;

/// <summary>
/// Turns the files of a rule pack into validated definitions. Every problem in every file is collected and
/// reported together; a pack with any problem is not loaded at all.
/// </summary>
internal sealed class RulePackLoader
{
    internal const string PackFileName = "pack.yaml";

    /// <summary>How long a pattern that cannot run NonBacktracking may take on one field before the check fails closed.</summary>
    internal static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly string[] s_packKeys = ["name", "version", "description", "allow", "policy"];
    private static readonly string[] s_policyKeys = ["decisions", "audiences"];
    private static readonly string[] s_commonKeys =
        ["id", "kind", "category", "severity", "message", "policy", "suggestion", "description", "enabled", "acceptable", "channels", "audiences", "examples"];

    private static readonly Dictionary<string, string[]> s_kindKeys = new()
    {
        ["terms"] = ["terms", "except"],
        ["pattern"] = ["pattern", "validator", "profile"],
        ["proximity"] = ["anchor", "near", "window", "person", "unless", "except"],
        ["classifier"] = ["threshold", "explain"],
    };

    internal static readonly Dictionary<string, FindingCategory> Categories = new()
    {
        ["confidential"] = FindingCategory.Confidential,
        ["personal-schedule"] = FindingCategory.PersonalSchedule,
        ["derogatory"] = FindingCategory.Derogatory,
        ["pupil-consent"] = FindingCategory.PupilConsent,
        ["toxicity"] = FindingCategory.Toxicity,
    };

    internal static readonly Dictionary<string, Severity> Severities = new()
    {
        ["low"] = Severity.Low,
        ["medium"] = Severity.Medium,
        ["high"] = Severity.High,
    };

    private static readonly Dictionary<string, Decision> s_decisions = new()
    {
        ["approve"] = Decision.Approve,
        ["review"] = Decision.Review,
        ["reject"] = Decision.Reject,
    };

    private static readonly Dictionary<string, PatternValidator> s_validators = new()
    {
        ["none"] = PatternValidator.None,
        ["luhn"] = PatternValidator.Luhn,
        ["nhs"] = PatternValidator.Nhs,
        ["upn"] = PatternValidator.Upn,
        ["ni"] = PatternValidator.NationalInsurance,
    };

    private static readonly Dictionary<string, ProfileList> s_profileLists = new()
    {
        ["phones"] = ProfileList.Phones,
        ["emails"] = ProfileList.Emails,
        ["emailDomains"] = ProfileList.EmailDomains,
        ["addresses"] = ProfileList.Addresses,
    };

    private readonly List<ConfigurationDiagnostic> _diagnostics = [];
    private readonly List<RuleDefinition> _rules = [];
    private string _name = "unnamed";
    private string? _version;
    private string? _description;
    private List<string> _allow = [];
    private DecisionPolicy _policy = DecisionPolicy.Default;
    private bool _sawPackFile;

    /// <summary>Loads a pack from <paramref name="files"/> (path relative to the pack root with '/' separators, and text).</summary>
    public static RulePack Load(IReadOnlyList<(string Path, string Text)> files, string origin)
    {
        var loader = new RulePackLoader();
        foreach (var (path, text) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (string.Equals(path, PackFileName, StringComparison.OrdinalIgnoreCase))
            {
                loader.ReadPackFile(path, text);
            }
            else
            {
                loader.ReadRuleFile(path, text);
            }
        }

        if (!loader._sawPackFile)
        {
            loader._diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.InvalidPack,
                $"the rule pack has no {PackFileName} (name, version, policy) at its root", origin, 0, 0));
        }

        loader.CheckDuplicateIds();
        if (loader._diagnostics.Count > 0)
        {
            throw new PostGuardConfigurationException(loader._diagnostics);
        }

        return new RulePack(loader._name, loader._version, loader._description, loader._rules, loader._allow, loader._policy,
            RulePack.HashOf(files), origin);
    }

    private void CheckDuplicateIds()
    {
        foreach (var group in _rules.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var dup in group.Skip(1))
            {
                _diagnostics.Add(new ConfigurationDiagnostic(DiagnosticCodes.DuplicateRuleId,
                    $"duplicate rule id '{dup.Id}' (first defined at {first.Source})", dup.Source.File, dup.Source.Line, dup.Source.Column, dup.Id, "id"));
            }
        }
    }

    // ------------------------------------------------------------------ pack.yaml

    private void ReadPackFile(string path, string text)
    {
        _sawPackFile = true;
        var reader = new YamlReader(path, _diagnostics);
        var root = reader.AsMapping(reader.Parse(text), "pack");
        if (root is null)
        {
            return;
        }

        reader.CheckKeys(root, s_packKeys);
        _name = reader.String(root, "name", required: true) ?? _name;
        _version = reader.String(root, "version", required: false);
        _description = reader.String(root, "description", required: false);
        _allow = reader.StringList(root, "allow") ?? [];
        if (YamlReader.Get(root, "policy") is { } policyNode && reader.AsMapping(policyNode, "policy") is { } policy)
        {
            reader.CheckKeys(policy, s_policyKeys, "policy");
            var decisions = ReadSeverityMap(reader, policy, "decisions");
            var audiences = new Dictionary<string, IReadOnlyDictionary<Severity, Decision>>(StringComparer.OrdinalIgnoreCase);
            if (YamlReader.Get(policy, "audiences") is { } audNode && reader.AsMapping(audNode, "audiences") is { } aud)
            {
                foreach (var (key, _) in aud.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && ReadSeverityMap(reader, aud, name) is { } map)
                    {
                        audiences[name] = map;
                    }
                }
            }

            _policy = new DecisionPolicy(decisions, audiences);
        }
    }

    private static Dictionary<Severity, Decision>? ReadSeverityMap(YamlReader reader, YamlMappingNode parent, string key)
    {
        if (YamlReader.Get(parent, key) is not { } node || reader.AsMapping(node, key) is not { } map)
        {
            return null;
        }

        reader.CheckKeys(map, ["low", "medium", "high"], key);
        var result = new Dictionary<Severity, Decision>();
        foreach (var (name, severity) in Severities)
        {
            if (reader.Enum(map, name, required: false, s_decisions, $"{key}.{name}") is { } d)
            {
                result[severity] = d;
            }
        }

        return result;
    }

    // ------------------------------------------------------------------ rule files

    internal static string IdFromPath(string path)
    {
        var withoutExtension = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? path[..^5]
            : path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;
        return withoutExtension.Replace('/', '.');
    }

    private void ReadRuleFile(string path, string text)
    {
        var reader = new YamlReader(path, _diagnostics);
        string expectedId = IdFromPath(path);
        reader.RuleId = expectedId;
        var node = reader.Parse(text);
        if (node is null)
        {
            if (reader.ErrorCount == 0)
            {
                reader.Error(DiagnosticCodes.InvalidPack, "the rule file is empty", 1, 1);
            }

            return;
        }

        var map = reader.AsMapping(node, "rule");
        if (map is null)
        {
            return;
        }

        int before = _diagnostics.Count;
        string? id = reader.String(map, "id", required: false);
        if (id is not null && id != expectedId)
        {
            reader.Error(DiagnosticCodes.IdMismatch, $"the id '{id}' does not follow the file's path: expected '{expectedId}'", YamlReader.Get(map, "id"), "id");
        }

        string? kind = reader.String(map, "kind", required: true);
        if (kind is not null && !s_kindKeys.ContainsKey(kind))
        {
            string? close = YamlReader.Closest(kind, s_kindKeys.Keys);
            reader.Error(DiagnosticCodes.UnknownKind,
                $"unknown rule kind '{kind}'{(close is null ? string.Empty : $" — did you mean '{close}'?")}; kinds: {string.Join(", ", s_kindKeys.Keys)}",
                YamlReader.Get(map, "kind"), "kind");
            kind = null;
        }

        reader.CheckKeys(map, kind is null ? [.. s_commonKeys, .. s_kindKeys.Values.SelectMany(k => k).Distinct()] : [.. s_commonKeys, .. s_kindKeys[kind]]);

        var category = reader.Enum(map, "category", required: true, Categories);
        int slash = path.IndexOf('/');
        if (category is { } cat && slash > 0)
        {
            string folder = path[..slash];
            if (Categories.TryGetValue(folder, out var folderCategory) && folderCategory != cat)
            {
                reader.Error(DiagnosticCodes.CategoryMismatch, $"the category does not match the rule's folder '{folder}'", YamlReader.Get(map, "category"), "category");
            }
        }

        var severity = reader.Enum(map, "severity", required: true, Severities);
        string? message = reader.String(map, "message", required: true);
        string? policy = reader.String(map, "policy", required: true);
        string? suggestion = reader.String(map, "suggestion", required: false);
        string? description = reader.String(map, "description", required: false);
        bool enabled = reader.Bool(map, "enabled") ?? true;
        bool? acceptable = reader.Bool(map, "acceptable");
        var channels = reader.StringList(map, "channels") ?? [];
        var audiences = reader.StringList(map, "audiences") ?? [];
        var examples = ReadExamples(reader, map);
        var source = new SourceLocation(path, (int)map.Start.Line, (int)map.Start.Column);

        RuleDefinition? rule = kind switch
        {
            "terms" => ReadTerms(reader, map, expectedId, source),
            "pattern" => ReadPattern(reader, map, expectedId, source),
            "proximity" => ReadProximity(reader, map, expectedId, source),
            "classifier" => ReadClassifier(reader, map, expectedId, source),
            _ => null,
        };

        if (rule is null || _diagnostics.Count > before || category is null || severity is null || message is null || policy is null)
        {
            return;
        }

        _rules.Add(rule with
        {
            Category = category.Value,
            Severity = severity.Value,
            Message = message,
            Policy = policy,
            Suggestion = suggestion,
            Description = description,
            Enabled = enabled,
            Acceptable = acceptable ?? RuleDefinition.AcceptableByDefault(category.Value),
            Channels = channels,
            Audiences = audiences,
            Examples = examples,
        });
    }

    private static TermsRuleDefinition? ReadTerms(YamlReader reader, YamlMappingNode map, string id, SourceLocation source)
    {
        var terms = ReadTermSet(reader, map, "terms", required: true);
        var except = ReadTermSet(reader, map, "except", required: false);
        if (terms is null)
        {
            return null;
        }

        return new TermsRuleDefinition
        {
            Id = id, Category = default, Severity = default, Message = string.Empty, Policy = string.Empty, Source = source,
            Terms = terms,
            Except = except ?? TermSetDefinition.Empty,
        };
    }

    private static PatternRuleDefinition? ReadPattern(YamlReader reader, YamlMappingNode map, string id, SourceLocation source)
    {
        string? pattern = reader.String(map, "pattern", required: true);
        var regex = pattern is null ? null : CompileRegex(reader, pattern, YamlReader.Get(map, "pattern"), "pattern");
        var validator = reader.Enum(map, "validator", required: false, s_validators) ?? PatternValidator.None;
        var profile = new List<ProfileList>();
        if (YamlReader.Get(map, "profile") is { } profileNode)
        {
            var names = reader.StringList(profileNode, "profile") ?? [];
            foreach (var name in names)
            {
                if (s_profileLists.TryGetValue(name, out var list))
                {
                    profile.Add(list);
                }
                else
                {
                    reader.Error(DiagnosticCodes.InvalidValue, $"'profile' must name {string.Join(", ", s_profileLists.Keys)} (found '{name}')", profileNode, "profile");
                }
            }
        }

        if (regex is null)
        {
            return null;
        }

        return new PatternRuleDefinition
        {
            Id = id, Category = default, Severity = default, Message = string.Empty, Policy = string.Empty, Source = source,
            Pattern = regex,
            Validator = validator,
            Profile = profile,
        };
    }

    private static ProximityRuleDefinition? ReadProximity(YamlReader reader, YamlMappingNode map, string id, SourceLocation source)
    {
        var anchor = ReadTermSet(reader, map, "anchor", required: true);
        var near = new List<TermSetDefinition>();
        if (YamlReader.Get(map, "near") is { } nearNode)
        {
            if (nearNode is YamlSequenceNode seq)
            {
                for (int i = 0; i < seq.Children.Count; i++)
                {
                    if (ReadTermSetNode(reader, seq.Children[i], $"near[{i}]") is { } set)
                    {
                        near.Add(set);
                    }
                }
            }
            else
            {
                reader.Error(DiagnosticCodes.WrongType, $"'near' must be a list of term sets, found {YamlReader.Describe(nearNode)}", nearNode, "near");
            }
        }

        int window = reader.Int(map, "window", 1, 100) ?? 10;
        bool person = reader.Bool(map, "person") ?? false;
        var unless = ReadTermSet(reader, map, "unless", required: false);
        var except = ReadTermSet(reader, map, "except", required: false);
        if (anchor is null)
        {
            return null;
        }

        return new ProximityRuleDefinition
        {
            Id = id, Category = default, Severity = default, Message = string.Empty, Policy = string.Empty, Source = source,
            Anchor = anchor,
            Near = near,
            Window = window,
            Person = person,
            Unless = unless ?? TermSetDefinition.Empty,
            Except = except ?? TermSetDefinition.Empty,
        };
    }

    private static ClassifierRuleDefinition? ReadClassifier(YamlReader reader, YamlMappingNode map, string id, SourceLocation source)
    {
        var node = YamlReader.Get(map, "threshold");
        double? threshold = null;
        string? named = null;
        if (node is null)
        {
            reader.Error(DiagnosticCodes.MissingKey, "missing required key 'threshold' (review, reject or a number from 0 to 1)", map, "threshold");
            return null;
        }

        if (node is YamlScalarNode { Value: "review" or "reject" } s)
        {
            named = s.Value;
        }
        else if (node is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d is >= 0 and <= 1)
        {
            threshold = d;
        }
        else
        {
            reader.Error(DiagnosticCodes.InvalidValue, $"'threshold' must be review, reject or a number from 0 to 1 (found {YamlReader.Describe(node)})", node, "threshold");
            return null;
        }

        int explain = reader.Int(map, "explain", 0, 50) ?? 5;
        return new ClassifierRuleDefinition
        {
            Id = id, Category = default, Severity = default, Message = string.Empty, Policy = string.Empty, Source = source,
            Threshold = threshold,
            NamedThreshold = named,
            Explain = explain,
        };
    }

    // ------------------------------------------------------------------ term sets

    private static TermSetDefinition? ReadTermSet(YamlReader reader, YamlMappingNode map, string key, bool required)
    {
        var node = YamlReader.Get(map, key);
        if (node is null)
        {
            if (required)
            {
                reader.Error(DiagnosticCodes.MissingKey, $"missing required key '{key}'", map, key);
            }

            return null;
        }

        var set = ReadTermSetNode(reader, node, key);
        if (set is not null && set.IsEmpty && required)
        {
            reader.Error(DiagnosticCodes.EmptyTermSet, $"'{key}' has nothing to match", node, key);
            return null;
        }

        return set;
    }

    /// <summary>A term set: a list of terms, or a mapping <c>{ terms: [...], patterns: [...] }</c>.</summary>
    private static TermSetDefinition? ReadTermSetNode(YamlReader reader, YamlNode node, string path)
    {
        if (node is YamlSequenceNode or YamlScalarNode)
        {
            var terms = ReadTermItems(reader, node, path);
            return terms is null ? null : new TermSetDefinition(terms, []);
        }

        if (node is YamlMappingNode map)
        {
            reader.CheckKeys(map, ["terms", "patterns"], path);
            var terms = YamlReader.Get(map, "terms") is { } t ? ReadTermItems(reader, t, $"{path}.terms") : [];
            var patterns = new List<Regex>();
            if (YamlReader.Get(map, "patterns") is { } p)
            {
                var list = reader.StringList(p, $"{path}.patterns") ?? [];
                var seq = p as YamlSequenceNode;
                for (int i = 0; i < list.Count; i++)
                {
                    var at = seq is not null && i < seq.Children.Count ? seq.Children[i] : p;
                    if (CompileRegex(reader, list[i], at, $"{path}.patterns[{i}]") is { } regex)
                    {
                        patterns.Add(regex);
                    }
                }
            }

            if (terms is { Count: 0 } && patterns.Count == 0)
            {
                reader.Error(DiagnosticCodes.EmptyTermSet, $"'{path}' has nothing to match", node, path);
                return null;
            }

            return terms is null ? null : new TermSetDefinition(terms, patterns);
        }

        reader.Error(DiagnosticCodes.WrongType, $"'{path}' must be a list of terms or a mapping with terms and patterns", node, path);
        return null;
    }

    private static List<TermItem>? ReadTermItems(YamlReader reader, YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } single })
        {
            return [new TermItem(single)];
        }

        if (node is not YamlSequenceNode seq)
        {
            reader.Error(DiagnosticCodes.WrongType, $"'{path}' must be a list, found {YamlReader.Describe(node)}", node, path);
            return null;
        }

        var items = new List<TermItem>(seq.Children.Count);
        for (int i = 0; i < seq.Children.Count; i++)
        {
            var child = seq.Children[i];
            string at = $"{path}[{i}]";
            switch (child)
            {
                case YamlScalarNode { Value: { } text }:
                    if (text.Trim().Length == 0)
                    {
                        reader.Error(DiagnosticCodes.InvalidTerm, $"'{at}' is empty", child, at);
                    }
                    else
                    {
                        items.Add(new TermItem(text));
                    }

                    break;
                case YamlMappingNode m:
                    reader.CheckKeys(m, ["term", "severity", "suggestion"], at);
                    string? term = reader.String(m, "term", required: true, $"{at}.term");
                    var sev = reader.Enum(m, "severity", required: false, Severities, $"{at}.severity");
                    string? suggestion = reader.String(m, "suggestion", required: false, $"{at}.suggestion");
                    if (term is not null)
                    {
                        items.Add(new TermItem(term, sev, suggestion));
                    }

                    break;
                default:
                    reader.Error(DiagnosticCodes.WrongType, $"'{at}' must be a term or a mapping with 'term'", child, at);
                    break;
            }
        }

        return items;
    }

    internal static Regex? CompileRegex(YamlReader reader, string pattern, YamlNode? node, string path)
    {
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // lookarounds, backreferences, atomic groups: backtracking engine with a timeout, so it cannot hang
        }
        catch (ArgumentException ex)
        {
            reader.Error(DiagnosticCodes.InvalidRegex, $"invalid regular expression: {ex.Message}", node, path);
            return null;
        }

        try
        {
            return new Regex(pattern, options, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            reader.Error(DiagnosticCodes.InvalidRegex, $"invalid regular expression: {ex.Message}", node, path);
            return null;
        }
    }

    // ------------------------------------------------------------------ examples

    private static IReadOnlyList<RuleExample> ReadExamples(YamlReader reader, YamlMappingNode map)
    {
        if (YamlReader.Get(map, "examples") is not { } node || reader.AsMapping(node, "examples") is not { } examples)
        {
            return [];
        }

        reader.CheckKeys(examples, ["flag", "pass"], "examples");
        var result = new List<RuleExample>();
        foreach (var (key, shouldFire) in new[] { ("flag", true), ("pass", false) })
        {
            if (YamlReader.Get(examples, key) is not { } list)
            {
                continue;
            }

            if (list is not YamlSequenceNode seq)
            {
                reader.Error(DiagnosticCodes.WrongType, $"'examples.{key}' must be a list of drafts", list, $"examples.{key}");
                continue;
            }

            for (int i = 0; i < seq.Children.Count; i++)
            {
                if (ReadDraft(reader, seq.Children[i], $"examples.{key}[{i}]") is { } draft)
                {
                    var at = seq.Children[i];
                    result.Add(new RuleExample(shouldFire, draft, new SourceLocation(reader.File, (int)at.Start.Line, (int)at.Start.Column)));
                }
            }
        }

        return result;
    }

    private static readonly string[] s_draftKeys = ["id", "title", "body", "channel", "audience", "author", "scheduledFor", "attachments"];
    private static readonly string[] s_attachmentKeys = ["kind", "fileName", "altText", "caption", "taggedPeople"];

    internal static Draft? ReadDraft(YamlReader reader, YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } body })
        {
            return new Draft { Body = body };
        }

        if (node is not YamlMappingNode map)
        {
            reader.Error(DiagnosticCodes.InvalidExample, $"'{path}' must be a text (the body) or a draft mapping", node, path);
            return null;
        }

        reader.CheckKeys(map, s_draftKeys, path);
        string? bodyText = reader.String(map, "body", required: false, $"{path}.body");
        var attachments = new List<Attachment>();
        if (YamlReader.Get(map, "attachments") is YamlSequenceNode seq)
        {
            for (int i = 0; i < seq.Children.Count; i++)
            {
                if (reader.AsMapping(seq.Children[i], $"{path}.attachments[{i}]") is { } a)
                {
                    reader.CheckKeys(a, s_attachmentKeys, $"{path}.attachments[{i}]");
                    attachments.Add(new Attachment
                    {
                        Kind = reader.String(a, "kind", required: false),
                        FileName = reader.String(a, "fileName", required: false),
                        AltText = reader.String(a, "altText", required: false),
                        Caption = reader.String(a, "caption", required: false),
                        TaggedPeople = reader.StringList(a, "taggedPeople") ?? [],
                    });
                }
            }
        }

        DateTimeOffset? scheduled = null;
        if (reader.String(map, "scheduledFor", required: false) is { } when)
        {
            if (DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                scheduled = parsed;
            }
            else
            {
                reader.Error(DiagnosticCodes.InvalidExample, $"'{path}.scheduledFor' is not an ISO 8601 date and time", YamlReader.Get(map, "scheduledFor"), $"{path}.scheduledFor");
            }
        }

        return new Draft
        {
            Id = reader.String(map, "id", required: false),
            Title = reader.String(map, "title", required: false),
            Body = bodyText ?? string.Empty,
            Channel = reader.String(map, "channel", required: false),
            Audience = reader.String(map, "audience", required: false),
            Author = reader.String(map, "author", required: false),
            ScheduledFor = scheduled,
            Attachments = attachments,
        };
    }
}
