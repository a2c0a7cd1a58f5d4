using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PostGuard.Diagnostics;

namespace PostGuard.Moderation;

/// <summary>
/// Validates <see cref="PostGuardOptions"/> at start-up: the options' own ranges and paths, then the files
/// themselves, by building the engine. The engine built here is kept for the moderator, so start-up builds it once.
/// </summary>
internal sealed class PostGuardOptionsValidator(StartupEngineCache cache) : IValidateOptions<PostGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, PostGuardOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            return ValidateOptionsResult.Fail(errors);
        }

        try
        {
            cache.Store(options, LoadedEngine.Load(options));
            return ValidateOptionsResult.Success;
        }
        catch (PostGuardConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Diagnostics.Select(d => $"PostGuard: {d}"));
        }
    }
}

/// <summary>The engine the validator built for an options instance, until the moderator takes it.</summary>
internal sealed class StartupEngineCache
{
    private readonly ConditionalWeakTable<PostGuardOptions, LoadedEngine> _engines = [];

    public void Store(PostGuardOptions options, LoadedEngine engine) => _engines.AddOrUpdate(options, engine);

    public LoadedEngine? Take(PostGuardOptions options)
        => _engines.TryGetValue(options, out var engine) && _engines.Remove(options) ? engine : null;
}
