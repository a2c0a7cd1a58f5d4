using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostGuard;
using PostGuard.Moderation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PostGuard's <see cref="IPostModerator"/> in a service collection.</summary>
/// <remarks>
/// The moderator is a singleton. Its options are validated when the host starts (<c>ValidateOnStart</c>): a missing
/// rule pack folder, profile or register, or a pack with errors, stops start-up with every problem listed, instead of
/// failing the first request. Without a host, the first resolution of <see cref="IPostModerator"/> validates.
/// Calling <c>AddPostGuard</c> again adds another configuration step to the same options.
/// </remarks>
public static class PostGuardServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPostModerator"/> with the default UK schools pack and the shipped classifier.</summary>
    public static IServiceCollection AddPostGuard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PostGuardOptions>();
        return AddCore(services);
    }

    /// <summary>Registers <see cref="IPostModerator"/> configured by <paramref name="configure"/>.</summary>
    /// <example><code>services.AddPostGuard(o =&gt; { o.RulesPath = "rules"; o.WatchForChanges = true; });</code></example>
    public static IServiceCollection AddPostGuard(this IServiceCollection services, Action<PostGuardOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PostGuardOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="IPostModerator"/> with options bound from <paramref name="configuration"/>, usually
    /// <c>configuration.GetSection("PostGuard")</c> (keys: the property names of <see cref="PostGuardOptions"/>).
    /// </summary>
    public static IServiceCollection AddPostGuard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PostGuardOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<PostGuardOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostGuardOptions>, PostGuardOptionsValidator>());
        services.TryAddSingleton<StartupEngineCache>();
        services.TryAddSingleton(static sp =>
        {
            // The monitor's instance is the one ValidateOnStart validated, and whose engine the validator kept.
            var options = sp.GetRequiredService<IOptionsMonitor<PostGuardOptions>>().Get(Options.Options.DefaultName);
            var initial = sp.GetRequiredService<StartupEngineCache>().Take(options);
            return new PostModerator(options, initial, sp.GetService<ILoggerFactory>(), sp.GetService<IMeterFactory>());
        });
        services.TryAddSingleton<IPostModerator>(static sp => sp.GetRequiredService<PostModerator>());
        return services;
    }
}
