using Dapper;
using Microsoft.Data.Sqlite;

namespace IncidentApi.DataBuild.Database;

/// <summary>
/// Tables and indexes of incidents.db. The file is written once and then only read, so it is normalised for the
/// filters in API.md and indexed for each of them; the default rollback journal (not WAL) lets read-only opens work.
/// </summary>
public static class Schema
{
    public const string Sql = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE countries (
            code TEXT PRIMARY KEY, alpha3 TEXT NOT NULL UNIQUE, name TEXT NOT NULL, region TEXT NOT NULL,
            subregion TEXT, lat REAL NOT NULL, lon REAL NOT NULL) WITHOUT ROWID;
        CREATE TABLE methods (
            slug TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL,
            source_url TEXT, source_publisher TEXT NOT NULL, source_quote TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE operations (
            slug TEXT PRIMARY KEY, name TEXT NOT NULL, name_zh TEXT, parent TEXT REFERENCES operations(slug),
            origin_country TEXT NOT NULL, launched TEXT, launched_precision TEXT, launched_note TEXT, lead_agency TEXT,
            description TEXT NOT NULL, notes TEXT) WITHOUT ROWID;
        CREATE TABLE operation_claims (
            operation TEXT NOT NULL, position INTEGER NOT NULL, year TEXT NOT NULL, figure INTEGER NOT NULL,
            claim TEXT NOT NULL, url TEXT NOT NULL, quote TEXT NOT NULL, PRIMARY KEY (operation, position)) WITHOUT ROWID;
        CREATE TABLE operation_sources (
            operation TEXT NOT NULL, position INTEGER NOT NULL, url TEXT NOT NULL, publisher TEXT NOT NULL, title TEXT,
            published_on TEXT, kind TEXT NOT NULL, quote TEXT NOT NULL, PRIMARY KEY (operation, position)) WITHOUT ROWID;
        CREATE TABLE releases (
            version TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, date TEXT NOT NULL, summary TEXT NOT NULL,
            incidents INTEGER NOT NULL) WITHOUT ROWID;
        -- What each release added, changed and removed (withdrawn ids answer 410 with replaced_by), in release order.
        CREATE TABLE release_changes (
            version TEXT NOT NULL REFERENCES releases(version), position INTEGER NOT NULL, id TEXT NOT NULL,
            change TEXT NOT NULL, what TEXT, replaced_by TEXT, PRIMARY KEY (version, position)) WITHOUT ROWID;
        CREATE INDEX release_changes_by_id ON release_changes (id);
        CREATE TABLE figures (
            key TEXT PRIMARY KEY, position INTEGER NOT NULL, publisher TEXT NOT NULL, report TEXT, period TEXT,
            figure INTEGER NOT NULL, unit TEXT NOT NULL, scope TEXT, url TEXT, published_on TEXT, quote TEXT NOT NULL,
            notes TEXT) WITHOUT ROWID;
        -- seq is the rowid, assigned in id order; the full-text index and the link tables refer to it.
        CREATE TABLE incidents (
            seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
            date TEXT NOT NULL, date_precision TEXT NOT NULL, date_start TEXT NOT NULL, date_end TEXT NOT NULL, date_meaning TEXT,
            origin_country TEXT NOT NULL REFERENCES countries(code), host_country TEXT REFERENCES countries(code), city TEXT,
            lat REAL, lon REAL, location_precision TEXT,
            operation TEXT REFERENCES operations(slug), outcome TEXT NOT NULL, attribution TEXT NOT NULL, people INTEGER,
            target_name TEXT, target_name_zh TEXT, target_type TEXT,   -- the first target, for v1's deprecated "target"
            summary TEXT NOT NULL, confidence TEXT NOT NULL, notes TEXT, added_on TEXT NOT NULL, updated_on TEXT NOT NULL);
        CREATE INDEX incidents_by_date ON incidents (date_start, id);
        CREATE INDEX incidents_by_date_end ON incidents (date_end);
        CREATE INDEX incidents_by_host ON incidents (host_country, date_start);
        CREATE INDEX incidents_by_origin ON incidents (origin_country, date_start);
        CREATE INDEX incidents_by_operation ON incidents (operation, date_start);
        CREATE INDEX incidents_by_outcome ON incidents (outcome);
        CREATE INDEX incidents_by_target_type ON incidents (target_type);
        -- Each incident as the API publishes it (IncidentJson), serialized once here: a page of a list is these, side by side.
        CREATE TABLE incident_json (incident INTEGER PRIMARY KEY REFERENCES incidents(seq), json BLOB NOT NULL);
        CREATE TABLE incident_methods (
            incident INTEGER NOT NULL REFERENCES incidents(seq), method TEXT NOT NULL REFERENCES methods(slug),
            PRIMARY KEY (method, incident)) WITHOUT ROWID;
        CREATE INDEX incident_methods_by_incident ON incident_methods (incident, method);
        CREATE TABLE incident_sources (
            incident INTEGER NOT NULL REFERENCES incidents(seq), position INTEGER NOT NULL, url TEXT NOT NULL,
            publisher TEXT NOT NULL, title TEXT, published_on TEXT, kind TEXT NOT NULL, quote TEXT NOT NULL,
            PRIMARY KEY (incident, position)) WITHOUT ROWID;
        CREATE TABLE incident_targets (
            incident INTEGER NOT NULL REFERENCES incidents(seq), position INTEGER NOT NULL, name TEXT NOT NULL,
            name_zh TEXT, type TEXT, PRIMARY KEY (incident, position)) WITHOUT ROWID;
        CREATE INDEX incident_targets_by_type ON incident_targets (type, incident);
        -- The structured fields a curator read into the sources ("operation", "methods.deportation", ...).
        CREATE TABLE incident_inferred (
            incident INTEGER NOT NULL REFERENCES incidents(seq), field TEXT NOT NULL, PRIMARY KEY (incident, field)) WITHOUT ROWID;
        -- Contentless: it only answers MATCH and ranks; the rows come from incidents. Text is SearchText.ForIndex'd.
        -- topics: the operation's and methods' names in English and Chinese; sources: their titles, publishers and quotes.
        CREATE VIRTUAL TABLE incident_search USING fts5 (
            title, summary, names, places, topics, sources, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
        """;

    public static void Create(SqliteConnection db) => db.Execute(Sql);
}
