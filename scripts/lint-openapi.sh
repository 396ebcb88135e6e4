#!/usr/bin/env bash
# Lints the OpenAPI document that a running node serves with @redocly/cli (the recommended rules, redocly.yaml;
# the by-design findings with their reasons in .redocly.lint-ignore.yaml). Needs Node.js 20.19+ and npm.
#
#   scripts/lint-openapi.sh [http://127.0.0.1:8080]
#
# Writes the document to api/target/openapi.json; exits non-zero on any lint error (warnings are listed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="${1:-http://127.0.0.1:8080}"
mkdir -p "$root/api/target"
curl -fsS "$base/api/v1/openapi.json" -o "$root/api/target/openapi.json"
cd "$root"
npx --yes @redocly/cli@2 lint --config redocly.yaml --max-problems 100 api/target/openapi.json
