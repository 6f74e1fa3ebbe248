#!/usr/bin/env bash
# Regenerates openapi/v1.json from the document the service serves (through the test host, so no database or
# port is needed), then checks that the two are equal.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_OPENAPI=1 dotnet test tests/IncidentApi.Tests --filter "FullyQualifiedName~OpenApiTests.The_committed_document_equals_what_is_served" --nologo -v q
echo "openapi/v1.json regenerated."
