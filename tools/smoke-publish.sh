#!/usr/bin/env bash
# Runs the Dockerfile's steps outside Docker (no engine exists here): publish, build the database from data/,
# start the published binary as the image would (no seed path, read-only database), then check /health/ready,
# one query, and the probe the HEALTHCHECK uses. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
port=${SMOKE_PORT:-18080}
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish src/IncidentApi -c Release -o "$work/app" --nologo -v q
dotnet run --project src/IncidentApi.DataBuild -c Release -- --data data --out "$work/app/incidents.db"
chmod 0444 "$work/app/incidents.db"
(cd "$work/app" && ASPNETCORE_URLS="http://127.0.0.1:$port" Database__Path="$work/app/incidents.db" Database__SeedPath= \
  exec dotnet IncidentApi.dll > "$work/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$port/health/ready"; echo
curl -fsS "http://127.0.0.1:$port/api/v1/incidents?country=CA&pageSize=1&fields=title" | head -c 300; echo
dotnet "$work/app/IncidentApi.dll" --probe "http://127.0.0.1:$port/health/ready"
echo "smoke: published binary serves the baked database"
