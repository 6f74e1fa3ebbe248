#!/usr/bin/env bash
# OpenAPI lint and client check, plus the Dockerfile lint. Run from anywhere: bash lint/run.sh
#   1. npm ci          the pinned tools of lint/package.json (package-lock.json)
#   2. spectral        openapi/v1.json against .spectral.yml (spectral:oas + OWASP + house rules); fails on any error
#   3. client types    openapi-typescript -> lint/client/schema.d.ts, then tsc --strict over lint/client/usage.ts, and
#                      client/null-check.ts must FAIL to compile: every nullable field forces a null check
#   4. dockerfilelint  ../Dockerfile
# Every step runs (after npm ci); the script prints one summary line per step and exits 1 if any step failed.
set -uo pipefail
cd "$(dirname "$0")"
bin=node_modules/.bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
summary() { printf '%-16s %s\n' "$1:" "$2"; }

# 1. Tools, exactly as locked.
if ! SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error >"$tmp/npm.log" 2>&1; then
  cat "$tmp/npm.log"
  summary "npm ci" "FAILED"
  exit 1
fi
summary "npm ci" "ok ($(ls node_modules | wc -l | tr -d ' ') top-level packages)"

# 2. Spectral. It resolves the OWASP ruleset package from .spectral.yml's folder (the repo root): NODE_PATH points there.
NODE_PATH="$PWD/node_modules" "$bin/spectral" lint ../openapi/v1.json -r ../.spectral.yml --fail-severity error \
  -f stylish -f json --output.json "$tmp/spectral.json" >"$tmp/spectral.txt" 2>&1
status=$?
if [[ -s "$tmp/spectral.json" ]]; then
  counts=$(node -e '
    const r = require(process.argv[1]);
    const n = s => r.filter(x => x.severity === s).length;
    const rules = [...new Set(r.filter(x => x.severity === 1).map(x => x.code))];
    console.log(`${n(0)} errors, ${n(1)} warnings${rules.length ? ` (${rules.join(", ")})` : ""}`);' "$tmp/spectral.json")
else
  counts="no results"
fi
if [[ $status -ne 0 ]]; then
  cat "$tmp/spectral.txt"
  summary "spectral" "FAILED: $counts"
  failed=1
else
  summary "spectral" "ok: $counts"
fi

# 3. Generated client types, then a strict type check of the usage file against them.
if ! "$bin/openapi-typescript" ../openapi/v1.json -o client/schema.d.ts >"$tmp/oat.log" 2>&1; then
  cat "$tmp/oat.log"
  summary "client types" "FAILED: openapi-typescript could not generate client/schema.d.ts"
  failed=1
elif ! "$bin/tsc" -p client --noEmit --strict >"$tmp/tsc.log" 2>&1; then
  cat "$tmp/tsc.log"
  summary "client types" "FAILED: tsc --strict, $(grep -c 'error TS' "$tmp/tsc.log") errors in client/usage.ts"
  failed=1
elif "$bin/tsc" -p client/tsconfig.null-check.json --noEmit >"$tmp/null.log" 2>&1 \
  || [ "$(grep -c 'error TS18047' "$tmp/null.log")" -ne 3 ]; then
  cat "$tmp/null.log"
  summary "client types" "FAILED: client/null-check.ts must fail with 3 'possibly null' errors (nullable fields typed as never null)"
  failed=1
else
  summary "client types" "ok: schema.d.ts generated, tsc --strict passes, and skipping a null check does not compile (3 of 3)"
fi

# 4. Dockerfile. dockerfilelint 1.8.0 (the last release) rejects HEALTHCHECK --start-period, a valid option: its
# option regex stops at the first dash (upstream issue #166). Such a report is re-checked here with the dash allowed
# and dropped only when every option is one Docker documents; every other finding fails the step.
"$bin/dockerfilelint" -j ../Dockerfile >"$tmp/dockerfile.json" 2>"$tmp/dockerfile.err"
if ! node -e '
  const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const allowed = ["--interval", "--timeout", "--start-period", "--start-interval", "--retries"];
  const falsePositive = i => i.title === "Invalid Argument Format" && /^HEALTHCHECK\s/i.test(i.content)
    && (i.content.split(/\s(?:CMD|NONE)(?:\s|$)/i)[0].match(/--[\w-]+/g) ?? []).every(o => allowed.includes(o));
  const issues = report.files.flatMap(f => f.issues.map(i => ({ file: f.file, ...i })));
  const real = issues.filter(i => !falsePositive(i));
  for (const i of real) console.log(`${i.file}:${i.line}: ${i.category}: ${i.title}: ${i.description}\n    ${i.content}`);
  console.log(`${real.length} issues${issues.length > real.length ? ` (${issues.length - real.length} known false positive ignored: HEALTHCHECK --start-period)` : ""}`);
  process.exit(real.length ? 1 : 0);' "$tmp/dockerfile.json" >"$tmp/dockerfile.txt" 2>&1; then
  cat "$tmp/dockerfile.err" "$tmp/dockerfile.txt"
  summary "dockerfilelint" "FAILED: $(tail -1 "$tmp/dockerfile.txt")"
  failed=1
else
  summary "dockerfilelint" "ok: $(tail -1 "$tmp/dockerfile.txt")"
fi

exit $failed
