using System.Reflection;

namespace IncidentApi.DataBuild;

/// <summary>
/// Marks a response property whose values come from a closed list in code (a static member of <paramref name="source"/>),
/// so the API's document shows it as an enum and a generated client gets a union type, not a bare string.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ClosedListAttribute(Type source, string member) : Attribute
{
    public IEnumerable<string> Values => (IEnumerable<string>)(source.GetField(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
        ?? source.GetProperty(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!);
}
