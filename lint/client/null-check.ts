// Must NOT compile: lint/run.sh expects tsc to reject each line below with "possibly 'null'" (TS18047). The document
// marks these properties nullable because real records hold null there; a client that skips the check must not build.
import type { components } from "./schema";

declare const incident: components["schemas"]["IncidentDto"];
export const slug: string = incident.operation.slug;
export const host: string = incident.hostCountry.code;
export const lat: number = incident.location.lat;
