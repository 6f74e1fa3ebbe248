#!/usr/bin/env bash
# Regenerates the examples (from the real data) and then openapi/v1.json (from the document the service serves,
# through the test host, so no database or port is needed), and checks that the committed files equal what is served.
# Run it after changing the API or the data.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_OPENAPI=1 dotnet test tests/IncidentApi.Tests --filter "FullyQualifiedName~TypeTruthTests.Every_json_operation_has_an_example" --nologo -v q
UPDATE_OPENAPI=1 dotnet test tests/IncidentApi.Tests --filter "FullyQualifiedName~OpenApiTests.The_committed_document_equals_what_is_served" --nologo -v q
echo "src/IncidentApi/Infrastructure/Docs/examples.json and openapi/v1.json regenerated."
