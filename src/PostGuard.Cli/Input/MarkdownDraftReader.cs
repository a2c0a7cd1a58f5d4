using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PostGuard.Cli.Input;

/// <summary>
/// Reads a Markdown post. With YAML front matter (a Hugo/Jekyll <c>---</c> block on the first line): <c>title</c>,
/// <c>date</c>/<c>publishDate</c> (the scheduled time; <c>publishDate</c> wins), <c>channel</c>, <c>audience</c>,
/// <c>author</c>, <c>id</c>, <c>images</c> (<c>{ src, alt, caption, tags }</c> → image attachments) and
/// <c>postguard: { accept: [{ rule, reason, by }] }</c>; other keys (tags, draft, ...) are ignored. The body is the
/// text after the block, and every field remembers where it is in the file so findings point at file lines.
/// Without front matter the whole file is the body.
/// </summary>
internal static class MarkdownDraftReader
{
    public static void Read(SourceText source, string defaultId, List<DraftInput> drafts, List<InputError> errors)
    {
        string text = source.Text;
        if (!StartsWithFence(text))
        {
            drafts.Add(new DraftInput(new Draft { Id = defaultId, Body = text }, source.Path, 1)
            {
                Fields = new Dictionary<string, FieldSource> { ["body"] = new(source, 0) },
            });
            return;
        }

        // find the closing fence: a line that is exactly --- (or ...)
        int yamlStart = text.IndexOf('\n') + 1;
        int close = -1, bodyStart = text.Length;
        for (int lineStart = yamlStart; lineStart < text.Length;)
        {
            int end = text.IndexOf('\n', lineStart);
            int next = end < 0 ? text.Length : end + 1;
            string line = text[lineStart..(end < 0 ? text.Length : end)].TrimEnd('\r', ' ', '\t');
            if (line is "---" or "...")
            {
                close = lineStart;
                bodyStart = next;
                break;
            }

            lineStart = next;
        }

        if (close < 0)
        {
            errors.Add(new InputError(source.Path, 1, "malformed front matter: the '---' block opened on line 1 is never closed with a '---' line"));
            return;
        }

        var context = new FrontMatter(source, errors);
        var map = context.Parse(text[yamlStart..close]);
        if (map is null)
        {
            return;
        }

        var fields = new Dictionary<string, FieldSource> { ["body"] = new(source, bodyStart) };
        string? title = context.Scalar(map, "title", fields, "title");
        string? id = context.Scalar(map, "id", null, null);
        string? channel = context.Scalar(map, "channel", null, null);
        string? audience = context.Scalar(map, "audience", null, null);
        string? author = context.Scalar(map, "author", null, null);
        var scheduled = context.Date(map, "publishDate") ?? context.Date(map, "date");
        var attachments = context.Images(map, fields);
        var accept = context.Accept(map);
        if (context.Failed)
        {
            return;
        }

        var draft = new Draft
        {
            Id = id ?? defaultId,
            Title = title,
            Body = text[bodyStart..],
            Channel = channel,
            Audience = audience,
            Author = author,
            ScheduledFor = scheduled,
            Attachments = attachments,
        };
        drafts.Add(new DraftInput(draft, source.Path, 1) { Fields = fields, Accept = accept });
    }

    private static bool StartsWithFence(string text)
        => text.StartsWith("---\n", StringComparison.Ordinal) || text.StartsWith("---\r\n", StringComparison.Ordinal);

    /// <summary>Reads the front matter's values; every problem is reported at its file line and column.</summary>
    private sealed class FrontMatter(SourceText source, List<InputError> errors)
    {
        public bool Failed { get; private set; }

        public YamlMappingNode? Parse(string yaml)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(yaml));
                if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
                {
                    return new YamlMappingNode();
                }

                if (stream.Documents[0].RootNode is YamlMappingNode map)
                {
                    return map;
                }

                Error(stream.Documents[0].RootNode.Start, "malformed front matter: expected 'key: value' lines");
                return null;
            }
            catch (YamlException ex)
            {
                string message = ex.InnerException?.Message ?? ex.Message;
                int i = message.IndexOf("): ", StringComparison.Ordinal);
                message = message.StartsWith('(') && i > 0 ? message[(i + 3)..] : message;
                Error(ex.Start, $"malformed front matter: {message.TrimEnd('.')}");
                return null;
            }
        }

        public string? Scalar(YamlMappingNode map, string key, Dictionary<string, FieldSource>? fields, string? field)
            => Get(map, key) is { } node ? ScalarValue(node, key, fields, field) : null;

        public DateTimeOffset? Date(YamlMappingNode map, string key)
        {
            if (Scalar(map, key, null, null) is not { } value)
            {
                return null;
            }

            if (UkTime.TryParseIso(value, out var date))
            {
                return date;
            }

            Error(Get(map, key)!.Start, $"malformed front matter: '{key}' is not a date (found '{value}'; use ISO 8601, e.g. 2025-03-14T09:00:00Z)");
            return null;
        }

        public List<Attachment> Images(YamlMappingNode map, Dictionary<string, FieldSource> fields)
        {
            var list = new List<Attachment>();
            if (Get(map, "images") is not { } node)
            {
                return list;
            }

            if (node is not YamlSequenceNode seq)
            {
                Error(node.Start, "malformed front matter: 'images' must be a list of { src, alt, caption, tags }");
                return list;
            }

            foreach (var item in seq.Children)
            {
                int i = list.Count;
                if (item is YamlScalarNode src)
                {
                    list.Add(new Attachment { Kind = "image", FileName = src.Value });
                    continue;
                }

                if (item is not YamlMappingNode image)
                {
                    Error(item.Start, $"malformed front matter: images[{i}] must be {{ src, alt, caption, tags }}");
                    continue;
                }

                var tags = new List<string>();
                if (Get(image, "tags") is { } tagNode)
                {
                    if (tagNode is YamlSequenceNode tagSeq)
                    {
                        foreach (var tag in tagSeq.Children)
                        {
                            if (ScalarValue(tag, "tags", fields, $"attachments[{i}].taggedPeople[{tags.Count}]") is { } t)
                            {
                                tags.Add(t);
                            }
                        }
                    }
                    else if (ScalarValue(tagNode, "tags", fields, $"attachments[{i}].taggedPeople[0]") is { } single)
                    {
                        tags.Add(single);
                    }
                }

                list.Add(new Attachment
                {
                    Kind = "image",
                    FileName = Scalar(image, "src", null, null),
                    AltText = Scalar(image, "alt", fields, $"attachments[{i}].altText"),
                    Caption = Scalar(image, "caption", fields, $"attachments[{i}].caption"),
                    TaggedPeople = tags,
                });
            }

            return list;
        }

        public List<InlineAcceptance> Accept(YamlMappingNode map)
        {
            var list = new List<InlineAcceptance>();
            if (Get(map, "postguard") is not { } node)
            {
                return list;
            }

            if (node is not YamlMappingNode pg || Get(pg, "accept") is not YamlSequenceNode accept)
            {
                Error(node.Start, "malformed front matter: 'postguard' must be { accept: [{ rule: ID, reason: \"...\", by: \"...\" }] }");
                return list;
            }

            foreach (var item in accept.Children)
            {
                if (item is not YamlMappingNode entry || Scalar(entry, "rule", null, null) is not { Length: > 0 } rule)
                {
                    Error(item.Start, "malformed front matter: each postguard.accept entry needs 'rule: ID' (and 'reason', 'by')");
                    continue;
                }

                list.Add(new InlineAcceptance(rule, Scalar(entry, "reason", null, null), Scalar(entry, "by", null, null)));
            }

            return list;
        }

        private string? ScalarValue(YamlNode node, string key, Dictionary<string, FieldSource>? fields, string? field)
        {
            if (node is not YamlScalarNode scalar)
            {
                Error(node.Start, $"malformed front matter: '{key}' must be a single value");
                return null;
            }

            if (fields is not null && field is not null && scalar.Value is { Length: > 0 })
            {
                bool quoted = scalar.Style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted;
                int offset = source.OffsetOf(FileLine(scalar.Start), (int)scalar.Start.Column) + (quoted ? 1 : 0);
                fields[field] = new FieldSource(source, offset);
            }

            return scalar.Value;
        }

        private static YamlNode? Get(YamlMappingNode map, string key)
            => map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && string.Equals(k.Value, key, StringComparison.Ordinal)).Value;

        // the YAML starts on the file's second line
        private static int FileLine(Mark mark) => (int)mark.Line + 1;

        private void Error(Mark mark, string message)
        {
            Failed = true;
            errors.Add(new InputError(source.Path, FileLine(mark), message, (int)mark.Column));
        }
    }
}
