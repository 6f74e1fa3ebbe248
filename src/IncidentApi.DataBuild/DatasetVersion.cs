using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IncidentApi.DataBuild;

/// <summary>
/// The dataset version: SHA-256 over every seed file's relative path (with '/'), length and bytes, in ordinal path
/// order. Same seeds, same version, on any machine (.gitattributes keeps data/ bytes as committed).
/// </summary>
public static class DatasetVersion
{
    public static string Of(string dataDir)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
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
