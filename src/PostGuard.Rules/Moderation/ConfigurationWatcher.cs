using Microsoft.Extensions.Logging;

namespace PostGuard.Moderation;

/// <summary>
/// Watches the files an engine is built from and calls back, off the hot path, when they may have changed:
/// after <see cref="PostGuardOptions.ReloadDebounce"/> of quiet following a file-system event, and on every
/// <see cref="PostGuardOptions.PollInterval"/> tick (the callback compares content fingerprints, so a tick with no
/// change costs a read of the files and nothing else). Watchers whose folder disappears are dropped and recreated
/// when it comes back.
/// </summary>
internal sealed class ConfigurationWatcher : IDisposable
{
    private readonly PostGuardOptions _options;
    private readonly Action<ReloadTrigger> _onChange;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Timer _debounce;
    private readonly Timer? _poll;
    private readonly string? _rulesFolder;
    private readonly string[] _files;
    private FileSystemWatcher? _rulesWatcher;
    private readonly FileSystemWatcher?[] _fileWatchers;
    private bool _disposed;

    public ConfigurationWatcher(PostGuardOptions options, Action<ReloadTrigger> onChange, ILogger logger)
    {
        _options = options;
        _onChange = onChange;
        _logger = logger;
        _rulesFolder = options.RulesPath is { } rules ? Path.GetFullPath(rules) : null;
        _files = [.. new[] { options.ProfilePath, options.ConsentRegisterPath }.OfType<string>().Select(Path.GetFullPath)];
        _fileWatchers = new FileSystemWatcher?[_files.Length];
        _debounce = new Timer(static state => ((ConfigurationWatcher)state!).Fire(ReloadTrigger.FileChange), this, Timeout.Infinite, Timeout.Infinite);
        EnsureWatchers();
        if (options.PollInterval > TimeSpan.Zero)
        {
            _poll = new Timer(static state => ((ConfigurationWatcher)state!).Fire(ReloadTrigger.Poll), this, options.PollInterval, options.PollInterval);
        }

        string paths = string.Join(", ", new[] { _rulesFolder }.Concat(_files).OfType<string>());
        PostGuardLog.WatchingForChanges(_logger, paths.Length > 0 ? paths : "(nothing: default pack only)",
            options.ReloadDebounce.TotalMilliseconds, options.PollInterval.TotalSeconds);
    }

    private void Fire(ReloadTrigger trigger)
    {
        if (Volatile.Read(ref _disposed))
        {
            return;
        }

        EnsureWatchers();
        _onChange(trigger);
    }

    /// <summary>Creates the watchers whose folders exist and drops those whose folders are gone.</summary>
    private void EnsureWatchers()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_rulesFolder is not null)
            {
                _rulesWatcher = Ensure(_rulesWatcher, _rulesFolder, "*", recursive: true);
            }

            for (int i = 0; i < _files.Length; i++)
            {
                string folder = Path.GetDirectoryName(_files[i])!;
                _fileWatchers[i] = Ensure(_fileWatchers[i], folder, Path.GetFileName(_files[i]), recursive: false);
            }
        }
    }

    private FileSystemWatcher? Ensure(FileSystemWatcher? watcher, string folder, string filter, bool recursive)
    {
        if (!Directory.Exists(folder))
        {
            watcher?.Dispose();
            return null;
        }

        if (watcher is not null)
        {
            return watcher;
        }

        try
        {
            var created = new FileSystemWatcher(folder, filter)
            {
                IncludeSubdirectories = recursive,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            created.Changed += OnEvent;
            created.Created += OnEvent;
            created.Deleted += OnEvent;
            created.Renamed += OnEvent;
            created.Error += OnError;
            created.EnableRaisingEvents = true;
            return created;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            PostGuardLog.WatcherFailed(_logger, folder, ex);
            return null;
        }
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        try
        {
            _debounce.Change(_options.ReloadDebounce, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // disposed while an event was in flight
        }
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        var watcher = (FileSystemWatcher)sender;
        PostGuardLog.WatcherFailed(_logger, watcher.Path, e.GetException());
        lock (_gate)
        {
            if (ReferenceEquals(watcher, _rulesWatcher))
            {
                _rulesWatcher = null;
            }

            for (int i = 0; i < _fileWatchers.Length; i++)
            {
                if (ReferenceEquals(watcher, _fileWatchers[i]))
                {
                    _fileWatchers[i] = null;
                }
            }
        }

        watcher.Dispose();
        OnEvent(sender, new FileSystemEventArgs(WatcherChangeTypes.Changed, watcher.Path, null));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Volatile.Write(ref _disposed, true);
            _rulesWatcher?.Dispose();
            _rulesWatcher = null;
            for (int i = 0; i < _fileWatchers.Length; i++)
            {
                _fileWatchers[i]?.Dispose();
                _fileWatchers[i] = null;
            }
        }

        _debounce.Dispose();
        _poll?.Dispose();
    }
}
