using PostGuard.Rules.Kinds.Classifier;
using PostGuard.Rules.Kinds.PupilNames;

namespace PostGuard.Rules;

/// <summary>The outcome of one rule example.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Example">The example.</param>
/// <param name="Passed">True when the rule fired on a <c>flag</c> example, or did not fire on a <c>pass</c> example.</param>
/// <param name="Skipped">True when the example could not be run (a classifier rule without a classifier, a disabled rule).</param>
public sealed record RuleExampleResult(string RuleId, RuleExample Example, bool Passed, bool Skipped);

/// <summary>
/// Runs each rule's <c>examples</c> through an engine built from the whole pack, so the pack tests itself.
/// A <c>pupil-names</c> rule's examples run through an engine built from that rule and its <c>testRegister</c>
/// of fictional pupils, whatever register the given engine has: examples are written for the fixture, and a
/// school's real register is never needed (or used) to test a pack.
/// </summary>
public static class RuleExamples
{
    /// <summary>Runs every example of every rule in <paramref name="pack"/> through <paramref name="engine"/> (built from that pack).</summary>
    public static IReadOnlyList<RuleExampleResult> Run(RulePack pack, PostGuardEngine engine)
    {
        var results = new List<RuleExampleResult>();
        foreach (var rule in pack.Rules)
        {
            bool runnable = rule.Enabled && (rule.Kind != "classifier" || engine.Classifier is not null);
            PostGuardEngine? ruleEngine = null;
            foreach (var example in rule.Examples)
            {
                if (!runnable)
                {
                    results.Add(new RuleExampleResult(rule.Id, example, Passed: true, Skipped: true));
                    continue;
                }

                ruleEngine ??= rule is PupilNamesRuleDefinition names ? ExampleEngine(pack, names, engine) : engine;
                var verdict = ruleEngine.Evaluate(example.Draft);
                bool fired = rule is ClassifierRuleDefinition classifierRule
                    // a classifier rule fires when the score reaches its threshold, even if a stricter classifier rule reports it
                    ? verdict.Toxicity >= (classifierRule.Threshold ?? (classifierRule.NamedThreshold == "reject" ? engine.Classifier!.RejectThreshold : engine.Classifier!.ReviewThreshold))
                    : verdict.Findings.Any(f => f.RuleId == rule.Id);
                results.Add(new RuleExampleResult(rule.Id, example, fired == example.ShouldFire, Skipped: false));
            }
        }

        return results;
    }

    private static PostGuardEngine ExampleEngine(RulePack pack, PupilNamesRuleDefinition rule, PostGuardEngine engine)
    {
        var single = new RulePack(pack.Name, pack.Version, pack.Description, [rule], pack.Allow, pack.Policy, pack.Hash, pack.Origin);
        return new PostGuardEngineBuilder().UseRulePack(single).UseConsentRegister(rule.TestRegister).UseClassifier(engine.Classifier).Build();
    }
}
