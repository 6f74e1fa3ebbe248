#!/usr/bin/env bash
# Vendors the published Frictionless "Tabular Data Package" JSON Schema, which the tests validate the dataset's
# datapackage.json against. It comes from the npm package `datapackage` (the Frictionless JavaScript library), pinned
# here, through npm's own client: npm pack downloads the exact version's tarball, and the profile is copied out.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=1.1.10
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "datapackage@$version" --silent >/dev/null && tar xzf "datapackage-$version.tgz")
cp "$work/package/lib/profiles/tabular-data-package.json" tests/IncidentApi.Tests/Schemas/tabular-data-package.json
echo "vendored tabular-data-package.json from datapackage@$version (MIT)"
