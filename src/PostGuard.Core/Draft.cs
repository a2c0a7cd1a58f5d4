using System.Text.Json.Serialization;

namespace PostGuard;

/// <summary>
/// A social-media post as written, before it is published. Only <see cref="Body"/> is required.
/// </summary>
/// <remarks>Serialised as camelCase JSON; unknown JSON fields are ignored when reading.</remarks>
public sealed record Draft
{
    /// <summary>The caller's identifier for the draft (echoed in the verdict). Optional.</summary>
    public string? Id { get; init; }

    /// <summary>The post's title or headline, if the channel has one.</summary>
    public string? Title { get; init; }

    /// <summary>The text of the post. Required.</summary>
    public required string Body { get; init; }

    /// <summary>Where it will be published: website, facebook, x, instagram, newsletter, classdojo or any other name.</summary>
    public string? Channel { get; init; }

    /// <summary>Who will see it: public, parents or staff.</summary>
    public string? Audience { get; init; }

    /// <summary>When the post is scheduled to go live.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>Who wrote the post.</summary>
    public string? Author { get; init; }

    /// <summary>Images, videos, links and files attached to the post.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
}

/// <summary>A file or link attached to a <see cref="Draft"/>.</summary>
public sealed record Attachment
{
    /// <summary>image, video, link or file.</summary>
    public string? Kind { get; init; }

    /// <summary>The attachment's file name or URL.</summary>
    public string? FileName { get; init; }

    /// <summary>Alternative text describing an image or video.</summary>
    public string? AltText { get; init; }

    /// <summary>The caption shown with the attachment.</summary>
    public string? Caption { get; init; }

    /// <summary>Names of the people tagged in the attachment.</summary>
    public IReadOnlyList<string> TaggedPeople { get; init; } = [];

    /// <summary>True when <see cref="Kind"/> is an image or a video (anything that can picture a person).</summary>
    [JsonIgnore]
    public bool IsVisual => string.Equals(Kind, "image", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Kind, "video", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Kind, "photo", StringComparison.OrdinalIgnoreCase);
}
