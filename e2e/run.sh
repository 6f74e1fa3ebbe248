#!/usr/bin/env bash
# Browser tests: serve the API from a fresh build over a database built from data/, on a free loopback port, then
# drive Debian's chromium through playwright-core (node --test e2e/). Exits non-zero on any failure. Installs what it
# needs: chromium and a CJK font (fonts-noto-cjk, so Chinese names render as characters, not boxes) through apt when
# missing, playwright-core through npm ci (the lock file pins it; it downloads no browser).
# Screenshots for docs/ only when asked, so a CI run leaves the working tree as it found it:
#   SCREENSHOTS=1 bash e2e/run.sh   # writes docs/explorer-desktop.png, docs/explorer-phone.png, docs/swagger.png
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v curl >/dev/null || { echo "e2e: curl is required" >&2; exit 1; }

(cd e2e && npm ci --no-audit --no-fund --loglevel=error)

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
base="http://127.0.0.1:$port"

dotnet build src/IncidentApi -c Release --nologo -v q
# The built app itself (not `dotnet run`, whose child would outlive a kill), run from its project folder, the
# content root, so wwwroot is served; as the public sees it (Production), over a database that it builds from data/
# into a temp file at start, with the rate limit out of the tests' way and its public address configured (absolute links).
(cd src/IncidentApi && ASPNETCORE_ENVIRONMENT=Production Database__Path="$work/incidents.db" Database__SeedPath="$root/data" \
  RateLimit__PermitsPerSecond=100000 RateLimit__Burst=100000 Proxy__PublicBaseUrl="$base" \
  exec dotnet bin/Release/net10.0/IncidentApi.dll --urls "$base" > "$work/service.log" 2>&1) &
pid=$!

ready=""
for _ in $(seq 1 240); do
  if curl -fs "$base/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "e2e: the service did not become ready at $base; its log:" >&2
  tail -n 50 "$work/service.log" >&2
  exit 1
fi

status=0
BASE_URL="$base" SCREENSHOTS="${SCREENSHOTS:-}" node --test e2e/ || status=$?
if [ "$status" -ne 0 ]; then
  echo "e2e: browser tests failed; the service log ends:" >&2
  tail -n 20 "$work/service.log" >&2
fi
exit "$status"
