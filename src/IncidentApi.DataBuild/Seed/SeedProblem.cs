namespace IncidentApi.DataBuild.Seed;

/// <summary>One reason a seed directory cannot be built, printed as <c>file:line: record: reason</c>.</summary>
public sealed record SeedProblem(string File, int Line, string Record, string Reason)
{
    public static SeedProblem At(SeedLocation location, string reason) => new(location.File, location.Line, location.Record, reason);
    public override string ToString() => $"{File}:{Line}: {Record}: {Reason}";
}
