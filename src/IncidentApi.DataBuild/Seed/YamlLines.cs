using YamlDotNet.RepresentationModel;

namespace IncidentApi.DataBuild.Seed;

/// <summary>
/// The line of every field in a YAML node, keyed by path ("sources[1].quote", "methods[0]"), so that a problem names
/// the line of the offending field rather than the record's first line. Deserialising loses positions; the
/// representation model keeps them.
/// </summary>
internal static class YamlLines
{
    public static Dictionary<string, int> Of(YamlNode node)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        Walk(node, "", lines);
        return lines;
    }

    // A field's line is its key's line (a null or multi-line value starts there too); a list item's is its own.
    private static void Walk(YamlNode node, string path, Dictionary<string, int> lines)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var child = path.Length == 0 ? (key as YamlScalarNode)?.Value ?? "" : $"{path}.{(key as YamlScalarNode)?.Value}";
                    lines[child] = (int)key.Start.Line;
                    Walk(value, child, lines);
                }
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    lines[$"{path}[{i}]"] = (int)list.Children[i].Start.Line;
                    Walk(list.Children[i], $"{path}[{i}]", lines);
                }
                break;
        }
    }

    /// <summary>The lines of each document root (one for an incident file) or each item of a top-level list.</summary>
    public static IReadOnlyList<Dictionary<string, int>> OfFile(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        if (stream.Documents.Count == 0) return [];
        return stream.Documents[0].RootNode is YamlSequenceNode items ? items.Children.Select(Of).ToList() : [Of(stream.Documents[0].RootNode)];
    }
}
