namespace IncidentApi.Features.Incidents;

/// <summary>A download of incidents: every match, in order, with the sparse fieldset of <c>fields</c> when one is given.</summary>
public abstract class IncidentDownload(IEnumerable<IncidentDto> incidents, string[]? fields, string fileName, string contentType)
    : Download(fileName, contentType)
{
    protected IEnumerable<IncidentDto> Incidents => incidents;
    protected bool Keep(string field) => fields is null || fields.Contains(field);
}
