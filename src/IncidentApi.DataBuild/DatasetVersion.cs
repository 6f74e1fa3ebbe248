using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IncidentApi.DataBuild;

/// <summary>
/// The dataset version: SHA-256 over the database format and every seed file's relative path (with '/'), length and
/// bytes, in ordinal path order. Same seeds, same version, on any machine (.gitattributes keeps data/ bytes as
/// committed); a change to how the database is built (schema, search index) bumps <see cref="Format"/>, so existing
/// files count as stale and are rebuilt.
/// </summary>
public static class DatasetVersion
{
    public const int Format = 5;

    public static string Of(string dataDir)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"incidentapi-format-{Format}\n"));
        var files = Directory.EnumerateFiles(dataDir, "*.yaml", SearchOption.AllDirectories)
            .Select(f => (Path: f, Relative: Path.GetRelativePath(dataDir, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (path, relative) in files)
        {
            var bytes = File.ReadAllBytes(path);
            sha.AppendData(Encoding.UTF8.GetBytes(relative));
            var length = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
            sha.AppendData(length);
            sha.AppendData(bytes);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
