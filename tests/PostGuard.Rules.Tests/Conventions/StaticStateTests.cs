using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PostGuard.Classification;

namespace PostGuard.Rules.Tests.Conventions;

/// <summary>
/// No shared mutable state on the hot path: every static field of PostGuard.Core and PostGuard.Rules is a constant, a
/// [ThreadStatic] per-thread cache, or readonly and immutable (strings, frozen collections, Lazy, compiled regexes,
/// immutable engine objects). Readonly tables that are arrays or dictionaries are filled once in a static
/// initializer and only read afterwards; each is listed below by name, so a new one is a deliberate, reviewed choice.
/// </summary>
public class StaticStateTests
{
    private static readonly HashSet<string> s_readOnlyTables =
    [
        // filled once in CharFolding's static constructor, read-only afterwards
        "PostGuard.Text.CharFolding.s_text",
        "PostGuard.Text.CharFolding.s_kind",
        "PostGuard.Text.CharFolding.s_math",
        "PostGuard.Text.CharFolding.s_confusables",
        "PostGuard.Text.CharFolding.s_upperConfusables",
        "PostGuard.Text.CharFolding.s_expansions",
        // training only: an Encoding keeps no per-call state (encoders and decoders are created per call)
        "PostGuard.Classification.TweetCleaner.s_cp1252",
        // the engine's cache of attachment field names, filled in its static initializer
        "PostGuard.PostGuardEngine.s_attachmentFieldNames",
        // key lists and lookup tables of the YAML and CSV loaders (load time, not the check hot path), never written
        "PostGuard.Rules.SchoolProfile.s_rootKeys",
        "PostGuard.Rules.SchoolProfile.s_schoolKeys",
        "PostGuard.Rules.Loading.RulePackLoader.s_packKeys",
        "PostGuard.Rules.Loading.RulePackLoader.s_policyKeys",
        "PostGuard.Rules.Loading.RulePackLoader.s_commonKeys",
        "PostGuard.Rules.Loading.RulePackLoader.s_kindKeys",
        "PostGuard.Rules.Loading.RulePackLoader.s_consentCases",
        "PostGuard.Rules.Loading.RulePackLoader.Categories",
        "PostGuard.Rules.Loading.RulePackLoader.Severities",
        "PostGuard.Rules.Loading.RulePackLoader.s_decisions",
        "PostGuard.Rules.Loading.RulePackLoader.s_validators",
        "PostGuard.Rules.Loading.RulePackLoader.s_profileLists",
        "PostGuard.Rules.Loading.RulePackLoader.s_draftKeys",
        "PostGuard.Rules.Loading.RulePackLoader.s_attachmentKeys",
        "PostGuard.Rules.Kinds.PupilNames.NameHeuristics.CommonWords",
        "PostGuard.Rules.Kinds.PupilNames.NameHeuristics.Phrases",
        "PostGuard.Rules.Consent.ConsentColumnMap.FieldNames",
        "PostGuard.Rules.Consent.ConsentCsvReader.s_yes",
        "PostGuard.Rules.Consent.ConsentCsvReader.s_no",
        // the metric tag per decision, built once
        "PostGuard.Moderation.PostGuardMetrics.s_decisionTags",
    ];

    private static bool IsImmutable(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(Regex) || type.IsSubclassOf(typeof(Regex))
        || typeof(Delegate).IsAssignableFrom(type) // a delegate instance never changes (LoggerMessage's cached callbacks)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Lazy<>))
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(FrozenDictionary<,>) || g == typeof(FrozenSet<>)))
        || type.Name.StartsWith("SearchValues", StringComparison.Ordinal)
        || type == typeof(PostGuardEngine) || type == typeof(DecisionPolicy) || type == typeof(LinearToxicityClassifier)
        || (type.GetCustomAttribute<IsReadOnlyAttribute>() is not null && type.IsValueType)
        || (type.Namespace?.StartsWith("PostGuard", StringComparison.Ordinal) == true && HasOnlyReadonlyFields(type));

    /// <summary>A PostGuard type whose instance fields are all readonly (a record with init-only properties, say).</summary>
    private static bool HasOnlyReadonlyFields(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            if (t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).Any(f => !f.IsInitOnly))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Framework objects that are immutable once frozen: checked on the value itself.</summary>
    private static bool IsFrozenValue(object? value) => value switch
    {
        System.Text.Json.JsonSerializerOptions o => o.IsReadOnly,
        System.Globalization.CultureInfo c => c.IsReadOnly,
        System.Text.Encoding e => e.IsReadOnly,
        _ => false,
    };

    public static IEnumerable<TestCaseData> Assemblies()
    {
        yield return new TestCaseData(typeof(PostGuardEngine).Assembly).SetName("StaticFields_PostGuardCore_AreImmutableOrThreadStatic");
        yield return new TestCaseData(typeof(RulePack).Assembly).SetName("StaticFields_PostGuardRules_AreImmutableOrThreadStatic");
    }

    [TestCaseSource(nameof(Assemblies))]
    public void StaticFields_InLibraryAssemblies_AreImmutableOrThreadStatic(Assembly assembly)
    {
        var offenders = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsDefined(typeof(CompilerGeneratedAttribute)))
            {
                continue; // lambda caches and state machines: written once, benignly racy by design of the compiler
            }

            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                string name = $"{type.FullName}.{field.Name}";
                if (field.IsLiteral || field.IsDefined(typeof(ThreadStaticAttribute)))
                {
                    continue;
                }

                if (!field.IsInitOnly)
                {
                    offenders.Add($"{name}: static and not readonly");
                }
                else if (!IsImmutable(field.FieldType) && !IsFrozenValue(field.GetValue(null)) && !s_readOnlyTables.Contains(name))
                {
                    offenders.Add($"{name}: readonly, but {field.FieldType.Name} is mutable");
                }
            }
        }

        offenders.Should().BeEmpty("the engine is shared by every thread; per-check state lives in [ThreadStatic] scratch objects");
    }
}
